// The analytics page's one read: public.analytics_report for a date range and product, every
// chart in one round trip. The query factory is the feature's only key source (TkDodo's
// "Effective React Query Keys"): all → reports → report(filters).
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { AnalyticsFilters } from '../lib/filters';
import { parseReport, type AnalyticsReport } from '../lib/report';

export async function fetchAnalyticsReport(filters: AnalyticsFilters): Promise<AnalyticsReport> {
  const { data, error } = await supabase.rpc('analytics_report', {
    p_from: filters.from,
    p_to: filters.to,
    ...(filters.product ? { p_product: filters.product } : {}),
  });
  if (error) throw toAppError(error);
  return parseReport(data);
}

export const analyticsQueries = {
  all: () => ['analytics'] as const,
  reports: () => [...analyticsQueries.all(), 'report'] as const,
  report: (filters: AnalyticsFilters) =>
    queryOptions({
      queryKey: [...analyticsQueries.reports(), filters] as const,
      queryFn: () => fetchAnalyticsReport(filters),
      // Reports summarise history; a minute old is fresh enough, and switching ranges back and
      // forth should not refetch each time.
      staleTime: 60_000,
    }),
};
