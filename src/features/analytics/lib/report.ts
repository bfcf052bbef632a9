// The shape of public.analytics_report's json document (one per date range and product). The
// generated database types can only say "Json" for it, so the shape is written here once and
// checked loosely on arrival: a missing section is a server/client mismatch, not an empty chart.
import type { Enums, Json } from '../../../types/database';

export type Stage = Enums<'order_stage'>;
export type Product = Enums<'product_base'>;
export type SlaUnit = Enums<'sla_unit'>;

export type TurnaroundRow = {
  stage: Stage;
  unit: SlaUnit;
  target_low: number;
  target_high: number;
  stays: number;
  median: number | null;
  p90: number | null;
  breached: number;
};

export type WeeklyBreachRow = {
  week: string;
  stage: Stage;
  exits: number;
  breached: number;
  rate: number | null;
};

export type WeeklyFlowRow = { week: string; delivered: number; wip: number };
export type CumulativeFlowRow = { day: string; stage: Stage; orders: number };

export type IntakeFigures = {
  requests: number;
  due: number;
  within_2h: number;
  within_2h_share: number | null;
  median_minutes: number | null;
};
export type StylistIntake = IntakeFigures & { stylist_id: string | null; stylist: string };

export type AgeingRow = {
  code: string;
  stage: Stage;
  product_name: string;
  customer: string;
  stage_entered_at: string;
  elapsed: number;
  unit: SlaUnit;
  status: 'late' | 'at_risk';
  promised_date: string | null;
};

export type AnalyticsReport = {
  range: { from: string; to: string; product: Product | null; timezone: string };
  turnaround: TurnaroundRow[];
  end_to_end: { orders: number; median_days: number | null; p90_days: number | null };
  weekly_breaches: WeeklyBreachRow[];
  weekly_flow: WeeklyFlowRow[];
  cumulative_flow: CumulativeFlowRow[];
  intake: IntakeFigures & { by_stylist: StylistIntake[] };
  cad: {
    approved_orders: number;
    rounds: Array<{ rounds: number; orders: number }>;
    major_changes: number;
    orders_with_major_change: number;
  };
  qc: {
    runs: number;
    first_runs: number;
    first_pass: number;
    first_pass_yield: number | null;
    rework: number;
    top_failures: Array<{ label: string; failures: number }>;
  };
  /** At most the 200 most overdue; ageing_counts covers them all. */
  ageing: AgeingRow[];
  ageing_counts: Array<{ stage: Stage; late: number; at_risk: number }>;
};

const sections = [
  'range',
  'turnaround',
  'end_to_end',
  'weekly_breaches',
  'weekly_flow',
  'cumulative_flow',
  'intake',
  'cad',
  'qc',
  'ageing',
  'ageing_counts',
] as const;

/** The report as sent by the database, or an error naming what is missing. */
export function parseReport(value: Json): AnalyticsReport {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('The analytics report is not a json object.');
  }
  const missing = sections.filter((s) => !(s in value));
  if (missing.length > 0) {
    throw new Error(`The analytics report lacks ${missing.join(', ')}.`);
  }
  return value as unknown as AnalyticsReport;
}
