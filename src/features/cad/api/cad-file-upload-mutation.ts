// Adding a CAD render or file to an order: the file goes into the private cad bucket under the
// order's id (the bucket's policies key on it), then its attachment row is written in the
// uploader's name. If the row is refused, the stored file is removed again so nothing is orphaned.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { AppError, toAppError } from '../../../lib/errors';
import { cadFileKind, cadUploadType, checkCadUpload } from '../lib/cad-rounds';
import { cadQueries } from './cad-queries';

export type UploadCadFileVariables = { orderId: string; file: File };

function objectName(fileName: string): string {
  const safe =
    fileName
      .normalize('NFKD')
      .replace(/[^\w.-]+/g, '-')
      .slice(-100) || 'file';
  return `${crypto.randomUUID()}-${safe}`;
}

export async function uploadCadFile({ orderId, file }: UploadCadFileVariables) {
  const problem = checkCadUpload(file);
  if (problem) throw new AppError('invalid_file', problem);
  const contentType = cadUploadType(file)!;
  const path = `${orderId}/${objectName(file.name)}`;
  const stored = await supabase.storage.from('cad').upload(path, file, { contentType });
  if (stored.error) throw toAppError(stored.error);
  const { data, error } = await supabase
    .from('attachments')
    .insert({
      order_id: orderId,
      kind: cadFileKind(contentType),
      bucket: 'cad',
      storage_path: path,
      file_name: file.name,
      mime_type: contentType,
      size_bytes: file.size,
    })
    .select('id')
    .single();
  if (error) {
    await supabase.storage.from('cad').remove([path]);
    throw toAppError(error);
  }
  return data;
}

export function useUploadCadFileMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadCadFile,
    meta: { errorShownInline: true },
    onSettled: (_data, _error, variables) =>
      queryClient.invalidateQueries({ queryKey: cadQueries.rounds(variables.orderId).queryKey }),
  });
}
