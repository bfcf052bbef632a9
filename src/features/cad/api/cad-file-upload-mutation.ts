// Adding a CAD render or file to an order with the app's shared upload path (src/lib): the file
// is checked against the cad bucket (type, size, and for images/PDFs its first bytes), stored
// under the order's id (big files resumably over TUS), then recorded as an attachment in the
// uploader's name; a refused record removes the stored file again.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AppError } from '../../../lib/errors';
import { checkFile } from '../../../lib/file-signature';
import { recordAttachment, uploadFile } from '../../../lib/file-upload';
import { cadFileKind, withCadType } from '../lib/cad-rounds';
import { cadQueries } from './cad-queries';

export type UploadCadFileVariables = {
  orderId: string;
  file: File;
  onProgress?: (sent: number, total: number) => void;
};

export async function uploadCadFile({ orderId, file, onProgress }: UploadCadFileVariables) {
  // Browsers often give 3D files no type at all; name it from the extension first.
  const typed = withCadType(file);
  const problem = await checkFile(typed, 'cad');
  if (problem) throw new AppError('invalid_file', problem);
  const stored = await uploadFile({ bucket: 'cad', folder: orderId, file: typed, onProgress });
  return recordAttachment(orderId, cadFileKind(stored.contentType), stored);
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
