// Cache moves shared by the stone mutations: optimistic patches of the inventory lists and an
// order's stones, their rollback, and the targeted re-read once the database has answered.
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { toAppError } from '../../../lib/errors';
import { stoneQueries } from './stone-queries';
import type { InventoryStone } from './stone-inventory-query';
import type { OrderStone } from './order-stones-query';

export type Snapshot = Array<[QueryKey, unknown]>;

/** Patch every cached certified-stone list (whatever its filters) and remember how it was. */
export async function patchInventory(
  queryClient: QueryClient,
  stoneId: string,
  patch: Partial<InventoryStone>,
): Promise<Snapshot> {
  const key = [...stoneQueries.inventories(), 'certified'];
  await queryClient.cancelQueries({ queryKey: key });
  const previous = queryClient.getQueriesData<InventoryStone[]>({ queryKey: key });
  queryClient.setQueriesData<InventoryStone[]>({ queryKey: key }, (rows) =>
    rows?.map((r) => (r.id === stoneId ? { ...r, ...patch } : r)),
  );
  return previous;
}

/** Take an allocation off an order's list (a release) and remember how it was. */
export async function dropOrderStone(
  queryClient: QueryClient,
  orderId: string,
  allocationId: string,
): Promise<Snapshot> {
  const { queryKey } = stoneQueries.orderStones(orderId);
  await queryClient.cancelQueries({ queryKey });
  const previous = queryClient.getQueriesData<OrderStone[]>({ queryKey });
  queryClient.setQueryData<OrderStone[]>(queryKey, (rows) =>
    rows?.filter((r) => r.allocation_id !== allocationId),
  );
  return previous;
}

export function restore(queryClient: QueryClient, snapshot: Snapshot | undefined) {
  for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
}

/** The refusal in the database's own sentence; data was left as it was, and so is the screen. */
export function showRefusal(error: unknown) {
  notifications.show({
    color: 'red',
    title: 'That did not work',
    message: toAppError(error).message,
  });
}

/** Re-read what an allocation or release changed: the lists, and the order it touched. */
export function refreshStones(queryClient: QueryClient, orderId?: string | null) {
  void queryClient.invalidateQueries({ queryKey: stoneQueries.inventories() });
  if (orderId) void queryClient.invalidateQueries({ queryKey: stoneQueries.order(orderId) });
}
