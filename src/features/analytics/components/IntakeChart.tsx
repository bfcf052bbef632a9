// Intake against the 2-hour promise: the headline share and median, then the share within 2 h
// by stylist (bars, percent), with the 2 h promise's full mark as a reference.
import { Group, Stack } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StylistChartRow } from '../lib/datasets';
import { percent } from '../lib/labels';
import type { AnalyticsReport } from '../lib/report';
import { axisTick } from './chart-colors';
import { Figure } from './Figure';

export function IntakeChart({
  report,
  rows,
}: {
  report: AnalyticsReport;
  rows: StylistChartRow[];
}) {
  const i = report.intake;
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Figure
          label="Confirmed within 2 h"
          value={percent(i.within_2h_share)}
          note={`${i.within_2h} of ${i.due} due`}
        />
        <Figure
          label="Median time to confirm"
          value={i.median_minutes === null ? '—' : `${i.median_minutes} min`}
        />
        <Figure label="Requests received" value={String(i.requests)} />
      </Group>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="stylist" tick={axisTick} />
          <YAxis
            tick={axisTick}
            domain={[0, 100]}
            unit="%"
            width={56}
            label={{ value: 'Within 2 h (%)', angle: -90, position: 'insideLeft', fontSize: 12 }}
          />
          <Tooltip
            formatter={(v, _name, item) => {
              const row = item.payload as StylistChartRow;
              const median =
                row.median_minutes === null ? '' : `, median ${row.median_minutes} min`;
              return [
                `${v === null || v === undefined ? '—' : `${String(v)}%`} of ${row.due} due${median}`,
                'Within 2 h',
              ];
            }}
          />
          <Bar dataKey="sharePercent" name="Within 2 h" fill="var(--mantine-color-loupe-6)" />
        </BarChart>
      </ResponsiveContainer>
    </Stack>
  );
}
