// QC: first-pass yield and rework, then the checklist items that failed most often (horizontal
// bars, counted in failures).
import { Group, Stack, Text } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FailureRow } from '../lib/datasets';
import { percent } from '../lib/labels';
import type { AnalyticsReport } from '../lib/report';
import { axisTick, stageColors } from './chart-colors';
import { Figure } from './Figure';

export function QcChart({ report, rows }: { report: AnalyticsReport; rows: FailureRow[] }) {
  const q = report.qc;
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Figure
          label="First-pass yield"
          value={percent(q.first_pass_yield)}
          note={`${q.first_pass} of ${q.first_runs} first runs`}
        />
        <Figure
          label="Rework"
          value={String(q.rework)}
          note="failed runs sent back to production"
        />
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="gray.7">
          No checklist item failed in this range.
        </Text>
      ) : (
        <ResponsiveContainer width="100%" height={60 + rows.length * 36}>
          <BarChart
            data={rows}
            layout="vertical"
            margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis
              type="number"
              tick={axisTick}
              allowDecimals={false}
              label={{ value: 'Failures', position: 'insideBottom', offset: -4, fontSize: 12 }}
              height={40}
            />
            <YAxis type="category" dataKey="label" tick={axisTick} width={180} />
            <Tooltip formatter={(v) => `${String(v)} failures`} />
            <Bar dataKey="failures" name="Failures" fill={stageColors.qc} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </Stack>
  );
}
