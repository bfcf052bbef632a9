// Composes two features for QC's "Certificate matches stone": the stones feature's comparison,
// shown under that checklist item, re-read whenever the files feature's certificates change
// (QC attaches or corrects a report in the section below; the comparison follows it).
import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { filesQueries } from '../../../features/files/api/files-queries';
import { stoneQueries } from '../../../features/stones/api/stone-queries';
import { CertificateStoneCheck } from '../../../features/stones/components/CertificateStoneCheck';

export function CertificateStoneDetail({ orderId }: { orderId: string }) {
  const queryClient = useQueryClient();
  const certificates = useQuery(filesQueries.certificates(orderId));
  const updatedAt = certificates.dataUpdatedAt;
  useEffect(() => {
    if (updatedAt) {
      void queryClient.invalidateQueries({
        queryKey: stoneQueries.certificateChecks(orderId).queryKey,
      });
    }
  }, [queryClient, orderId, updatedAt]);
  return <CertificateStoneCheck orderId={orderId} />;
}
