// Saving the customer-link settings. Not optimistic: the form keeps what the manager typed
// until the database accepts it (its checks — 1–60 days, a name of 1–80 characters — are the
// rule), and a refusal shows the database's sentence with the typed values still in place.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import { settingsQueries } from './settings-queries';
import { showSettingsError } from './show-error';
import {
  CUSTOMER_LINK_SETTINGS_COLUMNS,
  type CustomerLinkSettings,
} from './customer-link-settings-query';

export async function updateCustomerLinkSettings(values: CustomerLinkSettings) {
  const { data, error } = await supabase
    .from('workshop_settings')
    .update({ ...values, updated_at: new Date().toISOString() })
    .eq('id', true)
    .select(CUSTOMER_LINK_SETTINGS_COLUMNS)
    .single();
  if (error) throw toAppError(error);
  return data;
}

export function useUpdateCustomerLinkSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCustomerLinkSettings,
    onError: showSettingsError,
    onSuccess: (row) => {
      queryClient.setQueryData(settingsQueries.customerLinks().queryKey, row);
    },
  });
}
