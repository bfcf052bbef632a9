// Weekly SLA breach rate per stage: one line per stage, percent of the stays that ended that
// week which went over the stage's target; a gap where nothing ended.
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
import type { BreachChartRow } from '../lib/datasets';
import type { Stage } from '../lib/report';
import { axisTick, stageColors } from './chart-colors';
import { stageLabels } from '../../../lib/order-vocabulary';

export function WeeklyBreachChart({ rows, stages }: { rows: BreachChartRow[]; stages: Stage[] }) {
  return (
    <ResponsiveContainer width="100%" height={280}>
      <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="label"
          tick={axisTick}
          label={{ value: 'Week starting', position: 'insideBottom', offset: -4, fontSize: 12 }}
          height={40}
        />
        <YAxis
          tick={axisTick}
          domain={[0, 100]}
          unit="%"
          width={56}
          label={{ value: 'Breach rate (%)', angle: -90, position: 'insideLeft', fontSize: 12 }}
        />
        <Tooltip
          formatter={(v) => (v === null || v === undefined ? 'nothing ended' : `${String(v)}%`)}
        />
        <Legend />
        {stages.map((s) => (
          <Line
            key={s}
            type="linear"
            dataKey={s}
            name={stageLabels[s]}
            stroke={stageColors[s]}
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
