// Adding a holiday. Business days (production's 10–14 day clock) change with it, so other
// views are marked stale once it is saved.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { AppError, toAppError } from '../../../lib/errors';
import { settingsQueries } from './settings-queries';
import type { Holiday } from './holidays-query';

export async function addHoliday(holiday: Holiday): Promise<Holiday> {
  const { data, error } = await supabase
    .from('holidays')
    .insert({ day: holiday.day, name: holiday.name.trim() })
    .select('day, name')
    .single();
  if (error?.code === '23505')
    throw new AppError('23505', 'That day is already a holiday.', undefined, { cause: error });
  if (error) throw toAppError(error);
  return data;
}

export function useAddHoliday() {
  const queryClient = useQueryClient();
  const key = settingsQueries.holidays().queryKey;
  return useMutation({
    mutationFn: addHoliday,
    meta: { errorShownInline: true },
    onSuccess: (added) => {
      queryClient.setQueryData(key, (rows) =>
        [...(rows ?? []), added].sort((a, b) => a.day.localeCompare(b.day)),
      );
      void queryClient.invalidateQueries({
        predicate: (q) => q.queryKey[0] !== settingsQueries.all()[0],
      });
    },
  });
}
