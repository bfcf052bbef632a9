import { describe, expect, it } from 'vitest';
import {
  clearFilters,
  defaultTableState,
  hasFilters,
  isIsoDate,
  parseTableState,
  serializeTableState,
  withFilters,
  type OrdersTableState,
} from './table-state';

const parse = (query: string) => parseTableState(new URLSearchParams(query));
const url = (state: OrdersTableState) => serializeTableState(state).toString();

describe('orders table state in the URL', () => {
  it('an empty URL is the default view, and the default view writes an empty URL', () => {
    expect(parse('')).toEqual(defaultTableState);
    expect(url(defaultTableState)).toBe('');
  });

  it('round-trips every filter, the sort, the page and hidden columns', () => {
    const state: OrdersTableState = {
      search: 'Maya R',
      stages: ['cad', 'production'],
      sla: ['amber', 'red'],
      assignee: '0a5e1000-0000-4000-8000-000000000002',
      products: ['earscape'],
      late: true,
      created: { from: '2026-03-01', to: '2026-03-31' },
      promised: { from: null, to: '2026-12-24' },
      paid: { from: '2026-01-05', to: null },
      sort: { column: 'timeInStage', desc: true },
      page: 3,
      pageSize: 100,
      hidden: ['metal', 'paid'],
    };
    expect(parse(url(state))).toEqual(state);
    expect(url(state)).toBe(
      'q=Maya+R&stage=cad%2Cproduction&sla=amber%2Cred&product=earscape' +
        '&assignee=0a5e1000-0000-4000-8000-000000000002&late=1&created_from=2026-03-01' +
        '&created_to=2026-03-31&promised_to=2026-12-24&paid_from=2026-01-05' +
        '&sort=timeInStage.desc&page=3&size=100&hide=metal%2Cpaid',
    );
  });

  it('writes lists in one canonical order, so the same filters give the same URL', () => {
    const a = url({ ...defaultTableState, stages: ['qc', 'cad'], hidden: ['paid', 'code'] });
    const b = url({ ...defaultTableState, stages: ['cad', 'qc'], hidden: ['code', 'paid'] });
    expect(a).toBe(b);
    expect(a).toBe('stage=cad%2Cqc&hide=code%2Cpaid');
  });

  it('ignores what it does not understand instead of failing (old or edited bookmarks)', () => {
    const state = parse(
      'stage=cad,teleported&sla=purple&product=tiara&assignee=robert&sort=colour.asc' +
        '&page=-2&size=33&hide=code,nope&late=yes&created_from=2026-02-30&paid_to=soon',
    );
    expect(state).toEqual({ ...defaultTableState, stages: ['cad'], hidden: ['code'] });
    expect(parse('sort=code.sideways').sort).toEqual(defaultTableState.sort);
    expect(parse('page=2.5').page).toBe(1);
  });

  it('reads unassigned, and swaps a reversed date range back', () => {
    expect(parse('assignee=unassigned').assignee).toBe('unassigned');
    expect(parse('promised_from=2026-05-10&promised_to=2026-05-01').promised).toEqual({
      from: '2026-05-01',
      to: '2026-05-10',
    });
  });

  it('trims the search and leaves a blank one out', () => {
    expect(parse('q=%20%20LP-2026%20').search).toBe('LP-2026');
    expect(url({ ...defaultTableState, search: '   ' })).toBe('');
  });

  it('changing a filter goes back to page 1; clearing keeps sort, page size and columns', () => {
    const paged: OrdersTableState = {
      ...defaultTableState,
      page: 4,
      pageSize: 25,
      sort: { column: 'promised', desc: false },
      hidden: ['metal'],
      stages: ['qc'],
    };
    expect(withFilters(paged, { sla: ['red'] })).toMatchObject({
      page: 1,
      sla: ['red'],
      stages: ['qc'],
    });
    expect(hasFilters(paged)).toBe(true);
    const cleared = clearFilters(paged);
    expect(hasFilters(cleared)).toBe(false);
    expect(cleared).toEqual({
      ...defaultTableState,
      pageSize: 25,
      sort: { column: 'promised', desc: false },
      hidden: ['metal'],
    });
  });

  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-3-1')).toBe(false);
  });
});
