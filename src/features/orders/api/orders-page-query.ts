// One page of the orders table from public.order_list: the view's filters and ordering, a
// PostgREST range, and the exact count of the whole filtered set (Prefer: count=exact).
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import { listFilters, listOrder, searchFilter } from '../lib/list-filters';
import { orderListSelect, type OrderListRow } from '../lib/order-cells';
import type { OrdersTableState } from '../lib/table-state';

export type OrdersPage = { rows: OrderListRow[]; total: number };

/** The filtered, ordered query without a range: a page and the export share it. */
export function filteredOrders(
  state: OrdersTableState,
  options: { count?: 'exact'; signal?: AbortSignal } = {},
) {
  let query = supabase
    .from('order_list')
    .select(orderListSelect, options.count ? { count: options.count } : undefined);
  for (const f of listFilters(state)) query = query.filter(f.column, f.op, f.value);
  const search = searchFilter(state.search);
  if (search) query = query.or(search);
  for (const o of listOrder(state)) {
    query = query.order(o.column as keyof OrderListRow & string, {
      ascending: o.ascending,
      nullsFirst: o.nullsFirst,
    });
  }
  return options.signal ? query.abortSignal(options.signal) : query;
}

export async function fetchOrdersPage(
  state: OrdersTableState,
  signal?: AbortSignal,
): Promise<OrdersPage> {
  const from = (state.page - 1) * state.pageSize;
  const { data, error, count } = await filteredOrders(state, { count: 'exact', signal }).range(
    from,
    from + state.pageSize - 1,
  );
  // A page past the end (a bookmark from when there were more orders) is not an error:
  // PostgREST answers 416, and the table offers the last page instead.
  if (error && error.code === 'PGRST103') return { rows: [], total: count ?? 0 };
  if (error) throw toAppError(error);
  return { rows: data ?? [], total: count ?? 0 };
}
