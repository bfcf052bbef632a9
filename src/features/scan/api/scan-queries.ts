// The scan feature's query factory: the bench card of one order, by its code.
import { queryOptions } from '@tanstack/react-query';
import { fetchBenchOrder } from './bench-order-query';

export const scanQueries = {
  all: () => ['scan'] as const,
  benchOrders: () => [...scanQueries.all(), 'bench-order'] as const,
  benchOrder: (code: string) =>
    queryOptions({
      queryKey: [...scanQueries.benchOrders(), code],
      queryFn: () => fetchBenchOrder(code),
      // Scanning the same ticket again shows it at once and re-reads it behind.
      staleTime: 0,
    }),
};
