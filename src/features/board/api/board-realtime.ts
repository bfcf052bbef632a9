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

/** Long enough to gather a transaction's several rows, short enough to feel instant. */
const BATCH_MS = 60;

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
    const orderIds = new Set<string>();
    const runIds = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let wasLive = false;
    let closed = false;

    const flush = async () => {
      timer = undefined;
      const ids = [...orderIds];
      const runs = [...runIds];
      orderIds.clear();
      runIds.clear();
      if (runs.length) ids.push(...(await orderIdsOfRuns(runs)));
      if (closed || ids.length === 0) return;
      await refreshBoardCards(queryClient, [...new Set(ids)]).catch(() => {
        // A failed patch read: the next event or the board's own refetch brings it.
      });
    };
    const schedule = () => {
      timer ??= setTimeout(() => void flush(), BATCH_MS);
    };
    const onOrder = (column: string) => (payload: RealtimePostgresChangesPayload<Row>) => {
      const id = field(payload, column);
      if (id) orderIds.add(id);
      schedule();
    };

    const channel = supabase
      .channel('board-changes')
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
          if (runId) runIds.add(runId);
          schedule();
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
      if (timer) clearTimeout(timer);
      void supabase.removeChannel(channel);
    };
  }, [queryClient]);

  return status;
}
