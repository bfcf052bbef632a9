// Booking a shipment: carrier and tracking number, optionally already handed to the carrier.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import { normalizeTracking, type Carrier } from '../lib/tracking';
import { shippingQueries } from './shipping-queries';
import type { Shipment } from './shipments-query';

export type CreateShipmentVariables = {
  orderId: string;
  carrier: Carrier;
  trackingNumber: string;
  shippedAt: string | null;
};

export async function createShipment(v: CreateShipmentVariables): Promise<Shipment> {
  const { data, error } = await supabase
    .from('shipments')
    .insert({
      order_id: v.orderId,
      carrier: v.carrier,
      tracking_number: normalizeTracking(v.trackingNumber),
      shipped_at: v.shippedAt,
    })
    .select('*')
    .single();
  if (error) throw toAppError(error);
  return data;
}

export function useCreateShipmentMutation(onDone?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createShipment,
    meta: { errorShownInline: true },
    onSuccess: () => onDone?.(),
    onSettled: (_d, _e, v) =>
      queryClient.invalidateQueries({ queryKey: shippingQueries.shipments(v.orderId).queryKey }),
  });
}
