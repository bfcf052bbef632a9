import { describe, expect, it } from 'vitest';
import { defaultRange, filtersFromSearch, filtersToSearch, rangePresets } from './filters';

// Wednesday 25 November 2026, local time.
const today = new Date(2026, 10, 25, 15, 0);

describe('analytics filters in the URL', () => {
  it('defaults to the current week and the 15 before it, all products', () => {
    expect(defaultRange(today)).toEqual({ from: '2026-08-10', to: '2026-11-25' });
    expect(filtersFromSearch(new URLSearchParams(), today)).toEqual({
      from: '2026-08-10',
      to: '2026-11-25',
      product: null,
    });
  });

  it('reads a valid range and product', () => {
    const params = new URLSearchParams('from=2026-01-05&to=2026-03-29&product=earscape');
    expect(filtersFromSearch(params, today)).toEqual({
      from: '2026-01-05',
      to: '2026-03-29',
      product: 'earscape',
    });
  });

  it('falls back on reversed, impossible, malformed or too long ranges and unknown products', () => {
    for (const query of [
      'from=2026-03-01&to=2026-02-01',
      'from=2026-02-30&to=2026-03-01',
      'from=yesterday&to=2026-03-01',
      'from=2020-01-01&to=2026-01-01',
    ]) {
      expect(filtersFromSearch(new URLSearchParams(query), today)).toMatchObject(
        defaultRange(today),
      );
    }
    expect(filtersFromSearch(new URLSearchParams('product=watches'), today).product).toBeNull();
  });

  it('writes the filters back, keeping other params and dropping "all products"', () => {
    const next = filtersToSearch(
      { from: '2026-01-05', to: '2026-03-29', product: null },
      new URLSearchParams('product=earscape&table=cad'),
    );
    expect(next.toString()).toBe('table=cad&from=2026-01-05&to=2026-03-29');
  });

  it('offers whole-week presets ending today, the default among them', () => {
    expect(rangePresets(today)).toEqual([
      { label: 'Last 4 weeks', from: '2026-11-02', to: '2026-11-25' },
      { label: 'Last 16 weeks', from: '2026-08-10', to: '2026-11-25' },
      { label: 'Last 52 weeks', from: '2025-12-01', to: '2026-11-25' },
      { label: 'This year', from: '2026-01-01', to: '2026-11-25' },
    ]);
  });
});
