// Creating a customer link (public.create_review_link): a design-review link for the round with
// the customer, or a status-only link. The answer carries the token, once: the database keeps
// only its hash, so the panel holds it in memory for Copy link and the email. Creating a link
// revokes the order's older live link of the same kind, so the list is read again.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { AppError, toAppError } from '../../../lib/errors';
import type { Enums } from '../../../types/database';
import { reviewLinkQueries } from './review-link-queries';

export type CreateReviewLinkVariables = {
  orderId: string;
  kind: Enums<'review_link_kind'>;
  showQuote: boolean;
};

export type CreatedReviewLink = {
  id: string;
  token: string;
  expiresAt: string;
  kind: Enums<'review_link_kind'>;
  cadRound: number | null;
};

export async function createReviewLink({
  orderId,
  kind,
  showQuote,
}: CreateReviewLinkVariables): Promise<CreatedReviewLink> {
  const { data, error } = await supabase.rpc('create_review_link', {
    p_order_id: orderId,
    p_kind: kind,
    p_show_quote: showQuote,
  });
  if (error) throw toAppError(error);
  const answer = data as {
    id?: string;
    token?: string;
    expires_at?: string;
    kind?: Enums<'review_link_kind'>;
    cad_round?: number | null;
  } | null;
  if (!answer?.id || !answer.token || !answer.expires_at) {
    throw new AppError('unexpected_answer', 'The link was not created. Try again.');
  }
  return {
    id: answer.id,
    token: answer.token,
    expiresAt: answer.expires_at,
    kind: answer.kind ?? kind,
    cadRound: answer.cad_round ?? null,
  };
}

export function useCreateReviewLinkMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createReviewLink,
    // The panel shows the refusal (LP120/LP121…) beside the buttons.
    meta: { errorShownInline: true },
    onSettled: (_data, _error, variables) =>
      queryClient.invalidateQueries({
        queryKey: reviewLinkQueries.order(variables.orderId).queryKey,
      }),
  });
}
