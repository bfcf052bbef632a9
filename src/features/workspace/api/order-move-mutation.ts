// Moving an order to another stage with public.move_order at the version on screen. Not
// optimistic here: the workspace shows the move as pending until the database has checked the
// preconditions, then shows the new stage or the database's reason.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { OrderStage } from '../lib/labels';
import type { OrderRow } from './order-query';
import { workspaceQueries } from './workspace-queries';
import { applyOrderRow } from './order-cache';

export type MoveOrderVariables = {
  orderId: string;
  toStage: OrderStage;
  expectedVersion: number;
  note?: string;
  overrideReason?: string;
};

export async function moveOrder(v: MoveOrderVariables): Promise<OrderRow> {
  const { data, error } = await supabase.rpc('move_order', {
    p_order_id: v.orderId,
    p_to_stage: v.toStage,
    p_expected_version: v.expectedVersion,
    ...(v.note ? { p_note: v.note } : {}),
    ...(v.overrideReason ? { p_override_reason: v.overrideReason } : {}),
  });
  if (error) throw toAppError(error);
  return data as OrderRow;
}

export function useMoveOrderMutation(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: moveOrder,
    // The move dialog shows the refusal beside the choice, where the person is looking.
    meta: { errorShownInline: true },
    onError: (error) => {
      if (toAppError(error).code === 'PT409') {
        void queryClient.invalidateQueries({ queryKey: workspaceQueries.order(code).queryKey });
      }
    },
    onSuccess: (row) => applyOrderRow(queryClient, code, row),
  });
}
