// Every order of the filtered set, for the CSV export: fetched in ranges of 1,000 (the
// project's max_rows: PostgREST never returns more in one answer), in the table's order with
// id as tie-breaker so no order is skipped or repeated between ranges.
import { toAppError } from '../../../lib/errors';
import type { OrderListRow } from '../lib/order-cells';
import type { OrdersTableState } from '../lib/table-state';
import { filteredOrders } from './orders-page-query';

export const EXPORT_CHUNK = 1000;

export async function fetchAllOrders(
  state: OrdersTableState,
  onProgress?: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<OrderListRow[]> {
  const rows: OrderListRow[] = [];
  let total = Infinity;
  while (rows.length < total) {
    const from = rows.length;
    const { data, error, count } = await filteredOrders(state, {
      // Counted once, with the first range.
      count: from === 0 ? 'exact' : undefined,
      signal,
    }).range(from, from + EXPORT_CHUNK - 1);
    if (error) throw toAppError(error);
    if (from === 0) total = count ?? 0;
    rows.push(...(data ?? []));
    onProgress?.(rows.length, total);
    // Rows deleted since the count: stop at the end instead of asking forever.
    if (!data || data.length < EXPORT_CHUNK) break;
  }
  return rows;
}
