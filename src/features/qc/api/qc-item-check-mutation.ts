// Recording one checklist item: pass, fail or back to pending, and its note. Optimistic: the
// item changes at once; a refusal (a photo still missing, LP043; the run finished, LP042)
// puts it back and the notification gives the database's sentence.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { QcResult } from '../lib/qc-run';
import type { QcChecklist } from './qc-checklist-query';
import { qcQueries } from './qc-queries';

export type CheckQcItemVariables = { itemId: string; result?: QcResult; note?: string | null };

export async function checkQcItem({ itemId, result, note }: CheckQcItemVariables) {
  const patch: { result?: QcResult; note?: string | null } = {};
  if (result !== undefined) patch.result = result;
  if (note !== undefined) patch.note = note?.trim() ? note.trim() : null;
  const { data, error } = await supabase
    .from('qc_run_items')
    .update(patch)
    .eq('id', itemId)
    .select('id')
    .maybeSingle();
  if (error) throw toAppError(error);
  // RLS hides the row from roles that may not check items: an update of nothing.
  if (!data) throw toAppError({ code: '42501', message: 'permission denied' });
}

export function useCheckQcItemMutation(orderId: string) {
  const queryClient = useQueryClient();
  const key = qcQueries.checklist(orderId).queryKey;
  return useMutation({
    mutationFn: checkQcItem,
    onMutate: async (v) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData(key);
      queryClient.setQueryData(
        key,
        (old: QcChecklist | undefined) =>
          old && {
            ...old,
            runs: old.runs.map((run) => ({
              ...run,
              items: run.items.map((i) =>
                i.id === v.itemId
                  ? {
                      ...i,
                      ...(v.result !== undefined ? { result: v.result } : {}),
                      ...(v.note !== undefined ? { note: v.note } : {}),
                    }
                  : i,
              ),
            })),
          },
      );
      return { previous };
    },
    onError: (error, _v, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      // Having an onError turns off the query client's notification; give it here.
      notifications.show({
        color: 'red',
        title: 'That did not work',
        message: toAppError(error).message,
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
