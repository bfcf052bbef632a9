// The analytics page's metal loss section (managers): for the page's date range, loss by step,
// by metal or by person — totals and loss % per week — and the steps flagged above their norm.
// The figures are public.metal_loss_report's; the page only pivots them.
import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { paths } from '../../../config/paths';
import { metalLabels } from '../../../lib/order-vocabulary';
import { metalLedgerQueries } from '../api/metal-ledger-queries';
import { formatGrams, formatPercent, stepLabels, type Metal } from '../lib/grams';
import {
  lossTotals,
  weeklyLossSeries,
  type LossDimension,
  type MetalLossReport,
} from '../lib/loss-report';
import { ScrollRegion } from './ScrollRegion';

// Distinct, AA-contrast line colours (Mantine's 7–9 shades), enough for steps, metals or staff.
const lineColors = [
  '#1971c2',
  '#c2255c',
  '#2b8a3e',
  '#e8590c',
  '#6741d9',
  '#0c8599',
  '#5c940d',
  '#862e9c',
];

const dimensionLabels: Record<LossDimension, string> = {
  step: 'By step',
  metal: 'By metal',
  person: 'By person',
};

export function MetalLossSection({ from, to }: { from: string; to: string }) {
  const report = useQuery({
    ...metalLedgerQueries.lossReport(from, to),
    placeholderData: keepPreviousData,
  });
  const [by, setBy] = useState<LossDimension>('step');
  const labelFor = (key: string, fallback: string) =>
    by === 'metal' ? (metalLabels[key as Metal] ?? key) : fallback;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="metal-loss-title">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4" id="metal-loss-title">
          Metal loss
        </Title>
        <SegmentedControl
          value={by}
          onChange={(v) => setBy(v as LossDimension)}
          data={(Object.keys(dimensionLabels) as LossDimension[]).map((d) => ({
            value: d,
            label: dimensionLabels[d],
          }))}
          aria-label="Group metal loss"
        />
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        Steps weighed back in the range: metal issued, lost (not returned on the piece nor recovered
        as scrap) and the loss as a share of what was issued.
      </Text>
      {report.isPending && (
        <Skeleton h={260} role="status" aria-label="Loading the metal loss report" />
      )}
      {report.isError && (
        <Alert color="red" title="The metal loss report did not load">
          {report.error.message}{' '}
          <Button variant="subtle" size="compact-sm" onClick={() => void report.refetch()}>
            Try again
          </Button>
        </Alert>
      )}
      {report.data &&
        (report.data.rows.length === 0 ? (
          <Text c="dimmed">No step was weighed back in this range.</Text>
        ) : (
          <LossBody by={by} labelFor={labelFor} data={report.data} />
        ))}
    </Paper>
  );
}

function LossBody({
  by,
  labelFor,
  data,
}: {
  by: LossDimension;
  labelFor: (key: string, fallback: string) => string;
  data: MetalLossReport;
}) {
  const totals = lossTotals(data.rows, by, labelFor);
  const series = weeklyLossSeries(data.rows, by);
  const nameOf = new Map(totals.map((t) => [t.key, t.label]));
  return (
    <Stack gap="md">
      <ScrollRegion label="Loss totals table" minWidth={520}>
        <Table aria-label={`Metal loss ${dimensionLabels[by].toLowerCase()}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{by === 'step' ? 'Step' : by === 'metal' ? 'Metal' : 'Person'}</Table.Th>
              <Table.Th ta="right">Steps</Table.Th>
              <Table.Th ta="right">Issued</Table.Th>
              <Table.Th ta="right">Lost</Table.Th>
              <Table.Th ta="right">Loss %</Table.Th>
              <Table.Th ta="right">Flagged</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {totals.map((t) => (
              <Table.Tr key={t.key}>
                <Table.Th scope="row" fw={400}>
                  {t.label}
                </Table.Th>
                <Table.Td ta="right">{t.closedSteps}</Table.Td>
                <Table.Td ta="right">{formatGrams(t.issuedGrams)}</Table.Td>
                <Table.Td ta="right">{formatGrams(t.lossGrams)}</Table.Td>
                <Table.Td ta="right">{formatPercent(t.lossPct)}</Table.Td>
                <Table.Td ta="right">
                  {t.flaggedSteps > 0 ? (
                    <Badge color="red" variant="light">
                      {t.flaggedSteps}
                    </Badge>
                  ) : (
                    0
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>

      <div role="img" aria-label={`Weekly loss percentage ${dimensionLabels[by].toLowerCase()}`}>
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={series.weeks} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="week" tick={{ fontSize: 12 }} height={32} />
            <YAxis tick={{ fontSize: 12 }} width={48} unit=" %" />
            <Tooltip formatter={(v) => `${Number(v).toFixed(2)} %`} />
            <Legend />
            {series.keys.map((key, i) => (
              <Line
                key={key}
                type="monotone"
                dataKey={key}
                name={nameOf.get(key) ?? key}
                stroke={lineColors[i % lineColors.length]}
                strokeWidth={2}
                connectNulls
                dot={{ r: 3 }}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>

      <Title order={3} size="h5">
        Flagged steps
      </Title>
      {data.flagged.length === 0 ? (
        <Text c="dimmed" size="sm">
          No step lost more than its norm in this range.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table aria-label="Flagged metal losses">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Order</Table.Th>
                <Table.Th>Step</Table.Th>
                <Table.Th>Metal</Table.Th>
                <Table.Th>Held by</Table.Th>
                <Table.Th ta="right">Loss</Table.Th>
                <Table.Th ta="right">Norm</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.flagged.map((f) => (
                <Table.Tr key={`${f.order_id}-${f.step}`}>
                  <Table.Td>
                    <Anchor component={Link} to={paths.order(f.order_code)}>
                      {f.order_code}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{stepLabels[f.step]}</Table.Td>
                  <Table.Td>{metalLabels[f.metal]}</Table.Td>
                  <Table.Td>{f.person_name ?? '—'}</Table.Td>
                  <Table.Td ta="right">
                    {formatGrams(f.loss_grams)} · {formatPercent(f.loss_pct)}
                  </Table.Td>
                  <Table.Td ta="right">{formatPercent(f.norm_pct)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
