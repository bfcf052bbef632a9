// Finishing a QC run is moving the order (move_order decides): pass → shipping, which needs
// every required item passed and, for certified stones, the certificate, photos and unboxing
// video (LP013/LP014); fail → back to production as rework, with the reason (LP003).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import { qcQueries } from './qc-queries';

export type FinishQcRunVariables =
  { outcome: 'pass'; version: number } | { outcome: 'fail'; version: number; reason: string };

export async function finishQcRun(orderId: string, v: FinishQcRunVariables) {
  const { data, error } = await supabase.rpc('move_order', {
    p_order_id: orderId,
    p_to_stage: v.outcome === 'pass' ? 'shipping' : 'production',
    p_expected_version: v.version,
    ...(v.outcome === 'fail' ? { p_note: v.reason.trim() } : {}),
  });
  if (error) throw toAppError(error);
  return data;
}

export function useFinishQcRunMutation(orderId: string, onMoved?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: FinishQcRunVariables) => finishQcRun(orderId, v),
    onSuccess: () => onMoved?.(),
    // The page's own view of the order (header, timeline) refreshes through onMoved; the
    // board hears the move over realtime.
    onSettled: () => queryClient.invalidateQueries({ queryKey: qcQueries.order(orderId) }),
  });
}
