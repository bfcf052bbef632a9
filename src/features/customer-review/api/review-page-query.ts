// Reading the page behind a link (public.review_page, always POST: it records the first open
// and counts failed tries, so it is not a cacheable GET and the token stays out of URLs).
import { toAppError } from '../../../lib/errors';
import type { ReviewClient } from './review-client';
import { toReviewPage, type ReviewPage } from './review-page';

export async function fetchReviewPage(client: ReviewClient, token: string): Promise<ReviewPage> {
  const { data, error } = await client.rpc('review_page', { p_token: token });
  if (error) throw toAppError(error);
  return toReviewPage(data);
}
