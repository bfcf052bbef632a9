// /analytics's loader, kept out of the lazy page chunk so it runs while that chunk downloads:
// managers only (others get the 403 page), and the report for the URL's filters starts loading.
import { data, type LoaderFunctionArgs } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { analyticsQueries } from '../../features/analytics/api/analytics-report-query';
import { filtersFromSearch } from '../../features/analytics/lib/filters';
import { requireStaff } from './guards';

export const analyticsLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    const profile = await requireStaff(request, queryClient);
    if (profile.role !== 'manager') {
      throw data('Only managers can open analytics.', { status: 403 });
    }
    const filters = filtersFromSearch(new URL(request.url).searchParams);
    // Not awaited: the page shows its own loading state; a failure shows there, with a retry.
    void queryClient.prefetchQuery(analyticsQueries.report(filters));
    return null;
  };
