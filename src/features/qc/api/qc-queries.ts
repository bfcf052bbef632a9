// The QC feature's query keys and options: everything about one order's QC sits under
// qcQueries.order(orderId).
import { queryOptions } from '@tanstack/react-query';
import { fetchQcChecklist } from './qc-checklist-query';

export const qcQueries = {
  all: () => ['qc'] as const,
  order: (orderId: string) => [...qcQueries.all(), 'order', orderId] as const,
  checklist: (orderId: string) =>
    queryOptions({
      queryKey: [...qcQueries.order(orderId), 'checklist'],
      queryFn: () => fetchQcChecklist(orderId),
    }),
};
