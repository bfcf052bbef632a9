import { describe, expect, it } from 'vitest';
import { csvFileName, toCsv } from './csv';

type Row = { name: string; n: number | null };
const columns = [
  { header: 'Name', value: (r: Row) => r.name },
  { header: 'Count', value: (r: Row) => r.n },
];

describe('toCsv', () => {
  it('writes a header and one CRLF line per row, empty for missing values', () => {
    expect(
      toCsv(columns, [
        { name: 'CAD', n: 3 },
        { name: 'QC', n: null },
      ]),
    ).toBe('Name,Count\r\nCAD,3\r\nQC,\r\n');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(toCsv(columns, [{ name: 'Stones, "secure"\nnow', n: 1 }])).toBe(
      'Name,Count\r\n"Stones, ""secure""\nnow",1\r\n',
    );
  });

  it('keeps spreadsheet formulas inert but leaves negative numbers alone', () => {
    expect(toCsv(columns, [{ name: '=HYPERLINK("x")', n: -2 }])).toBe(
      'Name,Count\r\n"\'=HYPERLINK(""x"")",-2\r\n',
    );
  });
});

describe('csvFileName', () => {
  it('names the chart, the range and the product', () => {
    expect(
      csvFileName('Turnaround per stage', {
        from: '2024-04-01',
        to: '2024-04-28',
        product: 'earscape',
      }),
    ).toBe('analytics-turnaround-per-stage-2024-04-01-to-2024-04-28-earscape.csv');
    expect(
      csvFileName('QC: first pass', { from: '2024-04-01', to: '2024-04-28', product: null }),
    ).toBe('analytics-qc-first-pass-2024-04-01-to-2024-04-28.csv');
  });
});
