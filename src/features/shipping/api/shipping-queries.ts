// The shipping feature's query factory.
import { queryOptions } from '@tanstack/react-query';
import { fetchShipments } from './shipments-query';
import { fetchAfterSales } from './after-sales-query';

export const shippingQueries = {
  all: () => ['shipping'] as const,
  shipments: (orderId: string) =>
    queryOptions({
      queryKey: [...shippingQueries.all(), 'shipments', orderId],
      queryFn: () => fetchShipments(orderId),
    }),
  afterSales: (orderId: string) =>
    queryOptions({
      queryKey: [...shippingQueries.all(), 'after-sales', orderId],
      queryFn: () => fetchAfterSales(orderId),
    }),
};
