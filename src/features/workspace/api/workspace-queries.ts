// The workspace's query factory: keys general → specific, one queryOptions per read.
import { queryOptions } from '@tanstack/react-query';
import { fetchWorkspaceOrder } from './order-query';
import { fetchOrderEvents } from './order-events-query';
import { fetchStaffDirectory } from './staff-directory-query';
import { fetchReferenceImages } from './reference-images-query';

export const workspaceQueries = {
  all: () => ['workspace'] as const,
  orders: () => [...workspaceQueries.all(), 'order'] as const,
  order: (code: string) =>
    queryOptions({
      queryKey: [...workspaceQueries.orders(), code],
      queryFn: () => fetchWorkspaceOrder(code),
    }),
  events: (orderId: string) =>
    queryOptions({
      queryKey: [...workspaceQueries.all(), 'events', orderId],
      queryFn: () => fetchOrderEvents(orderId),
    }),
  staff: () =>
    queryOptions({
      queryKey: [...workspaceQueries.all(), 'staff'],
      queryFn: fetchStaffDirectory,
      staleTime: 5 * 60_000,
    }),
  references: (intakeRequestId: string) =>
    queryOptions({
      queryKey: [...workspaceQueries.all(), 'references', intakeRequestId],
      queryFn: () => fetchReferenceImages(intakeRequestId),
      // Signed URLs last an hour; refetch well before they expire.
      staleTime: 30 * 60_000,
    }),
};
