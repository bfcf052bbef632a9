// Live link states for one open order: Realtime postgres_changes on review_links (a customer
// opened or decided, someone revoked or created one) re-read the list of that order only —
// the state is derived by the view, so the row in the event is not enough on its own.
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { reviewLinkQueries } from './review-link-queries';

export function useReviewLinksLive(orderId: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const channel = supabase
      // A topic of its own per mount (the board's drawer and StrictMode remount the panel).
      .channel(`review-links:${orderId}:${crypto.randomUUID()}`)
      .on(
        'postgres_changes',
        { event: '*', schema: 'public', table: 'review_links', filter: `order_id=eq.${orderId}` },
        () =>
          void queryClient.invalidateQueries({
            queryKey: reviewLinkQueries.order(orderId).queryKey,
          }),
      )
      .subscribe();
    return () => {
      void supabase.removeChannel(channel);
    };
  }, [orderId, queryClient]);
}
