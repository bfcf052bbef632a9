// Saving one stage's SLA target and WIP limit. Optimistic: the row shows the new values at
// once and goes back if the database refuses. Targets colour every SLA badge and WIP limits
// head the board's columns, so on success every query in the app is marked stale (the ones on
// screen refetch): no view keeps showing the old rule.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { StageTargetValues } from '../lib/validation';
import { settingsQueries } from './settings-queries';
import { showSettingsError } from './show-error';
import type { StageTarget } from './stage-targets-query';

export type StageTargetUpdate = { stage: StageTarget['stage']; values: StageTargetValues };

export async function updateStageTarget({ stage, values }: StageTargetUpdate) {
  const { data, error } = await supabase
    .from('stage_settings')
    .update({ ...values, updated_at: new Date().toISOString() })
    .eq('stage', stage)
    .select('stage, sla_amber_after, sla_red_after, sla_unit, wip_limit, updated_at')
    .single();
  if (error) throw toAppError(error);
  return data;
}

export function useUpdateStageTarget() {
  const queryClient = useQueryClient();
  const key = settingsQueries.stageTargets().queryKey;
  return useMutation({
    mutationFn: updateStageTarget,
    onMutate: async ({ stage, values }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData(key);
      queryClient.setQueryData(key, (rows) =>
        rows?.map((r) => (r.stage === stage ? { ...r, ...values } : r)),
      );
      return { previous };
    },
    onError: (error, _vars, context) => {
      showSettingsError(error);
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (row) => {
      queryClient.setQueryData(key, (rows) => rows?.map((r) => (r.stage === row.stage ? row : r)));
      void queryClient.invalidateQueries({
        predicate: (q) => q.queryKey[0] !== settingsQueries.all()[0],
      });
    },
  });
}
