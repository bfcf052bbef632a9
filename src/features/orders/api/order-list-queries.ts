// The orders feature's query keys and options, general → specific (TkDodo's "Effective React
// Query Keys"): invalidating orderListQueries.all() refreshes every page and the staff list.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { OrdersTableState } from '../lib/table-state';
import { fetchOrdersPage } from './orders-page-query';
import { fetchAssignees } from './assignees-query';

/** What a page depends on: everything but the hidden columns (hiding one fetches nothing). */
function pageKey(state: OrdersTableState) {
  const { hidden: _hidden, ...rest } = state;
  return rest;
}

export const orderListQueries = {
  all: () => ['order-list'] as const,
  pages: () => [...orderListQueries.all(), 'page'] as const,
  page: (state: OrdersTableState) =>
    queryOptions({
      queryKey: [...orderListQueries.pages(), pageKey(state)] as const,
      queryFn: ({ signal }) => fetchOrdersPage(state, signal),
      // Paging or sorting keeps the current rows on screen until the next ones arrive.
      placeholderData: keepPreviousData,
    }),
  assignees: () =>
    queryOptions({
      queryKey: [...orderListQueries.all(), 'assignees'] as const,
      queryFn: fetchAssignees,
      staleTime: 5 * 60_000,
    }),
};
