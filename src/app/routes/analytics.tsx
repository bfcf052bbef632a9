// /analytics — managers: turnaround, breaches, flow, intake, CAD, QC and ageing charts. Loaded
// on demand (route.lazy), so recharts and the date picker never weigh on the board's bundle.
// The manager check and the report prefetch run in analytics-loader.ts, before this chunk.
import '@mantine/dates/styles.css';
import { useSearchParams } from 'react-router';
import { Box } from '@mantine/core';
import { AnalyticsPage } from '../../features/analytics/components/AnalyticsPage';
import { filtersFromSearch } from '../../features/analytics/lib/filters';
import { MetalLossSection } from '../../features/metal-ledger/components/MetalLossSection';

export function Component() {
  // The loss section follows the page's date range (the same ?from=&to= the charts read).
  const [params] = useSearchParams();
  const { from, to } = filtersFromSearch(params);
  return (
    <>
      <AnalyticsPage />
      <Box mt="lg">
        <MetalLossSection from={from} to={to} />
      </Box>
    </>
  );
}
