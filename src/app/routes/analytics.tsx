// /analytics — managers: turnaround, breaches, flow, intake, CAD, QC and ageing charts. Loaded
// on demand (route.lazy), so recharts and the date picker never weigh on the board's bundle.
// The manager check and the report prefetch run in analytics-loader.ts, before this chunk.
import '@mantine/dates/styles.css';
import { AnalyticsPage } from '../../features/analytics/components/AnalyticsPage';

export function Component() {
  return <AnalyticsPage />;
}
