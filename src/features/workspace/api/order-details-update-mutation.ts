// Changing an order's assignee, priority or promised date through public.update_order_details,
// at the version the person saw. Optimistic: the header shows the change at once and goes back
// if the database refuses (role, stale version), with the database's sentence.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { OrderRow, WorkspaceOrder } from './order-query';
import { workspaceQueries } from './workspace-queries';
import { applyOrderRow } from './order-cache';

export type OrderDetailsChanges = Partial<
  Pick<OrderRow, 'assignee_id' | 'priority' | 'promised_date'>
>;

export type UpdateOrderDetailsVariables = {
  orderId: string;
  expectedVersion: number;
  changes: OrderDetailsChanges;
};

export async function updateOrderDetails({
  orderId,
  expectedVersion,
  changes,
}: UpdateOrderDetailsVariables): Promise<OrderRow> {
  const { data, error } = await supabase.rpc('update_order_details', {
    p_order_id: orderId,
    p_expected_version: expectedVersion,
    p_changes: changes,
  });
  if (error) throw toAppError(error);
  return data as OrderRow;
}

export function useUpdateOrderDetailsMutation(code: string) {
  const queryClient = useQueryClient();
  const key = workspaceQueries.order(code).queryKey;
  return useMutation({
    mutationFn: updateOrderDetails,
    onMutate: async ({ changes }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<WorkspaceOrder>(key);
      if (previous) {
        queryClient.setQueryData<WorkspaceOrder>(key, {
          ...previous,
          order: { ...previous.order, ...changes },
        });
      }
      return { previous };
    },
    onError: (error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      notifications.show({
        color: 'red',
        title: 'Not changed',
        message: toAppError(error).message,
      });
      // A conflict means the copy on screen is old: fetch what the other person saved.
      void queryClient.invalidateQueries({ queryKey: key });
    },
    onSuccess: (row) => applyOrderRow(queryClient, code, row),
  });
}
