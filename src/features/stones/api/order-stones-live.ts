// Live stones for one order: a Realtime subscription to its stone_allocations that re-reads only
// this order's stone queries (and the inventory lists), so a stone marked set when hand-setting
// is recorded at the bench, or released when the order is cancelled, shows without a refresh.
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { refreshStones } from './stone-cache';

export function useOrderStonesLive(orderId: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const channel = supabase
      // A topic per mount: a StrictMode remount must not get back a channel being removed.
      .channel(`stones:${orderId}:${crypto.randomUUID()}`)
      .on(
        'postgres_changes',
        {
          event: '*',
          schema: 'public',
          table: 'stone_allocations',
          filter: `order_id=eq.${orderId}`,
        },
        () => refreshStones(queryClient, orderId),
      )
      .subscribe();
    return () => {
      void supabase.removeChannel(channel);
    };
  }, [orderId, queryClient]);
}
