// The QC state of an order: the order's stage and version (a pass or fail moves it), and every
// QC run with its items, who checked them, and their photos.
import { supabase } from '../../../lib/supabase';
import { AppError, toAppError } from '../../../lib/errors';
import { attachmentColumns, type AttachmentFile } from '../../../lib/file-upload';
import type { Tables } from '../../../types/database';

export type QcItem = Pick<
  Tables<'qc_run_items'>,
  | 'id'
  | 'position'
  | 'label'
  | 'required'
  | 'needs_photo'
  | 'result'
  | 'note'
  | 'checked_at'
  | 'checked_by'
  | 'photo_attachment_id'
> & { checker: { display_name: string } | null; photo: AttachmentFile | null };

export type QcRun = Pick<
  Tables<'qc_runs'>,
  'id' | 'attempt' | 'status' | 'started_at' | 'finished_at' | 'fail_reason'
> & { starter: { display_name: string } | null; items: QcItem[] };

export type QcOrder = Pick<
  Tables<'orders'>,
  'id' | 'code' | 'stage' | 'version' | 'has_certified_stones'
>;

export type QcChecklist = { order: QcOrder; runs: QcRun[] };

export async function fetchQcChecklist(orderId: string): Promise<QcChecklist> {
  const [order, runs] = await Promise.all([
    supabase
      .from('orders')
      .select('id, code, stage, version, has_certified_stones')
      .eq('id', orderId)
      .maybeSingle(),
    supabase
      .from('qc_runs')
      .select(
        `id, attempt, status, started_at, finished_at, fail_reason,
         starter:staff (display_name),
         items:qc_run_items (id, position, label, required, needs_photo, result, note, checked_at, checked_by,
           photo_attachment_id, checker:staff (display_name),
           photo:attachments (${attachmentColumns}))`,
      )
      .eq('order_id', orderId)
      .order('attempt', { ascending: true }),
  ]);
  if (order.error) throw toAppError(order.error);
  if (runs.error) throw toAppError(runs.error);
  if (!order.data)
    throw new AppError('PGRST116', 'That order was not found, or you cannot see it.');
  const list = (runs.data as unknown as QcRun[]).map((r) => ({
    ...r,
    items: [...r.items].sort((a, b) => a.position - b.position),
  }));
  return { order: order.data, runs: list };
}
