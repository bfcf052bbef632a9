// The queue stays live: Realtime postgres_changes on intake_requests (a colleague assigns or
// confirms, a new request arrives) and on orders (a payment recorded elsewhere). A change to a
// request already in the cache is patched in place from the event; anything else (a new
// request, a closed one, an order) re-reads the small list it belongs to, once per burst.
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { RealtimePostgresChangesPayload } from '@supabase/supabase-js';
import { supabase } from '../../../lib/supabase';
import type { Tables } from '../../../types/database';
import { intakeQueries } from './intake-queries';

const BATCH_MS = 150;
const open = new Set(['new', 'in_review', 'confirmed']);

export function useIntakeRealtime(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const stale = new Set<'queue' | 'awaitingPayment'>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      for (const list of stale) {
        void queryClient.invalidateQueries({ queryKey: intakeQueries[list]().queryKey });
      }
      stale.clear();
    };
    const refetch = (list: 'queue' | 'awaitingPayment') => {
      stale.add(list);
      timer ??= setTimeout(flush, BATCH_MS);
    };

    const onRequest = (payload: RealtimePostgresChangesPayload<Tables<'intake_requests'>>) => {
      const row = payload.eventType === 'UPDATE' ? payload.new : null;
      const key = intakeQueries.queue().queryKey;
      const cached = queryClient.getQueryData(key);
      const known = row && cached?.find((r) => r.id === row.id);
      if (row && known && open.has(row.status) && row.version >= known.version) {
        queryClient.setQueryData(key, (rows) =>
          rows?.map((r) => (r.id === row.id ? { ...r, ...row } : r)),
        );
        return;
      }
      if (row && known && row.version < known.version) return;
      refetch('queue');
    };

    const channel = supabase
      .channel('intake-queue')
      .on('postgres_changes', { event: '*', schema: 'public', table: 'intake_requests' }, onRequest)
      .on('postgres_changes', { event: '*', schema: 'public', table: 'orders' }, (payload) => {
        // An update's old row carries only the key (no replica identity full): an order leaving
        // awaiting payment is recognised by being in the list.
        const row = (payload.eventType === 'DELETE' ? payload.old : payload.new) as Partial<
          Tables<'orders'>
        >;
        const listed = queryClient
          .getQueryData(intakeQueries.awaitingPayment().queryKey)
          ?.some((o) => o.id === row.id);
        if (row.stage === 'awaiting_payment' || listed) refetch('awaitingPayment');
      })
      .subscribe();
    return () => {
      if (timer) clearTimeout(timer);
      void supabase.removeChannel(channel);
    };
  }, [queryClient]);
}
