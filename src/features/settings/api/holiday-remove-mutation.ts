// Removing a holiday: gone from the list at once, back if the database refuses.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import { settingsQueries } from './settings-queries';
import { showSettingsError } from './show-error';

export async function removeHoliday(day: string): Promise<void> {
  const { data, error } = await supabase.from('holidays').delete().eq('day', day).select('day');
  if (error) throw toAppError(error);
  // RLS hides what a caller may not delete: nothing deleted is a refusal, not a success.
  if (!data.length) throw toAppError({ code: '42501', message: 'not deleted' });
}

export function useRemoveHoliday() {
  const queryClient = useQueryClient();
  const key = settingsQueries.holidays().queryKey;
  return useMutation({
    mutationFn: removeHoliday,
    onMutate: async (day) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData(key);
      queryClient.setQueryData(key, (rows) => rows?.filter((h) => h.day !== day));
      return { previous };
    },
    onError: (error, _day, context) => {
      showSettingsError(error);
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: key });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({
        predicate: (q) => q.queryKey[0] !== settingsQueries.all()[0],
      });
    },
  });
}
