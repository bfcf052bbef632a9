// Live board: Realtime postgres_changes on the tables a card is made of. Each event names an
// order; the ids are collected for a moment and their cards re-read in one request, then
// patched into the cache — a burst of changes costs one small read, never a full refetch.
// After a dropped connection comes back, the board is re-read once to catch up.
import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { RealtimePostgresChangesPayload } from '@supabase/supabase-js';
import { supabase } from '../../../lib/supabase';
import { boardQueries } from './board-queries';
import { refreshBoardCards } from './board-cards-refresh';
import { createChangeBatcher } from '../lib/change-batcher';

/** Long enough to gather a transaction's several rows, short enough to feel instant. */
const BATCH_MS = 60;

let mounts = 0;

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

type Row = Record<string, unknown>;

function field(payload: RealtimePostgresChangesPayload<Row>, name: string): string | null {
  const value =
    (payload.new as Row | undefined)?.[name] ?? (payload.old as Row | undefined)?.[name];
  return typeof value === 'string' ? value : null;
}

async function orderIdsOfRuns(runIds: string[]): Promise<string[]> {
  const { data, error } = await supabase.from('qc_runs').select('order_id').in('id', runIds);
  if (error) return [];
  return data.map((run) => run.order_id);
}

export function useBoardRealtime(): LiveStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');

  useEffect(() => {
    let wasLive = false;
    let closed = false;
    const refresh = (ids: string[]) => {
      if (closed || ids.length === 0) return;
      void refreshBoardCards(queryClient, [...new Set(ids)]).catch(() => {
        // A failed patch read: the next event or the board's own refetch brings it.
      });
    };
    const orders = createChangeBatcher(refresh, BATCH_MS);
    // QC item rows name their run, not their order: look the runs' orders up, then refresh.
    const runs = createChangeBatcher((runIds) => {
      void orderIdsOfRuns(runIds).then(refresh);
    }, BATCH_MS);
    const onOrder = (column: string) => (payload: RealtimePostgresChangesPayload<Row>) => {
      const id = field(payload, column);
      if (id) orders.add(id);
    };

    const channel = supabase
      // Its own topic per mount: supabase-js hands back an existing channel of the same topic,
      // and one still leaving cannot take new listeners (a quick remount would fail).
      .channel(`board-changes-${(mounts += 1)}`)
      .on('postgres_changes', { event: '*', schema: 'public', table: 'orders' }, onOrder('id'))
      .on(
        'postgres_changes',
        { event: '*', schema: 'public', table: 'cad_revisions' },
        onOrder('order_id'),
      )
      .on(
        'postgres_changes',
        { event: '*', schema: 'public', table: 'qc_runs' },
        onOrder('order_id'),
      )
      .on(
        'postgres_changes',
        { event: '*', schema: 'public', table: 'qc_run_items' },
        (payload) => {
          const runId = field(payload, 'run_id');
          if (runId) runs.add(runId);
        },
      )
      .subscribe((state) => {
        if (closed) return;
        if (state === 'SUBSCRIBED') {
          setStatus('live');
          // Changes made while the socket was down were never sent: read the board again once.
          if (wasLive)
            void queryClient.invalidateQueries({ queryKey: boardQueries.cards().queryKey });
          wasLive = true;
        } else if (state === 'CHANNEL_ERROR' || state === 'TIMED_OUT') {
          setStatus('reconnecting');
        }
      });

    return () => {
      closed = true;
      orders.close();
      runs.close();
      void supabase.removeChannel(channel);
    };
  }, [queryClient]);

  return status;
}
