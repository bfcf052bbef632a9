// The staff directory with roles, by name.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';

export type StaffMember = Pick<Tables<'staff'>, 'id' | 'display_name' | 'role' | 'created_at'>;

export async function fetchStaff(): Promise<StaffMember[]> {
  const { data, error } = await supabase
    .from('staff')
    .select('id, display_name, role, created_at')
    .order('display_name');
  if (error) throw toAppError(error);
  return data;
}
