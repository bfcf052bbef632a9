import { describe, expect, it } from 'vitest';
import {
  formatCarat,
  normaliseReportNumber,
  parseStoneFilters,
  searchPattern,
  stoneFilterParams,
} from './stone-filters';

describe('stone filters in the URL', () => {
  it('reads known values and drops unknown ones', () => {
    expect(parseStoneFilters(new URLSearchParams('tab=melee&q= 2200 &state=set&lab=GIA'))).toEqual({
      tab: 'melee',
      q: '2200',
      state: 'set',
      lab: 'GIA',
    });
    expect(parseStoneFilters(new URLSearchParams('state=stolen&lab=HRD&tab=x'))).toEqual({
      tab: 'certified',
      q: '',
      state: null,
      lab: null,
    });
  });

  it('writes only what differs from the defaults, and reads back the same', () => {
    const f = { tab: 'certified' as const, q: 'oval', state: 'available' as const, lab: null };
    expect(stoneFilterParams(f).toString()).toBe('q=oval&state=available');
    expect(parseStoneFilters(stoneFilterParams(f))).toEqual(f);
    expect(stoneFilterParams({ tab: 'certified', q: '', state: null, lab: null }).toString()).toBe(
      '',
    );
  });
});

describe('report numbers and search text', () => {
  it('normalises a typed report number the way the database stores it', () => {
    expect(normaliseReportNumber('lg 600-000 009')).toBe('LG600000009');
  });
  it('keeps characters out of the search that would break the PostgREST filter', () => {
    expect(searchPattern('LP-2026,(0042)')).toBe('%LP-2026  0042%');
    expect(searchPattern('  ')).toBeNull();
  });
  it('shows carats to the hundredth, thousandths only when they exist', () => {
    expect(formatCarat(1.02)).toBe('1.02 ct');
    expect(formatCarat(0.305)).toBe('0.305 ct');
    expect(formatCarat(null)).toBe('—');
  });
});

describe('the certificate checklist line', () => {
  it('is found by its label whatever the case or spacing, and no other line is', async () => {
    const { isCertificateMatchItem } = await import('./certificate-item');
    expect(isCertificateMatchItem({ label: ' Certificate matches stone ' })).toBe(true);
    expect(isCertificateMatchItem({ label: 'Stones secure' })).toBe(false);
  });
});
