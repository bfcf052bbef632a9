import { describe, expect, it } from 'vitest';
import { listFilters, listOrder, searchFilter, searchTerm } from './list-filters';
import { defaultTableState } from './table-state';

describe('orders table → PostgREST filters on order_list', () => {
  it('the default view filters nothing and lists newest first, then by id', () => {
    expect(listFilters(defaultTableState)).toEqual([]);
    expect(listOrder(defaultTableState)).toEqual([
      { column: 'created_at', ascending: false, nullsFirst: false },
      { column: 'id', ascending: true, nullsFirst: false },
    ]);
  });

  it('turns each filter into the matching column condition', () => {
    expect(
      listFilters({
        ...defaultTableState,
        stages: ['cad', 'qc'],
        sla: ['red'],
        products: ['bespoke_ring', 'earscape'],
        assignee: '0a5e1000-0000-4000-8000-000000000002',
        late: true,
        created: { from: '2026-03-01', to: '2026-03-31' },
        promised: { from: null, to: '2026-12-24' },
        paid: { from: '2026-01-05', to: null },
      }),
    ).toEqual([
      { column: 'stage', op: 'in', value: '(cad,qc)' },
      { column: 'sla_status', op: 'in', value: '(red)' },
      { column: 'product', op: 'in', value: '(bespoke_ring,earscape)' },
      { column: 'assignee_id', op: 'eq', value: '0a5e1000-0000-4000-8000-000000000002' },
      { column: 'is_late', op: 'eq', value: 'true' },
      { column: 'created_on', op: 'gte', value: '2026-03-01' },
      { column: 'created_on', op: 'lte', value: '2026-03-31' },
      { column: 'promised_date', op: 'lte', value: '2026-12-24' },
      { column: 'paid_on', op: 'gte', value: '2026-01-05' },
    ]);
    expect(listFilters({ ...defaultTableState, assignee: 'unassigned' })).toEqual([
      { column: 'assignee_id', op: 'is', value: 'null' },
    ]);
  });

  it('sorts time in stage by when the stage was entered, reversed (longest first = earliest)', () => {
    const [first] = listOrder({
      ...defaultTableState,
      sort: { column: 'timeInStage', desc: true },
    });
    expect(first).toEqual({ column: 'stage_entered_at', ascending: true, nullsFirst: false });
    const [code] = listOrder({ ...defaultTableState, sort: { column: 'code', desc: false } });
    expect(code).toEqual({ column: 'code_sort', ascending: true, nullsFirst: false });
    const [sla] = listOrder({ ...defaultTableState, sort: { column: 'sla', desc: true } });
    expect(sla?.column).toBe('sla_rank');
  });

  it('searches code, customer and product name with the text taken literally', () => {
    expect(searchFilter('Maya')).toBe(
      'code.ilike."*Maya*",customer_display_name.ilike."*Maya*",product_name.ilike."*Maya*"',
    );
    expect(searchFilter('   ')).toBeNull();
    // Wildcards and PostgREST's separators cannot widen or break the filter.
    expect(searchTerm('50%_off,(x)*"y"')).toBe('50 off x y');
    expect(searchFilter('%')).toBeNull();
    // Names keep their letters, apostrophes and hyphens; codes their hyphens.
    expect(searchTerm("  Zoë O'Brien-Núñez ")).toBe("Zoë O'Brien-Núñez");
    expect(searchTerm('LP-2026-0042')).toBe('LP-2026-0042');
  });
});
