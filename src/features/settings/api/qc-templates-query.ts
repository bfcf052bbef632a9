// The QC checklist of each product type with its items in working order.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';

export type QcTemplateItem = Tables<'qc_template_items'>;
export type QcTemplate = Pick<Tables<'qc_templates'>, 'id' | 'product' | 'name'> & {
  items: QcTemplateItem[];
};

export async function fetchQcTemplates(): Promise<QcTemplate[]> {
  const { data, error } = await supabase
    .from('qc_templates')
    .select('id, product, name, items:qc_template_items(*)')
    .order('product')
    .order('position', { referencedTable: 'qc_template_items' });
  if (error) throw toAppError(error);
  return data;
}
