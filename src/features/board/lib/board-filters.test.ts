import { describe, expect, it } from 'vitest';
import {
  matchesFilters,
  noFilters,
  parseBoardFilters,
  withBoardFilters,
  type BoardFilters,
} from './board-filters';
import { makeCard } from '../testing/card-factory';

describe('board filters in the URL', () => {
  it('round-trips every filter through the query string', () => {
    const filters: BoardFilters = {
      q: 'LP-2026',
      mine: true,
      product: 'earscape',
      risk: 'gift_deadline',
      late: true,
    };
    const params = withBoardFilters(new URLSearchParams(), filters);
    expect(params.toString()).toBe('q=LP-2026&mine=1&product=earscape&risk=gift_deadline&late=1');
    expect(parseBoardFilters(params)).toEqual(filters);
  });

  it('keeps other parameters (the open order) and removes cleared filters', () => {
    const params = new URLSearchParams('order=LP-2026-0001&q=maya&late=1');
    const next = withBoardFilters(params, { ...noFilters, q: 'maya' });
    expect(next.toString()).toBe('order=LP-2026-0001&q=maya');
  });

  it('ignores values it does not know, so an old or edited link still opens', () => {
    expect(parseBoardFilters(new URLSearchParams('product=necklace&risk=x&mine=yes'))).toEqual(
      noFilters,
    );
  });
});

describe('which cards a filter keeps', () => {
  const me = 'me-id';

  it('searches the code and the customer name, case-insensitively', () => {
    const card = makeCard({ code: 'LP-2026-0420', customer_display_name: 'Maya R.' });
    expect(matchesFilters(card, { ...noFilters, q: '0420' }, me)).toBe(true);
    expect(matchesFilters(card, { ...noFilters, q: 'maya' }, me)).toBe(true);
    expect(matchesFilters(card, { ...noFilters, q: 'priya' }, me)).toBe(false);
  });

  it('keeps mine, the product, the risk flag and late ones when asked', () => {
    const mine = makeCard({ assignee_id: me, risk_flags: ['gift_deadline'], product: 'earscape' });
    const other = makeCard({ assignee_id: 'someone', sla_status: 'red' });
    const pastPromise = makeCard({ is_late: true });
    expect(matchesFilters(mine, { ...noFilters, mine: true }, me)).toBe(true);
    expect(matchesFilters(other, { ...noFilters, mine: true }, me)).toBe(false);
    expect(matchesFilters(mine, { ...noFilters, product: 'earscape' }, me)).toBe(true);
    expect(matchesFilters(other, { ...noFilters, product: 'earscape' }, me)).toBe(false);
    expect(matchesFilters(mine, { ...noFilters, risk: 'gift_deadline' }, me)).toBe(true);
    expect(matchesFilters(other, { ...noFilters, risk: 'gift_deadline' }, me)).toBe(false);
    expect(matchesFilters(other, { ...noFilters, late: true }, me)).toBe(true);
    expect(matchesFilters(pastPromise, { ...noFilters, late: true }, me)).toBe(true);
    expect(matchesFilters(mine, { ...noFilters, late: true }, me)).toBe(false);
  });
});
