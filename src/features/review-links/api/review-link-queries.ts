// The review-links feature's query factory: general → specific, so a change invalidates by prefix.
import { queryOptions } from '@tanstack/react-query';
import { fetchReviewLinks } from './review-links-query';
import { fetchShareSettings } from './share-settings-query';

export const reviewLinkQueries = {
  all: () => ['review-links'] as const,
  lists: () => [...reviewLinkQueries.all(), 'list'] as const,
  order: (orderId: string) =>
    queryOptions({
      queryKey: [...reviewLinkQueries.lists(), orderId],
      queryFn: () => fetchReviewLinks(orderId),
    }),
  shareSettings: () =>
    queryOptions({
      queryKey: [...reviewLinkQueries.all(), 'share-settings'],
      queryFn: fetchShareSettings,
      staleTime: 10 * 60_000,
    }),
};
