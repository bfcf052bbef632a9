// Recording the customer's decision (public.review_decide): approve, a minor tweak or a bigger
// change, each with the note the customer typed. The database counts the tweak against the
// two-round cap (LP123) and accepts one decision per round (LP124); the form shows its sentence
// beside the note, so nothing typed is lost. The answer is the page again, put in the cache.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toAppError } from '../../../lib/errors';
import type { ReviewClient } from './review-client';
import { toReviewPage, type ReviewDecision, type ReviewPage } from './review-page';
import { reviewQueries } from './review-queries';

export type DecideVariables = { decision: ReviewDecision; note?: string };

export async function decideReview(
  client: ReviewClient,
  token: string,
  { decision, note }: DecideVariables,
): Promise<ReviewPage> {
  const { data, error } = await client.rpc('review_decide', {
    p_token: token,
    p_decision: decision,
    p_note: note?.trim() || undefined,
  });
  if (error) throw toAppError(error);
  return toReviewPage(data);
}

/** Codes after which the page as shown is out of date (round closed, link gone): read it again. */
const STALE_PAGE_CODES = new Set(['LP124', 'LP127']);

export function useReviewDecideMutation(client: ReviewClient, token: string) {
  const queryClient = useQueryClient();
  const pageKey = reviewQueries.page(client, token).queryKey;
  return useMutation({
    mutationFn: (variables: DecideVariables) => decideReview(client, token, variables),
    meta: { errorShownInline: true },
    onSuccess: (page) => queryClient.setQueryData(pageKey, page),
    onError: (error) => {
      if (STALE_PAGE_CODES.has(toAppError(error).code)) {
        void queryClient.invalidateQueries({ queryKey: pageKey });
      }
    },
  });
}
