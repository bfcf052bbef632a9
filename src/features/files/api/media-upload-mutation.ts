// Uploading QC evidence: a photo to qc-photos or an unboxing video to qc-videos (resumably),
// recorded as the order's attachment.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { recordAttachment, uploadFile } from '../../../lib/file-upload';
import type { UploadProgress } from '../../../components/FileDropzone';

import { filesQueries } from './files-queries';

export type MediaKind = 'qc_photo' | 'unboxing_video';

export type UploadMediaVariables = {
  orderId: string;
  kind: MediaKind;
  file: File;
  onProgress?: (p: UploadProgress) => void;
};

export async function uploadMedia({ orderId, kind, file, onProgress }: UploadMediaVariables) {
  const photo = kind === 'qc_photo';
  const stored = await uploadFile({
    bucket: photo ? 'qc-photos' : 'qc-videos',
    folder: `${orderId}/${photo ? 'photos' : 'videos'}`,
    file,
    onProgress: (sent, total) => onProgress?.({ sent, total }),
  });
  return recordAttachment(orderId, kind, stored);
}

export function useUploadMediaMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadMedia,
    onSuccess: (attachment, v) => {
      // The new file appears at once; the refetch below confirms it.
      queryClient.setQueryData(filesQueries.media(v.orderId).queryKey, (old) =>
        old ? [...old, attachment] : [attachment],
      );
    },
    onSettled: (_data, _error, v) =>
      queryClient.invalidateQueries({ queryKey: filesQueries.media(v.orderId).queryKey }),
  });
}
