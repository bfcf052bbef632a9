// Live ledger: a Realtime subscription to metal_entries (one order's, or every order's for the
// floor page) that re-reads only the ledger queries, so a weight logged at another bench shows
// here without a refresh.
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { metalLedgerQueries } from './metal-ledger-queries';

export function useMetalLedgerLive(orderId?: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const channel = supabase
      // A topic per mount: a StrictMode remount must not get back a channel being removed.
      .channel(`metal-ledger:${orderId ?? 'floor'}:${crypto.randomUUID()}`)
      .on(
        'postgres_changes',
        {
          event: 'INSERT',
          schema: 'public',
          table: 'metal_entries',
          ...(orderId ? { filter: `order_id=eq.${orderId}` } : {}),
        },
        (payload) => {
          const changed = (payload.new as { order_id?: string }).order_id;
          if (changed) {
            void queryClient.invalidateQueries({ queryKey: metalLedgerQueries.order(changed) });
          }
          void queryClient.invalidateQueries({ queryKey: metalLedgerQueries.floor() });
        },
      )
      .subscribe();
    return () => {
      void supabase.removeChannel(channel);
    };
  }, [orderId, queryClient]);
}
