// Logging an after-sales request: a resize (the database decides whether it is free) or care.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Enums } from '../../../types/database';
import { shippingQueries } from './shipping-queries';
import type { ServiceRequest } from './after-sales-query';

export type CreateServiceRequestVariables = {
  orderId: string;
  kind: Enums<'service_kind'>;
  fromSize?: number;
  toSize?: number;
  note?: string;
};

export async function createServiceRequest(
  v: CreateServiceRequestVariables,
): Promise<ServiceRequest> {
  const { data, error } = await supabase
    .from('service_requests')
    .insert({
      order_id: v.orderId,
      kind: v.kind,
      from_size: v.fromSize ?? null,
      to_size: v.toSize ?? null,
      note: v.note?.trim() || null,
    })
    .select('*')
    .single();
  if (error) throw toAppError(error);
  return data;
}

export function useCreateServiceRequestMutation(onDone?: (saved: ServiceRequest) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createServiceRequest,
    meta: { errorShownInline: true },
    onSuccess: (saved) => onDone?.(saved),
    onSettled: (_d, _e, v) =>
      queryClient.invalidateQueries({ queryKey: shippingQueries.afterSales(v.orderId).queryKey }),
  });
}
