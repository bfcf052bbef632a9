// Recording that a parcel left (shipped) or arrived (delivered). An update RLS does not allow
// matches no row; .single() then fails and the person is told instead of seeing nothing happen.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { AppError, toAppError } from '../../../lib/errors';
import { shippingQueries } from './shipping-queries';
import type { Shipment } from './shipments-query';

export type UpdateShipmentVariables = {
  orderId: string;
  shipmentId: string;
  changes: Partial<Pick<Shipment, 'shipped_at' | 'delivered_at'>>;
};

export async function updateShipment(v: UpdateShipmentVariables): Promise<Shipment> {
  const { data, error } = await supabase
    .from('shipments')
    .update(v.changes)
    .eq('id', v.shipmentId)
    .select('*')
    .maybeSingle();
  if (error) throw toAppError(error);
  if (!data) {
    throw new AppError(
      'PT403',
      'Only a stylist, the workshop or a manager can update a shipment.',
      403,
    );
  }
  return data;
}

export function useUpdateShipmentMutation(onDone?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateShipment,
    onSuccess: () => onDone?.(),
    onSettled: (_d, _e, v) =>
      queryClient.invalidateQueries({ queryKey: shippingQueries.shipments(v.orderId).queryKey }),
  });
}
