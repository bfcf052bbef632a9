// The open intake requests (new, in review, confirmed) with what triage shows: the customer's
// display name and the reference images' storage paths. Oldest first; the page sorts again.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';

// One literal, so supabase-js can type the rows from it.
const select =
  'id, received_at, source, base, metal, stone_preferences, ring_size, budget_amount, budget_currency, is_gift, needed_by, notes, path, path_reason, risk_flags, assigned_stylist_id, status, confirmed_at, version, customer_id, customer:customers(display_name), attachments(id, storage_path, file_name)';

/** More open requests than any house has at once; the oldest come first if it ever overflows. */
const QUEUE_LIMIT = 500;

export async function fetchIntakeQueue() {
  const { data, error } = await supabase
    .from('intake_requests')
    .select(select)
    .in('status', ['new', 'in_review', 'confirmed'])
    .order('received_at', { ascending: true })
    .limit(QUEUE_LIMIT);
  if (error) throw toAppError(error);
  return data;
}

export type IntakeRow = Awaited<ReturnType<typeof fetchIntakeQueue>>[number];
