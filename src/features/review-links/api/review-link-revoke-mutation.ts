// Revoking a link (public.revoke_review_link): the customer's page stops working at once. Shown
// as revoked straight away; a refusal puts the list back as it was and says why.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import { reviewLinkQueries } from './review-link-queries';
import type { ReviewLink } from './review-links-query';

export type RevokeReviewLinkVariables = { id: string; orderId: string };

export async function revokeReviewLink({ id }: RevokeReviewLinkVariables) {
  const { data, error } = await supabase.rpc('revoke_review_link', { p_id: id });
  if (error) throw toAppError(error);
  return data;
}

export function useRevokeReviewLinkMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeReviewLink,
    onMutate: async ({ id, orderId }) => {
      const { queryKey } = reviewLinkQueries.order(orderId);
      await queryClient.cancelQueries({ queryKey });
      const before = queryClient.getQueryData(queryKey);
      queryClient.setQueryData(queryKey, (links) =>
        links?.map((l): ReviewLink =>
          l.id === id ? { ...l, state: 'revoked', revokedAt: new Date().toISOString() } : l,
        ),
      );
      return { before };
    },
    onError: (error, { orderId }, context) => {
      if (context?.before) {
        queryClient.setQueryData(reviewLinkQueries.order(orderId).queryKey, context.before);
      }
      // Having an onError of its own, this mutation says the refusal itself.
      notifications.show({
        color: 'red',
        title: 'The link was not revoked',
        message: toAppError(error).message,
      });
    },
    onSettled: (_data, _error, { orderId }) =>
      queryClient.invalidateQueries({ queryKey: reviewLinkQueries.order(orderId).queryKey }),
  });
}
