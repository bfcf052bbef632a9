// The signed-in person's staff profile (display name and role) from public.staff over REST.
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { AppError, toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';

export type StaffProfile = Pick<Tables<'staff'>, 'id' | 'display_name' | 'role'>;

export async function fetchStaffProfile(userId: string): Promise<StaffProfile> {
  const { data, error } = await supabase
    .from('staff')
    .select('id, display_name, role')
    .eq('id', userId)
    .maybeSingle();
  if (error) throw toAppError(error);
  if (!data) {
    // A login without a profile: the account exists in auth but a manager never added the
    // person to the roster. Nothing in the app can work without a role.
    throw new AppError(
      'no_staff_profile',
      'Your login has no staff profile yet. Ask a manager to add you to Loupe.',
    );
  }
  return data;
}

export const staffQueries = {
  all: () => ['staff'] as const,
  profiles: () => [...staffQueries.all(), 'profile'] as const,
  profile: (userId: string) =>
    queryOptions({
      queryKey: [...staffQueries.profiles(), userId],
      queryFn: () => fetchStaffProfile(userId),
      // A role changes rarely; the shell should not refetch it on every focus.
      staleTime: 5 * 60_000,
    }),
};

export function useStaffProfile(userId: string): StaffProfile {
  return useSuspenseQuery(staffQueries.profile(userId)).data;
}
