// Turnaround per stage as small multiples, one per stage because each is measured in its own
// unit (CAD in hours, production in business days, QC and shipping in days): median and 90th
// percentile bars over the shaded target band, and the end-to-end figure beside them.
import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatNumber, inUnit, unitLabels } from '../lib/labels';
import type { AnalyticsReport, TurnaroundRow } from '../lib/report';
import { axisTick, stageColors } from './chart-colors';
import { stageLabels } from '../../../lib/order-vocabulary';

export function TurnaroundChart({ report }: { report: AnalyticsReport }) {
  const e2e = report.end_to_end;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm">
      {report.turnaround.map((row) => (
        <StageTurnaround key={row.stage} row={row} />
      ))}
      <Paper withBorder p="sm" radius="sm">
        <Stack gap={4}>
          <Text fw={600}>Paid → delivered</Text>
          {e2e.orders > 0 ? (
            <>
              <Text size="xl" fw={700}>
                {formatNumber(e2e.median_days ?? 0)} days
              </Text>
              <Text size="sm" c="gray.7">
                median; 90th percentile {formatNumber(e2e.p90_days ?? 0)} days, over {e2e.orders}{' '}
                delivered {e2e.orders === 1 ? 'order' : 'orders'}
              </Text>
            </>
          ) : (
            <Text size="sm" c="gray.7">
              No deliveries in this range.
            </Text>
          )}
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}

function StageTurnaround({ row }: { row: TurnaroundRow }) {
  const unit = unitLabels[row.unit];
  const data = [
    { name: 'Median', value: row.median },
    { name: '90th pct', value: row.p90 },
  ];
  const top = Math.max(row.p90 ?? 0, row.target_high) * 1.15;
  return (
    <Paper withBorder p="sm" radius="sm">
      <Text fw={600}>{stageLabels[row.stage]}</Text>
      <Text size="xs" c="gray.7">
        Target {formatNumber(row.target_low)}–{formatNumber(row.target_high)} {unit.long} ·{' '}
        {row.stays} {row.stays === 1 ? 'stay' : 'stays'}, {row.breached} over
      </Text>
      {row.stays === 0 ? (
        <Text size="sm" c="gray.7" py="lg">
          No stay in {stageLabels[row.stage]} ended in this range.
        </Text>
      ) : (
        <ResponsiveContainer width="100%" height={190}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={axisTick} />
            <YAxis
              tick={axisTick}
              domain={[0, Math.ceil(top)]}
              width={48}
              label={{ value: unit.long, angle: -90, position: 'insideLeft', fontSize: 12 }}
            />
            <ReferenceArea
              y1={row.target_low}
              y2={row.target_high}
              fill="var(--mantine-color-loupe-2)"
              fillOpacity={0.5}
              label={{ value: 'target', position: 'insideTopRight', fontSize: 11 }}
            />
            <Tooltip formatter={(v) => inUnit(Number(v), row.unit)} />
            <Bar dataKey="value" name={stageLabels[row.stage]} fill={stageColors[row.stage]} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </Paper>
  );
}
