// Live updates for one open order: Realtime postgres_changes on the order and everything that
// hangs off it, filtered to this order so a busy workshop does not wake every open workspace.
// The caller decides which cached queries a change touches (targeted, no refetch storms).
import { useEffect, useRef } from 'react';
import { supabase } from '../../../lib/supabase';

export type LiveTable =
  | 'orders'
  | 'order_events'
  | 'cad_revisions'
  | 'production_steps'
  | 'shipments'
  | 'service_requests'
  | 'qc_runs';

const childTables: LiveTable[] = [
  'order_events',
  'cad_revisions',
  'production_steps',
  'shipments',
  'service_requests',
  'qc_runs',
];

export function useOrderLive(orderId: string | undefined, onChange: (table: LiveTable) => void) {
  // The latest callback without resubscribing on every render.
  const callback = useRef(onChange);
  useEffect(() => {
    callback.current = onChange;
  });
  useEffect(() => {
    if (!orderId) return;
    let channel = supabase
      // A topic of its own per mount: the board's drawer and a StrictMode remount must not
      // get back a channel that is still being removed (callbacks cannot be added after subscribe).
      .channel(`order-workspace:${orderId}:${crypto.randomUUID()}`)
      .on(
        'postgres_changes',
        { event: '*', schema: 'public', table: 'orders', filter: `id=eq.${orderId}` },
        () => callback.current('orders'),
      );
    for (const table of childTables) {
      channel = channel.on(
        'postgres_changes',
        { event: '*', schema: 'public', table, filter: `order_id=eq.${orderId}` },
        () => callback.current(table),
      );
    }
    channel.subscribe();
    return () => {
      void supabase.removeChannel(channel);
    };
  }, [orderId]);
}
