// The manager's analytics page: filters in the URL, one report query for every chart, and the
// charts in the order a manager reads them — promises (turnaround, breaches), flow (throughput,
// WIP, cumulative flow), the people steps (intake, CAD, QC), and what needs chasing now (ageing).
import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import {
  Alert,
  Button,
  Group,
  Loader,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { analyticsQueries } from '../api/analytics-report-query';
import {
  ageingDataset,
  breachStages,
  cadRoundsDataset,
  cumulativeFlowDataset,
  flowStages,
  intakeDataset,
  qcDataset,
  turnaroundDataset,
  weeklyBreachDataset,
  weeklyFlowDataset,
} from '../lib/datasets';
import {
  filtersFromSearch,
  filtersToSearch,
  type AnalyticsFilters as Filters,
} from '../lib/filters';
import { productLabels } from '../lib/labels';
import type { AnalyticsReport } from '../lib/report';
import { toAppError } from '../../../lib/errors';
import { AnalyticsFilters } from './AnalyticsFilters';
import { ChartCard } from './ChartCard';
import { TurnaroundChart } from './TurnaroundChart';
import { WeeklyBreachChart } from './WeeklyBreachChart';
import { ThroughputChart } from './ThroughputChart';
import { CumulativeFlowChart } from './CumulativeFlowChart';
import { IntakeChart } from './IntakeChart';
import { CadRoundsChart } from './CadRoundsChart';
import { QcChart } from './QcChart';
import { renderAgeingCell } from './AgeingCell';

function rangeInWords(f: Filters): string {
  const fmt = (d: string) =>
    new Date(`${d}T00:00:00`).toLocaleDateString('en-US', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    });
  return `${fmt(f.from)} – ${fmt(f.to)} · ${f.product ? productLabels[f.product] : 'All products'}`;
}

export function AnalyticsPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(params), [params]);
  const report = useQuery({
    ...analyticsQueries.report(filters),
    placeholderData: keepPreviousData,
  });

  const setFilters = (next: Filters) => setParams(filtersToSearch(next, params));

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            Analytics
          </Title>
          <Text c="gray.7">Turnaround against the house promises, from the order history.</Text>
        </div>
        <Group gap="xs" role="status" aria-live="polite" mih={24}>
          {report.isFetching && report.data && (
            <>
              <Loader size="xs" aria-hidden />
              <Text size="sm" c="gray.7">
                Updating…
              </Text>
            </>
          )}
        </Group>
      </Group>
      <AnalyticsFilters filters={filters} onChange={setFilters} />
      <Text fw={500}>{rangeInWords(filters)}</Text>
      {report.isError && !report.data ? (
        <Alert
          color="red"
          icon={<IconAlertTriangle size={18} />}
          title="The analytics could not be loaded"
          role="alert"
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{toAppError(report.error).message}</Text>
            <Button mih={44} variant="light" color="red" onClick={() => void report.refetch()}>
              Try again
            </Button>
          </Stack>
        </Alert>
      ) : report.data ? (
        <Charts report={report.data} filters={filters} />
      ) : (
        <Stack gap="md" aria-busy="true" aria-label="Loading analytics">
          <Skeleton h={260} radius="md" />
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Skeleton h={320} radius="md" />
            <Skeleton h={320} radius="md" />
          </SimpleGrid>
        </Stack>
      )}
    </Stack>
  );
}

function Charts({ report, filters }: { report: AnalyticsReport; filters: Filters }) {
  // The datasets are pure derivations of one report; recomputed only when it changes.
  const data = useMemo(
    () => ({
      turnaround: turnaroundDataset(report),
      breaches: weeklyBreachDataset(report),
      flow: weeklyFlowDataset(report),
      cumulative: cumulativeFlowDataset(report),
      intake: intakeDataset(report),
      cad: cadRoundsDataset(report),
      qc: qcDataset(report),
      ageing: ageingDataset(report),
    }),
    [report],
  );
  return (
    <Stack gap="md">
      <ChartCard
        title="Turnaround per stage"
        units="Median and 90th percentile of stays that ended in the range, in each stage's own unit; shaded: the target band"
        dataset={data.turnaround}
        filters={filters}
        emptyText="No stage finished and nothing was delivered in this range."
      >
        <TurnaroundChart report={report} />
      </ChartCard>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ChartCard
          title="Weekly SLA breach rate"
          units="Percent of the stays ending each week that went over target, by stage"
          dataset={data.breaches}
          filters={filters}
          emptyText="No stage finished in this range."
        >
          <WeeklyBreachChart rows={data.breaches.rows} stages={breachStages(report)} />
        </ChartCard>
        <ChartCard
          title="Throughput and work in progress"
          units="Orders delivered each week, and orders in CAD, production, QC and shipping at each week's end"
          dataset={data.flow}
          filters={filters}
          emptyText="Nothing was delivered or in progress in this range."
        >
          <ThroughputChart rows={data.flow.rows} />
        </ChartCard>
      </SimpleGrid>
      <ChartCard
        title="Cumulative flow"
        units="Orders in each stage at the end of each day; delivered counts from the start of the range"
        dataset={data.cumulative}
        filters={filters}
        emptyText="No orders in this range."
      >
        <CumulativeFlowChart rows={data.cumulative.rows} stages={flowStages(report)} />
      </ChartCard>
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md">
        <ChartCard
          title="Intake confirmation"
          units="Share of requests confirmed within the 2-hour promise, by stylist (percent)"
          dataset={data.intake}
          filters={filters}
          emptyText="No intake requests arrived in this range."
        >
          <IntakeChart report={report} rows={data.intake.rows} />
        </ChartCard>
        <ChartCard
          title="CAD tweak rounds"
          units="Designs approved in the range, by tweak rounds used (orders)"
          dataset={data.cad}
          filters={filters}
          emptyText="No CAD design was approved in this range."
        >
          <CadRoundsChart report={report} rows={data.cad.rows} />
        </ChartCard>
        <ChartCard
          title="QC first pass and failures"
          units="QC runs finished in the range; failing checklist items (failures)"
          dataset={data.qc}
          filters={filters}
          emptyText="No QC run finished in this range."
        >
          <QcChart report={report} rows={data.qc.rows} />
        </ChartCard>
      </SimpleGrid>
      <ChartCard
        title="Late and at-risk orders"
        units="Open orders now, by stage: late (over target or past the promised date) or at risk (past the amber mark); time in stage in the stage's unit"
        dataset={data.ageing}
        filters={filters}
        emptyText="No open order is late or at risk."
        tableOnly
        renderCell={renderAgeingCell}
      />
    </Stack>
  );
}
