// The house-wide settings behind customer review links (workshop_settings): the name customers
// see on their page, how long a new link stays valid, and the limit on failed link attempts.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';

export const CUSTOMER_LINK_SETTINGS_COLUMNS =
  'house_name, review_link_days, review_link_max_failures, review_link_failure_window_minutes';

export type CustomerLinkSettings = {
  house_name: string;
  review_link_days: number;
  review_link_max_failures: number;
  review_link_failure_window_minutes: number;
};

export async function fetchCustomerLinkSettings(): Promise<CustomerLinkSettings> {
  const { data, error } = await supabase
    .from('workshop_settings')
    .select(CUSTOMER_LINK_SETTINGS_COLUMNS)
    .single();
  if (error) throw toAppError(error);
  return data;
}
