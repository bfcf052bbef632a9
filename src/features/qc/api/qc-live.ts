// Live checklist: another QC person (or a manager watching) sees each item change within a
// second. Realtime postgres_changes on the current run's items patch the cached checklist in
// place; only a change that needs a name or a photo not in the payload re-reads the checklist.
// (Run starts, passes and fails arrive through qc_runs, which the workspace already follows.)
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import type { Tables } from '../../../types/database';
import type { QcChecklist } from './qc-checklist-query';
import { qcQueries } from './qc-queries';

type ItemRow = Tables<'qc_run_items'>;

/** The cached checklist with one item replaced by the row Realtime sent; null when it needs a re-read. */
export function applyItemChange(old: QcChecklist, row: ItemRow): QcChecklist | null {
  let needsRead = false;
  const runs = old.runs.map((run) => {
    if (run.id !== row.run_id) return run;
    return {
      ...run,
      items: run.items.map((i) => {
        if (i.id !== row.id) return i;
        if (i.photo_attachment_id !== row.photo_attachment_id) needsRead = true;
        if (row.checked_by && i.checked_by !== row.checked_by) needsRead = true;
        return {
          ...i,
          result: row.result,
          note: row.note,
          checked_at: row.checked_at,
          checked_by: row.checked_by,
          checker: row.checked_by ? i.checker : null,
        };
      }),
    };
  });
  return needsRead ? null : { ...old, runs };
}

export function useQcLive(orderId: string, runId: string | null) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!runId) return;
    const key = qcQueries.checklist(orderId).queryKey;
    const channel = supabase
      // A topic of its own per mount, so a remount never gets back a channel being removed.
      .channel(`qc-run:${runId}:${crypto.randomUUID()}`)
      .on(
        'postgres_changes',
        { event: 'UPDATE', schema: 'public', table: 'qc_run_items', filter: `run_id=eq.${runId}` },
        (payload) => {
          const old = queryClient.getQueryData(key);
          const next = old ? applyItemChange(old, payload.new as ItemRow) : null;
          if (next) queryClient.setQueryData(key, next);
          else void queryClient.invalidateQueries({ queryKey: key });
        },
      )
      .subscribe();
    return () => {
      void supabase.removeChannel(channel);
    };
  }, [orderId, runId, queryClient]);
}
