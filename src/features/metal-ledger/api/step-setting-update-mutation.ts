// A manager decides whether a step needs weights before it is done, and its return tolerance.
// Optimistic, rolled back with the database's sentence if refused.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { ProductionStepKind } from '../lib/grams';
import { metalLedgerQueries } from './metal-ledger-queries';
import type { StepSetting } from './step-settings-query';

export type StepSettingUpdate = {
  step: ProductionStepKind;
  changes: Partial<Pick<StepSetting, 'needs_weights' | 'return_tolerance_grams'>>;
};

export async function updateStepSetting({ step, changes }: StepSettingUpdate) {
  const { data, error } = await supabase
    .from('production_step_settings')
    .update({ ...changes, updated_at: new Date().toISOString() })
    .eq('step', step)
    .select('*')
    .single();
  if (error) throw toAppError(error);
  return data;
}

export function useUpdateStepSetting() {
  const queryClient = useQueryClient();
  const key = metalLedgerQueries.stepSettings().queryKey;
  return useMutation({
    mutationFn: updateStepSetting,
    onMutate: async ({ step, changes }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<StepSetting[]>(key);
      queryClient.setQueryData<StepSetting[]>(key, (rows) =>
        rows?.map((r) => (r.step === step ? { ...r, ...changes } : r)),
      );
      return { previous };
    },
    onError: (error, _v, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      notifications.show({
        color: 'red',
        title: 'Setting not saved',
        message: toAppError(error).message,
      });
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: metalLedgerQueries.all() }),
  });
}
