// Uploading QC evidence: a photo to qc-photos or an unboxing video to qc-videos (resumably),
// recorded as the order's attachment.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { toAppError } from '../../../lib/errors';
import { recordAttachment, uploadFile } from '../../../lib/file-upload';
import type { UploadProgress } from '../../../components/FileDropzone';

import { filesQueries } from './files-queries';

export type MediaKind = 'qc_photo' | 'unboxing_video';

export type UploadMediaVariables = {
  orderId: string;
  kind: MediaKind;
  file: File;
  onProgress?: (p: UploadProgress) => void;
  signal?: AbortSignal;
};

export async function uploadMedia({
  orderId,
  kind,
  file,
  onProgress,
  signal,
}: UploadMediaVariables) {
  const photo = kind === 'qc_photo';
  const stored = await uploadFile({
    bucket: photo ? 'qc-photos' : 'qc-videos',
    folder: `${orderId}/${photo ? 'photos' : 'videos'}`,
    file,
    onProgress: (sent, total) => onProgress?.({ sent, total }),
    signal,
  });
  return recordAttachment(orderId, kind, stored);
}

export function useUploadMediaMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadMedia,
    // A cancelled upload is the person's own choice: nothing to report.
    meta: { errorShownInline: true },
    onError: (error) => {
      const appError = toAppError(error);
      if (appError.code === 'aborted') return;
      notifications.show({
        color: 'red',
        title: 'Upload did not finish',
        message: appError.message,
      });
    },
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
