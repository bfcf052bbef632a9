// An order's CAD rounds (first design, tweak requests, major changes) and its CAD files, each
// file with a signed URL for the preview (the cad bucket is private).
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';

export type CadRevision = Tables<'cad_revisions'> & {
  requester: { display_name: string } | null;
};

export type CadFile = Pick<
  Tables<'attachments'>,
  'id' | 'kind' | 'file_name' | 'mime_type' | 'size_bytes' | 'uploaded_at' | 'storage_path'
> & { url: string | null; uploader: { display_name: string } | null };

export type CadRoundsData = { revisions: CadRevision[]; files: CadFile[] };

const SIGNED_URL_SECONDS = 60 * 60;

function one<T>(value: T | T[] | null): T | null {
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

export async function fetchCadRounds(orderId: string): Promise<CadRoundsData> {
  const [revisions, files] = await Promise.all([
    supabase
      .from('cad_revisions')
      .select('*, requester:staff(display_name)')
      .eq('order_id', orderId)
      .order('created_at'),
    supabase
      .from('attachments')
      .select(
        'id, kind, file_name, mime_type, size_bytes, uploaded_at, storage_path, uploader:staff(display_name)',
      )
      .eq('order_id', orderId)
      .in('kind', ['cad_render', 'cad_file'])
      .order('uploaded_at'),
  ]);
  if (revisions.error) throw toAppError(revisions.error);
  if (files.error) throw toAppError(files.error);
  const signed = await Promise.all(
    files.data.map(async (f) => {
      const r = await supabase.storage
        .from('cad')
        .createSignedUrl(f.storage_path, SIGNED_URL_SECONDS);
      return { ...f, uploader: one(f.uploader), url: r.error ? null : r.data.signedUrl };
    }),
  );
  return {
    revisions: revisions.data.map((r) => ({ ...r, requester: one(r.requester) })),
    files: signed,
  };
}
