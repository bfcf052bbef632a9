// The stones feature's query factory: keys general → specific, so an allocation invalidates the
// inventory lists and the order it touched by prefix.
import { queryOptions } from '@tanstack/react-query';
import type { StoneFilters } from '../lib/stone-filters';
import { fetchStoneInventory } from './stone-inventory-query';
import { fetchMeleeLots } from './melee-lots-query';
import { fetchOrderStones } from './order-stones-query';
import { fetchStoneCertificateChecks } from './stone-certificate-checks-query';

export const stoneQueries = {
  all: () => ['stones'] as const,
  inventories: () => [...stoneQueries.all(), 'inventory'] as const,
  inventory: (filters: Pick<StoneFilters, 'q' | 'state' | 'lab'>) =>
    queryOptions({
      queryKey: [...stoneQueries.inventories(), 'certified', filters],
      queryFn: () => fetchStoneInventory(filters),
    }),
  meleeLots: (q = '') =>
    queryOptions({
      queryKey: [...stoneQueries.inventories(), 'melee', q],
      queryFn: () => fetchMeleeLots(q),
    }),
  order: (orderId: string) => [...stoneQueries.all(), 'order', orderId] as const,
  orderStones: (orderId: string) =>
    queryOptions({
      queryKey: [...stoneQueries.order(orderId), 'allocations'],
      queryFn: () => fetchOrderStones(orderId),
    }),
  certificateChecks: (orderId: string) =>
    queryOptions({
      queryKey: [...stoneQueries.order(orderId), 'certificate-checks'],
      queryFn: () => fetchStoneCertificateChecks(orderId),
      // QC reads this beside the checklist item; certificates change in another section.
      staleTime: 0,
    }),
};
