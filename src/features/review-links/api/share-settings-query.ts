// What a prepared email needs from Settings: the house's name (signs the message) and how many
// days a new link lasts (said in the panel before a link is made).
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';

export type ShareSettings = { houseName: string; linkDays: number };

export async function fetchShareSettings(): Promise<ShareSettings> {
  const { data, error } = await supabase
    .from('workshop_settings')
    .select('house_name, review_link_days')
    .limit(1)
    .single();
  if (error) throw toAppError(error);
  return { houseName: data.house_name, linkDays: data.review_link_days };
}
