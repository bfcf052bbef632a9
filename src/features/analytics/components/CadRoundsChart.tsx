// CAD: how many tweak rounds (of the two included) the designs approved in the range used, and
// the major changes recorded.
import { Group, Stack } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RoundsRow } from '../lib/datasets';
import type { AnalyticsReport } from '../lib/report';
import { axisTick, stageColors } from './chart-colors';
import { Figure } from './Figure';

export function CadRoundsChart({ report, rows }: { report: AnalyticsReport; rows: RoundsRow[] }) {
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Figure label="Designs approved" value={String(report.cad.approved_orders)} />
        <Figure
          label="Major changes"
          value={String(report.cad.major_changes)}
          note={`on ${report.cad.orders_with_major_change} ${report.cad.orders_with_major_change === 1 ? 'order' : 'orders'}`}
        />
      </Group>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="label"
            tick={axisTick}
            label={{
              value: 'Tweak rounds used',
              position: 'insideBottom',
              offset: -4,
              fontSize: 12,
            }}
            height={40}
          />
          <YAxis
            tick={axisTick}
            allowDecimals={false}
            width={48}
            label={{ value: 'Orders', angle: -90, position: 'insideLeft', fontSize: 12 }}
          />
          <Tooltip formatter={(v) => `${String(v)} orders`} />
          <Bar dataKey="orders" name="Approved designs" fill={stageColors.cad} />
        </BarChart>
      </ResponsiveContainer>
    </Stack>
  );
}
