// The customer page's query factory. Keys hold the token (the cache lives in this tab's memory
// only); the client that carries it in its header comes with the call.
import { queryOptions } from '@tanstack/react-query';
import type { ReviewClient } from './review-client';
import type { ReviewFile } from './review-page';
import { fetchReviewPage } from './review-page-query';
import { fetchReviewFiles, SIGNED_URL_SECONDS } from './review-files-query';

export const reviewQueries = {
  all: () => ['customer-review'] as const,
  page: (client: ReviewClient, token: string) =>
    queryOptions({
      queryKey: [...reviewQueries.all(), 'page', token],
      queryFn: () => fetchReviewPage(client, token),
      staleTime: 60_000,
      // A link that does not work is asked once: every further try would count as a failed
      // attempt against the rate limit. A working one re-reads on return to the tab, so a
      // decision made on another device shows.
      refetchOnWindowFocus: (query) => query.state.data?.status === 'ok',
    }),
  files: (client: ReviewClient, token: string, files: ReviewFile[]) =>
    queryOptions({
      queryKey: [...reviewQueries.all(), 'files', token, files.map((f) => f.path)],
      queryFn: () => fetchReviewFiles(client, files),
      // Re-signed a minute before the URLs lapse, so an open page keeps showing its images.
      staleTime: (SIGNED_URL_SECONDS - 60) * 1000,
      refetchInterval: (SIGNED_URL_SECONDS - 60) * 1000,
    }),
};
