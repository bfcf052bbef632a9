// The intake feature's query keys and options, general → specific: invalidate all() after a
// conversion, queue() after a triage act, or one entry through its own options.
import { queryOptions } from '@tanstack/react-query';
import { fetchIntakeQueue } from './intake-queue-query';
import { fetchStylists } from './stylists-query';
import { fetchReferenceImageUrls, SIGNED_URL_SECONDS } from './reference-images-query';
import { fetchAwaitingPayment } from './awaiting-payment-query';

export const intakeQueries = {
  all: () => ['intake'] as const,
  queue: () =>
    queryOptions({
      queryKey: [...intakeQueries.all(), 'queue'] as const,
      queryFn: fetchIntakeQueue,
    }),
  stylists: () =>
    queryOptions({
      queryKey: [...intakeQueries.all(), 'stylists'] as const,
      queryFn: fetchStylists,
      staleTime: 10 * 60_000,
    }),
  referenceImages: (paths: readonly string[]) =>
    queryOptions({
      queryKey: [...intakeQueries.all(), 'reference-images', [...paths].sort()] as const,
      queryFn: () => fetchReferenceImageUrls(paths),
      // Re-signed at half their life, so a page left open never shows an expired image.
      staleTime: (SIGNED_URL_SECONDS * 1000) / 2,
      refetchInterval: (SIGNED_URL_SECONDS * 1000) / 2,
    }),
  awaitingPayment: () =>
    queryOptions({
      queryKey: [...intakeQueries.all(), 'awaiting-payment'] as const,
      queryFn: fetchAwaitingPayment,
    }),
};
