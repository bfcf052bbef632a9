// The payments feature's query keys and options.
import { queryOptions } from '@tanstack/react-query';
import { fetchPaymentOrder } from './payment-order-query';

export const paymentQueries = {
  all: () => ['payments'] as const,
  order: (orderId: string) =>
    queryOptions({
      queryKey: [...paymentQueries.all(), 'order', orderId] as const,
      queryFn: () => fetchPaymentOrder(orderId),
    }),
};
