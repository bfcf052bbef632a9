// The CAD feature's query factory.
import { queryOptions } from '@tanstack/react-query';
import { fetchCadRounds } from './cad-rounds-query';

export const cadQueries = {
  all: () => ['cad'] as const,
  rounds: (orderId: string) =>
    queryOptions({
      queryKey: [...cadQueries.all(), 'rounds', orderId],
      queryFn: () => fetchCadRounds(orderId),
      // Signed URLs last an hour.
      staleTime: 30 * 60_000,
    }),
};
