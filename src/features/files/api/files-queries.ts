// The files feature's query keys and options, general → specific: everything of an order's
// files is under filesQueries.order(orderId), so one invalidation refreshes its sections.
import { queryOptions } from '@tanstack/react-query';
import { fetchCertificates } from './certificates-query';
import { fetchMedia } from './media-query';
import { fetchSignedUrl, SIGNED_URL_SECONDS } from './signed-url-query';

export const filesQueries = {
  all: () => ['files'] as const,
  order: (orderId: string) => [...filesQueries.all(), 'order', orderId] as const,
  certificates: (orderId: string) =>
    queryOptions({
      queryKey: [...filesQueries.order(orderId), 'certificates'],
      queryFn: () => fetchCertificates(orderId),
    }),
  media: (orderId: string) =>
    queryOptions({
      queryKey: [...filesQueries.order(orderId), 'media'],
      queryFn: () => fetchMedia(orderId),
    }),
  signedUrl: (bucket: string, path: string) =>
    queryOptions({
      queryKey: [...filesQueries.all(), 'signed-url', bucket, path],
      queryFn: () => fetchSignedUrl(bucket, path),
      staleTime: (SIGNED_URL_SECONDS - 600) * 1000,
      gcTime: (SIGNED_URL_SECONDS - 300) * 1000,
    }),
};
