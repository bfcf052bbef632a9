// The tickets feature's query factory: ticket data per set of order codes (kept briefly; a
// reprint a minute later reads afresh, since steps, stones and dates change).
import { queryOptions } from '@tanstack/react-query';
import { fetchTicketOrders } from './ticket-orders-query';

export const ticketQueries = {
  all: () => ['tickets'] as const,
  orders: (codes: readonly string[]) =>
    queryOptions({
      queryKey: [...ticketQueries.all(), 'orders', [...codes]],
      queryFn: () => fetchTicketOrders(codes),
      staleTime: 30_000,
    }),
};
