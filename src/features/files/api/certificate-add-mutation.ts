// Adding a lab certificate: the report file goes to the certificates bucket, is recorded as an
// attachment, then the certificate row links it. A refused certificate (a report number the
// database does not accept, or one already attached to another piece) takes its file away again.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import { recordAttachment, removeStoredFile, uploadFile } from '../../../lib/file-upload';
import type { UploadProgress } from '../../../components/FileDropzone';
import type { CertificateLab } from '../lib/certificate-validation';
import { normaliseReportNumber } from '../lib/certificate-validation';

import { filesQueries } from './files-queries';

export type AddCertificateVariables = {
  orderId: string;
  lab: CertificateLab;
  reportNumber: string;
  carat: number;
  colour: string;
  clarity: string;
  cutShape: string;
  file: File;
  onProgress?: (p: UploadProgress) => void;
};

export async function addCertificate(v: AddCertificateVariables) {
  const stored = await uploadFile({
    bucket: 'certificates',
    folder: `${v.orderId}/certificates`,
    file: v.file,
    onProgress: (sent, total) => v.onProgress?.({ sent, total }),
  });
  const attachment = await recordAttachment(v.orderId, 'certificate', stored);
  const { error } = await supabase.from('certificates').insert({
    order_id: v.orderId,
    lab: v.lab,
    report_number: normaliseReportNumber(v.reportNumber),
    carat: v.carat,
    colour: v.colour.trim(),
    clarity: v.clarity,
    cut_shape: v.cutShape.trim(),
    attachment_id: attachment.id,
  });
  if (error) {
    await supabase.from('attachments').delete().eq('id', attachment.id);
    await removeStoredFile(stored).catch(() => undefined);
    const appError = toAppError(error);
    // (lab, report number) is unique: say which report, not "That already exists."
    if (appError.code === '23505') {
      throw Object.assign(appError, {
        message: `${v.lab} report ${normaliseReportNumber(v.reportNumber)} is already attached to a piece.`,
      });
    }
    throw appError;
  }
}

export function useAddCertificateMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addCertificate,
    // The form shows the refusal beside the fields, where QC is looking.
    meta: { errorShownInline: true },
    onSettled: (_data, _error, v) =>
      queryClient.invalidateQueries({ queryKey: filesQueries.order(v.orderId) }),
  });
}
