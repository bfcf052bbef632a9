import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';

describe('CSV export', () => {
  it('leaves plain values bare and empty values empty', () => {
    expect(csvField('LP-2026-0042')).toBe('LP-2026-0042');
    expect(csvField(2)).toBe('2');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(false)).toBe('false');
  });

  it('quotes commas, quotes and line breaks, doubling quotes inside', () => {
    expect(csvField('Oval, 1.2 ct')).toBe('"Oval, 1.2 ct"');
    expect(csvField('The "Aurora" ring')).toBe('"The ""Aurora"" ring"');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvField('+1 212 555')).toBe("'+1 212 555");
    expect(csvField('@sum')).toBe("'@sum");
    // Numbers are numbers, not formulas.
    expect(csvField(-3)).toBe('-3');
  });

  it('writes a header and one CRLF-terminated line per row', () => {
    expect(
      toCsv(
        ['Order', 'Customer', 'CAD rounds'],
        [
          ['LP-2026-0001', 'Maya R.', 1],
          ['LP-2026-0002', 'Olivia, B.', null],
        ],
      ),
    ).toBe('Order,Customer,CAD rounds\r\nLP-2026-0001,Maya R.,1\r\nLP-2026-0002,"Olivia, B.",\r\n');
  });
});
