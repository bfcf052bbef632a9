// Staff changes by a manager: a new role (optimistic; the database keeps at least one manager,
// LP105) and a new login (public.create_staff: auth user, email identity and profile in one
// transaction on the server — the service_role key never reaches the browser).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { NewStaffDraft, StaffRole } from '../lib/validation';
import { settingsQueries } from './settings-queries';
import type { StaffMember } from './staff-query';
import { showSettingsError } from './show-error';

export async function changeStaffRole({ id, role }: { id: string; role: StaffRole }) {
  const { data, error } = await supabase
    .from('staff')
    .update({ role })
    .eq('id', id)
    .select('id, display_name, role, created_at')
    .single();
  if (error) throw toAppError(error);
  return data;
}

export async function createStaff(draft: NewStaffDraft & { role: StaffRole }): Promise<string> {
  const { data, error } = await supabase.rpc('create_staff', {
    p_email: draft.email.trim(),
    p_password: draft.password,
    p_display_name: draft.displayName.trim(),
    p_role: draft.role,
  });
  if (error) throw toAppError(error);
  return data;
}

export function useChangeStaffRole() {
  const queryClient = useQueryClient();
  const key = settingsQueries.staff().queryKey;
  return useMutation({
    mutationFn: changeStaffRole,
    onMutate: async ({ id, role }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<StaffMember[]>(key);
      queryClient.setQueryData(key, (rows) => rows?.map((r) => (r.id === id ? { ...r, role } : r)));
      return { previous };
    },
    onError: (error, _vars, context) => {
      showSettingsError(error);
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSettled: () => {
      // Profiles are cached elsewhere too (the shell's own, assignee pickers).
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: ['staff'] });
    },
  });
}

export function useCreateStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createStaff,
    meta: { errorShownInline: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsQueries.staff().queryKey }),
  });
}
