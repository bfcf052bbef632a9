// Cumulative flow: orders standing in each stage at the end of each day, stacked on the
// deliveries made since the start of the range.
import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { FlowDayRow } from '../lib/datasets';
import type { Stage } from '../lib/report';
import { axisTick, stageColors } from './chart-colors';
import { stageLabels } from '../../../lib/order-vocabulary';

const stackOrder: Stage[] = [
  'delivered',
  'shipping',
  'qc',
  'production',
  'cad',
  'awaiting_payment',
  'intake',
  'on_hold',
  'cancelled',
];

export function CumulativeFlowChart({ rows, stages }: { rows: FlowDayRow[]; stages: Stage[] }) {
  // Stacked as cumulative flow diagrams are read: done work at the bottom, then each stage
  // upstream of it, so a band that widens is work piling up before the stage below it.
  const order = [...stages].sort((a, b) => stackOrder.indexOf(a) - stackOrder.indexOf(b));
  return (
    <ResponsiveContainer width="100%" height={320}>
      <AreaChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="label"
          tick={axisTick}
          minTickGap={24}
          label={{ value: 'Day', position: 'insideBottom', offset: -4, fontSize: 12 }}
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
        {order.map((s) => (
          <Area
            key={s}
            type="stepAfter"
            dataKey={s}
            name={stageLabels[s]}
            stackId="flow"
            stroke={stageColors[s]}
            fill={stageColors[s]}
            fillOpacity={0.6}
            isAnimationActive={false}
          />
        ))}
      </AreaChart>
    </ResponsiveContainer>
  );
}
