// Everyone on staff, for the assignee picker.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';

export type StaffMember = Pick<Tables<'staff'>, 'id' | 'display_name' | 'role'>;

export async function fetchStaffDirectory(): Promise<StaffMember[]> {
  const { data, error } = await supabase
    .from('staff')
    .select('id, display_name, role')
    .order('display_name');
  if (error) throw toAppError(error);
  return data;
}
