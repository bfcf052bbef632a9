// The photo a checklist item needs: uploaded into the QC photos bucket, recorded as the order's
// QC photo, then linked to the item (which may then pass).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import { recordAttachment, uploadFile } from '../../../lib/file-upload';
import type { UploadProgress } from '../../../components/FileDropzone';
import { qcQueries } from './qc-queries';

export type AttachQcPhotoVariables = {
  itemId: string;
  file: File;
  onProgress?: (p: UploadProgress) => void;
};

export async function attachQcPhoto(orderId: string, v: AttachQcPhotoVariables) {
  const stored = await uploadFile({
    bucket: 'qc-photos',
    folder: `${orderId}/photos`,
    file: v.file,
    onProgress: (sent, total) => v.onProgress?.({ sent, total }),
  });
  const photo = await recordAttachment(orderId, 'qc_photo', stored);
  const { error } = await supabase
    .from('qc_run_items')
    .update({ photo_attachment_id: photo.id })
    .eq('id', v.itemId);
  // The photo stays among the order's QC photos even if the link is refused (a finished run).
  if (error) throw toAppError(error);
  return photo;
}

export function useAttachQcPhotoMutation(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: AttachQcPhotoVariables) => attachQcPhoto(orderId, v),
    onSettled: () =>
      // The photo also counts among the order's QC photos, listed by the files feature's media
      // section under ['files', 'order', orderId] (features cannot import each other's keys).
      Promise.all([
        queryClient.invalidateQueries({ queryKey: qcQueries.order(orderId) }),
        queryClient.invalidateQueries({ queryKey: ['files', 'order', orderId] }),
      ]),
  });
}
