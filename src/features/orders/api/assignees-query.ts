// The staff the assignee filter offers, by name (the staff directory every signed-in person
// may read).
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';

export type Assignee = Pick<Tables<'staff'>, 'id' | 'display_name' | 'role'>;

export async function fetchAssignees(): Promise<Assignee[]> {
  const { data, error } = await supabase
    .from('staff')
    .select('id, display_name, role')
    .order('display_name');
  if (error) throw toAppError(error);
  return data;
}
