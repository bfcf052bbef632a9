// The production feature's query factory.
import { queryOptions } from '@tanstack/react-query';
import { fetchProductionSteps } from './production-steps-query';

export const productionQueries = {
  all: () => ['production'] as const,
  steps: (orderId: string) =>
    queryOptions({
      queryKey: [...productionQueries.all(), 'steps', orderId],
      queryFn: () => fetchProductionSteps(orderId),
    }),
};
