// Weekly throughput (orders delivered, bars) and work in progress at each week's end (line),
// both counted in orders on one axis.
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { FlowChartRow } from '../lib/datasets';
import { axisTick, stageColors } from './chart-colors';

export function ThroughputChart({ rows }: { rows: FlowChartRow[] }) {
  return (
    <ResponsiveContainer width="100%" height={280}>
      <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="label"
          tick={axisTick}
          label={{ value: 'Week starting', position: 'insideBottom', offset: -4, fontSize: 12 }}
          height={40}
        />
        <YAxis
          tick={axisTick}
          allowDecimals={false}
          width={48}
          label={{ value: 'Orders', angle: -90, position: 'insideLeft', fontSize: 12 }}
        />
        <Tooltip formatter={(v) => `${String(v)} orders`} />
        <Legend />
        <Bar dataKey="delivered" name="Delivered" fill={stageColors.delivered} />
        <Line
          type="monotone"
          dataKey="wip"
          name="Work in progress"
          stroke={stageColors.production}
          strokeWidth={2}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
