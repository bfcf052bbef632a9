// The orders table's state as PostgREST filters and ordering on public.order_list: pure, so
// the exact request a view makes is unit-tested; the api file only hands them to supabase-js.
import { sortColumns } from './columns';
import { UNASSIGNED, type OrdersTableState } from './table-state';

export type ListFilter = { column: string; op: 'in' | 'eq' | 'is' | 'gte' | 'lte'; value: string };
export type ListOrder = { column: string; ascending: boolean; nullsFirst: boolean };

/**
 * Search text as it may go into an `ilike` inside PostgREST's `or=(…)`: letters (any script),
 * digits, spaces and the punctuation of names and codes. LIKE's wildcards (% _ *), PostgREST's
 * separators and quotes are dropped, so what a person types is matched literally.
 */
export function searchTerm(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}\s'.-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
}

/** `or=(…)` over code, customer and product name, or null when there is nothing to search. */
export function searchFilter(text: string): string | null {
  const term = searchTerm(text);
  if (!term) return null;
  // Double quotes keep spaces and dots inside the value (PostgREST's quoting rules).
  const pattern = `"*${term}*"`;
  return ['code', 'customer_display_name', 'product_name']
    .map((column) => `${column}.ilike.${pattern}`)
    .join(',');
}

export function listFilters(state: OrdersTableState): ListFilter[] {
  const filters: ListFilter[] = [];
  const inList = (column: string, values: readonly string[]) => {
    if (values.length) filters.push({ column, op: 'in', value: `(${values.join(',')})` });
  };
  inList('stage', state.stages);
  inList('sla_status', state.sla);
  inList('product', state.products);
  if (state.assignee === UNASSIGNED)
    filters.push({ column: 'assignee_id', op: 'is', value: 'null' });
  else if (state.assignee) filters.push({ column: 'assignee_id', op: 'eq', value: state.assignee });
  if (state.late) filters.push({ column: 'is_late', op: 'eq', value: 'true' });
  const ranges = [
    ['created_on', state.created],
    ['promised_date', state.promised],
    ['paid_on', state.paid],
  ] as const;
  for (const [column, { from, to }] of ranges) {
    if (from) filters.push({ column, op: 'gte', value: from });
    if (to) filters.push({ column, op: 'lte', value: to });
  }
  return filters;
}

/**
 * The ordering: the chosen column (empty values last either way, so "promised, soonest" does
 * not open on orders without a date), then id, so pages never overlap or skip a row.
 */
export function listOrder(state: OrdersTableState): ListOrder[] {
  const { column, inverted } = sortColumns[state.sort.column];
  const ascending = inverted ? state.sort.desc : !state.sort.desc;
  return [
    { column, ascending, nullsFirst: false },
    { column: 'id', ascending: true, nullsFirst: false },
  ];
}
