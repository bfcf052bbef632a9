// Changing a QC checklist: add an item at the end, flip required / needs photo, remove one,
// and reorder (public.reorder_qc_template_items renumbers the list in one transaction, since
// positions are unique per checklist). Flips and reorders are optimistic; every change then
// refetches the checklists, so what is shown is what QC will get on their next run.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import { settingsQueries } from './settings-queries';
import type { QcTemplate, QcTemplateItem } from './qc-templates-query';
import { showSettingsError } from './show-error';

export type NewQcItem = Pick<QcTemplateItem, 'template_id' | 'label' | 'required' | 'needs_photo'>;
export type QcItemFlags = Pick<QcTemplateItem, 'id'> &
  Partial<Pick<QcTemplateItem, 'required' | 'needs_photo'>>;

export async function addQcItem(item: NewQcItem, position: number): Promise<QcTemplateItem> {
  const { data, error } = await supabase
    .from('qc_template_items')
    .insert({ ...item, label: item.label.trim(), position })
    .select('*')
    .single();
  if (error) throw toAppError(error);
  return data;
}

export async function updateQcItemFlags({ id, ...flags }: QcItemFlags): Promise<QcTemplateItem> {
  const { data, error } = await supabase
    .from('qc_template_items')
    .update(flags)
    .eq('id', id)
    .select('*')
    .single();
  if (error) throw toAppError(error);
  return data;
}

export async function removeQcItem(id: string): Promise<void> {
  const { data, error } = await supabase
    .from('qc_template_items')
    .delete()
    .eq('id', id)
    .select('id');
  if (error) throw toAppError(error);
  if (!data.length) throw toAppError({ code: '42501', message: 'not deleted' });
}

export async function reorderQcItems(templateId: string, itemIds: string[]): Promise<void> {
  const { error } = await supabase.rpc('reorder_qc_template_items', {
    p_template_id: templateId,
    p_item_ids: itemIds,
  });
  if (error) throw toAppError(error);
}

function useTemplatesCache() {
  const queryClient = useQueryClient();
  const key = settingsQueries.qcTemplates().queryKey;
  const patch = async (change: (templates: QcTemplate[]) => QcTemplate[]) => {
    await queryClient.cancelQueries({ queryKey: key });
    const previous = queryClient.getQueryData(key);
    queryClient.setQueryData(key, (t) => (t ? change(t) : t));
    return { previous };
  };
  const rollback = (error: unknown, context: { previous?: QcTemplate[] } | undefined) => {
    showSettingsError(error);
    if (context?.previous) queryClient.setQueryData(key, context.previous);
  };
  const refetch = () => queryClient.invalidateQueries({ queryKey: key });
  return { patch, rollback, refetch };
}

export function useAddQcItem() {
  const cache = useTemplatesCache();
  return useMutation({
    mutationFn: ({ item, position }: { item: NewQcItem; position: number }) =>
      addQcItem(item, position),
    meta: { errorShownInline: true },
    onSettled: cache.refetch,
  });
}

export function useUpdateQcItemFlags() {
  const cache = useTemplatesCache();
  return useMutation({
    mutationFn: updateQcItemFlags,
    onMutate: (flags) =>
      cache.patch((templates) =>
        templates.map((t) => ({
          ...t,
          items: t.items.map((i) => (i.id === flags.id ? { ...i, ...flags } : i)),
        })),
      ),
    onError: (error, _vars, context) => cache.rollback(error, context),
    onSettled: cache.refetch,
  });
}

export function useRemoveQcItem() {
  const cache = useTemplatesCache();
  return useMutation({
    mutationFn: removeQcItem,
    onMutate: (id) =>
      cache.patch((templates) =>
        templates.map((t) => ({ ...t, items: t.items.filter((i) => i.id !== id) })),
      ),
    onError: (error, _vars, context) => cache.rollback(error, context),
    onSettled: cache.refetch,
  });
}

export function useReorderQcItems() {
  const cache = useTemplatesCache();
  return useMutation({
    mutationFn: ({ templateId, itemIds }: { templateId: string; itemIds: string[] }) =>
      reorderQcItems(templateId, itemIds),
    onMutate: ({ templateId, itemIds }) =>
      cache.patch((templates) =>
        templates.map((t) => {
          if (t.id !== templateId) return t;
          const byId = new Map(t.items.map((i) => [i.id, i]));
          return {
            ...t,
            items: itemIds.flatMap((id, n) => {
              const item = byId.get(id);
              return item ? [{ ...item, position: n + 1 }] : [];
            }),
          };
        }),
      ),
    onError: (error, _vars, context) => cache.rollback(error, context),
    onSettled: cache.refetch,
  });
}
