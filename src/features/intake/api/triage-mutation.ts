// What every triage act shares: it calls one rule function with the version the stylist saw,
// shows the change in the queue at once (optimistic), puts the row back if the database
// refuses (the notification carries its sentence), and takes the database's row on success.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';
import { intakeQueries } from './intake-queries';
import type { IntakeRow } from './intake-queue-query';

export type TriageTarget = { id: string; version: number };
type Patch = Partial<Omit<IntakeRow, 'customer' | 'attachments'>>;

type Options<V extends TriageTarget> = {
  mutationFn: (variables: V) => Promise<Tables<'intake_requests'>>;
  /** How the row looks until the database answers. */
  optimistic: (variables: V) => Patch;
};

function patchRow(rows: IntakeRow[] | undefined, id: string, patch: Patch) {
  return rows?.map((row) => (row.id === id ? { ...row, ...patch } : row));
}

export function useTriageMutation<V extends TriageTarget>({ mutationFn, optimistic }: Options<V>) {
  const queryClient = useQueryClient();
  const queue = intakeQueries.queue();
  return useMutation({
    mutationFn,
    onMutate: async (variables: V) => {
      await queryClient.cancelQueries({ queryKey: queue.queryKey });
      const previous = queryClient.getQueryData(queue.queryKey);
      queryClient.setQueryData(queue.queryKey, (rows) =>
        patchRow(rows, variables.id, optimistic(variables)),
      );
      return { previous };
    },
    onError: (error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(queue.queryKey, context.previous);
      // Having an onError of its own, this mutation shows the database's sentence itself.
      notifications.show({
        color: 'red',
        title: 'That did not work',
        message: toAppError(error).message,
      });
    },
    onSuccess: (row) => {
      // Every column the queue reads comes back from the rule function; keep the embeds.
      queryClient.setQueryData(queue.queryKey, (rows) => patchRow(rows, row.id, row));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queue.queryKey }),
  });
}
