// Keeping the workspace's copy of an order current after any act on it: the rule functions
// return the new orders row, which goes straight into the cache (so the next act carries the
// new version), then the order's figures and history are refetched in the background.
import { useCallback } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { OrderRow, WorkspaceOrder } from './order-query';
import { workspaceQueries } from './workspace-queries';

export function applyOrderRow(queryClient: QueryClient, code: string, row: OrderRow) {
  queryClient.setQueryData(
    workspaceQueries.order(code).queryKey,
    (old: WorkspaceOrder | undefined) =>
      // An older row (a slow response after a newer realtime update) never replaces a newer one.
      old && old.order.version <= row.version ? { ...old, order: { ...old.order, ...row } } : old,
  );
  void queryClient.invalidateQueries({ queryKey: workspaceQueries.order(code).queryKey });
  void queryClient.invalidateQueries({ queryKey: workspaceQueries.events(row.id).queryKey });
}

/** For sections of other features: hand back the row an act returned. */
export function useApplyOrderRow(code: string) {
  const queryClient = useQueryClient();
  return useCallback((row: OrderRow) => applyOrderRow(queryClient, code, row), [queryClient, code]);
}

/** Refetch the order and its history (after an act that returns no order row). */
export function useRefreshOrder(code: string, orderId: string | undefined) {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: workspaceQueries.order(code).queryKey });
    if (orderId) {
      void queryClient.invalidateQueries({ queryKey: workspaceQueries.events(orderId).queryKey });
    }
  }, [queryClient, code, orderId]);
}
