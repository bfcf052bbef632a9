// Chart data shaping: each chart's rows (as the chart draws them), the columns of its data table
// and CSV, an accessible one-paragraph summary, and whether there is anything to draw. Pure, so
// the sentences and numbers a manager reads are unit-tested away from React and recharts.
import { stageLabels } from '../../../lib/order-vocabulary';
import type { CsvColumn } from './csv';
import { formatNumber, inUnit, percent, shortDay, unitLabels } from './labels';
import type {
  AgeingRow,
  AnalyticsReport,
  CumulativeFlowRow,
  Stage,
  StylistIntake,
  TurnaroundRow,
  WeeklyBreachRow,
  WeeklyFlowRow,
} from './report';

export type Dataset<Row, TableRow = Row> = {
  /** What the chart draws. */
  rows: Row[];
  /** What the data table shows and the CSV holds (long form, one fact per row). */
  table: TableRow[];
  columns: CsvColumn<TableRow>[];
  summary: string;
  empty: boolean;
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// ---- Turnaround per stage ------------------------------------------------------------------

export function turnaroundDataset(report: AnalyticsReport): Dataset<TurnaroundRow> {
  const rows = report.turnaround;
  const measured = rows.filter((r) => r.stays > 0);
  const e2e = report.end_to_end;
  const parts = measured.map((r) => {
    const band = `${formatNumber(r.target_low)}–${formatNumber(r.target_high)} ${unitLabels[r.unit].long}`;
    return `${stageLabels[r.stage]}: median ${inUnit(r.median, r.unit)}, 90th percentile ${inUnit(r.p90, r.unit)} against a ${band} target; ${r.breached} of ${plural(r.stays, 'stay')} over.`;
  });
  const endToEnd =
    e2e.orders > 0
      ? `Paid to delivered: median ${formatNumber(e2e.median_days ?? 0)} days, 90th percentile ${formatNumber(e2e.p90_days ?? 0)} days over ${plural(e2e.orders, 'delivered order')}.`
      : 'No order was delivered in this range.';
  return {
    rows,
    table: rows,
    columns: [
      { header: 'Stage', value: (r) => stageLabels[r.stage] },
      { header: 'Unit', value: (r) => unitLabels[r.unit].long },
      { header: 'Target from', value: (r) => r.target_low },
      { header: 'Target to', value: (r) => r.target_high },
      { header: 'Stays', value: (r) => r.stays },
      { header: 'Median', value: (r) => r.median },
      { header: '90th percentile', value: (r) => r.p90 },
      { header: 'Over target', value: (r) => r.breached },
    ],
    summary:
      measured.length === 0
        ? `No stage finished in this range. ${endToEnd}`
        : `${parts.join(' ')} ${endToEnd}`,
    empty: measured.length === 0 && e2e.orders === 0,
  };
}

// ---- Weekly SLA breach rate per stage -------------------------------------------------------

export type BreachChartRow = { week: string; label: string } & Partial<
  Record<Stage, number | null>
>;

export function breachStages(report: AnalyticsReport): Stage[] {
  return [...new Set(report.weekly_breaches.map((r) => r.stage))];
}

export function weeklyBreachDataset(
  report: AnalyticsReport,
): Dataset<BreachChartRow, WeeklyBreachRow> {
  const byWeek = new Map<string, BreachChartRow>();
  for (const r of report.weekly_breaches) {
    const row = byWeek.get(r.week) ?? { week: r.week, label: shortDay(r.week) };
    // Percent, and null (a gap in the line) for a week in which nothing left the stage.
    row[r.stage] = r.rate === null ? null : Math.round(r.rate * 1000) / 10;
    byWeek.set(r.week, row);
  }
  const totals = new Map<Stage, { exits: number; breached: number }>();
  for (const r of report.weekly_breaches) {
    const t = totals.get(r.stage) ?? { exits: 0, breached: 0 };
    t.exits += r.exits;
    t.breached += r.breached;
    totals.set(r.stage, t);
  }
  const measured = [...totals].filter(([, t]) => t.exits > 0);
  const worst = report.weekly_breaches
    .filter((r) => r.rate !== null && r.breached > 0)
    .sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0) || b.breached - a.breached)[0];
  return {
    rows: [...byWeek.values()],
    table: report.weekly_breaches,
    columns: [
      { header: 'Week starting', value: (r) => r.week },
      { header: 'Stage', value: (r) => stageLabels[r.stage] },
      { header: 'Stays ended', value: (r) => r.exits },
      { header: 'Over target', value: (r) => r.breached },
      {
        header: 'Breach rate (%)',
        value: (r) => (r.rate === null ? null : Math.round(r.rate * 1000) / 10),
      },
    ],
    summary:
      measured.length === 0
        ? 'No stage finished in this range, so there is no breach rate.'
        : `Over the range, ${measured
            .map(
              ([s, t]) =>
                `${stageLabels[s]} ${percent(t.breached / t.exits)} (${t.breached} of ${t.exits})`,
            )
            .join(', ')} of stays went over target.${
            worst
              ? ` Worst week: ${stageLabels[worst.stage]} in the week of ${shortDay(worst.week)}, ${percent(worst.rate)}.`
              : ''
          }`,
    empty: measured.length === 0,
  };
}

// ---- Weekly throughput and WIP --------------------------------------------------------------

export type FlowChartRow = WeeklyFlowRow & { label: string };

export function weeklyFlowDataset(report: AnalyticsReport): Dataset<FlowChartRow, WeeklyFlowRow> {
  const weeks = report.weekly_flow;
  const delivered = weeks.reduce((n, w) => n + w.delivered, 0);
  const first = weeks[0];
  const last = weeks.at(-1);
  const perWeek = weeks.length > 0 ? delivered / weeks.length : 0;
  return {
    rows: weeks.map((w) => ({ ...w, label: shortDay(w.week) })),
    table: weeks,
    columns: [
      { header: 'Week starting', value: (r) => r.week },
      { header: 'Delivered (orders)', value: (r) => r.delivered },
      { header: 'Work in progress at week end (orders)', value: (r) => r.wip },
    ],
    summary:
      first && last
        ? `${plural(delivered, 'order')} delivered over ${plural(weeks.length, 'week')} (${formatNumber(Math.round(perWeek * 10) / 10)} a week). Work in progress in CAD, production, QC and shipping went from ${first.wip} to ${last.wip}.`
        : 'No weeks in this range.',
    empty: weeks.every((w) => w.delivered === 0 && w.wip === 0),
  };
}

// ---- Cumulative flow ------------------------------------------------------------------------

export type FlowDayRow = { day: string; label: string } & Partial<Record<Stage, number>>;

export function flowStages(report: AnalyticsReport): Stage[] {
  return [...new Set(report.cumulative_flow.map((r) => r.stage))];
}

export function cumulativeFlowDataset(
  report: AnalyticsReport,
): Dataset<FlowDayRow, CumulativeFlowRow> {
  const byDay = new Map<string, FlowDayRow>();
  for (const r of report.cumulative_flow) {
    const row = byDay.get(r.day) ?? { day: r.day, label: shortDay(r.day) };
    row[r.stage] = r.orders;
    byDay.set(r.day, row);
  }
  const rows = [...byDay.values()];
  const last = rows.at(-1);
  const stages = flowStages(report);
  return {
    rows,
    table: report.cumulative_flow,
    columns: [
      { header: 'Day', value: (r) => r.day },
      { header: 'Stage', value: (r) => stageLabels[r.stage] },
      { header: 'Orders at end of day', value: (r) => r.orders },
    ],
    summary: last
      ? `At the end of ${shortDay(last.day)}: ${stages
          .map((s) =>
            s === 'delivered'
              ? `${last[s] ?? 0} delivered since ${shortDay(rows[0]!.day)}`
              : `${last[s] ?? 0} in ${stageLabels[s]}`,
          )
          .join(', ')}.`
      : 'No days in this range.',
    empty: report.cumulative_flow.every((r) => r.orders === 0),
  };
}

// ---- Intake confirmation --------------------------------------------------------------------

export type StylistChartRow = StylistIntake & { sharePercent: number | null };

export function intakeDataset(report: AnalyticsReport): Dataset<StylistChartRow, StylistIntake> {
  const i = report.intake;
  const rows = i.by_stylist.map((s) => ({
    ...s,
    sharePercent: s.within_2h_share === null ? null : Math.round(s.within_2h_share * 1000) / 10,
  }));
  const stylists = i.by_stylist
    .filter((s) => s.due > 0)
    .map((s) => `${s.stylist} ${percent(s.within_2h_share)} of ${s.due}`);
  return {
    rows,
    table: i.by_stylist,
    columns: [
      { header: 'Stylist', value: (r) => r.stylist },
      { header: 'Requests', value: (r) => r.requests },
      { header: 'Due (confirmed or past 2 h)', value: (r) => r.due },
      { header: 'Confirmed within 2 h', value: (r) => r.within_2h },
      {
        header: 'Share within 2 h (%)',
        value: (r) =>
          r.within_2h_share === null ? null : Math.round(r.within_2h_share * 1000) / 10,
      },
      { header: 'Median minutes to confirm', value: (r) => r.median_minutes },
    ],
    summary:
      i.requests === 0
        ? 'No intake requests arrived in this range.'
        : `${percent(i.within_2h_share)} of ${plural(i.due, 'request')} due were confirmed within 2 hours (${i.within_2h}); median time to confirm ${i.median_minutes === null ? '—' : `${i.median_minutes} minutes`}.${stylists.length > 0 ? ` By stylist: ${stylists.join(', ')}.` : ''}`,
    empty: i.requests === 0,
  };
}

// ---- CAD tweak rounds -----------------------------------------------------------------------

export type RoundsRow = { rounds: number; label: string; orders: number };

export function cadRoundsDataset(report: AnalyticsReport): Dataset<RoundsRow> {
  const c = report.cad;
  const rows = c.rounds.map((r) => ({
    ...r,
    label: r.rounds === 1 ? '1 round' : `${r.rounds} rounds`,
  }));
  return {
    rows,
    table: rows,
    columns: [
      { header: 'Tweak rounds used', value: (r) => r.rounds },
      { header: 'Orders', value: (r) => r.orders },
    ],
    summary:
      c.approved_orders === 0
        ? `No CAD design was approved in this range. ${plural(c.major_changes, 'major change')} recorded.`
        : `Of ${plural(c.approved_orders, 'design')} approved, ${rows.map((r) => `${r.orders} used ${r.label}`).join(', ')}. ${plural(c.major_changes, 'major change')} recorded on ${plural(c.orders_with_major_change, 'order')}.`,
    empty: c.approved_orders === 0 && c.major_changes === 0,
  };
}

// ---- QC -------------------------------------------------------------------------------------

export type FailureRow = { label: string; failures: number };

export function qcDataset(report: AnalyticsReport): Dataset<FailureRow> {
  const q = report.qc;
  const top = q.top_failures[0];
  return {
    rows: q.top_failures,
    table: q.top_failures,
    columns: [
      { header: 'Checklist item', value: (r) => r.label },
      { header: 'Failures', value: (r) => r.failures },
    ],
    summary:
      q.runs === 0
        ? 'No QC run finished in this range.'
        : `First-pass yield ${percent(q.first_pass_yield)}: ${q.first_pass} of ${plural(q.first_runs, 'piece')} passed QC at the first attempt. ${plural(q.rework, 'failed run')} sent pieces back for rework.${top ? ` Most failed item: ${top.label} (${top.failures}).` : ' No checklist item failed.'}`,
    empty: q.runs === 0,
  };
}

// ---- Ageing ---------------------------------------------------------------------------------

const stageOrder: Stage[] = [
  'intake',
  'awaiting_payment',
  'cad',
  'production',
  'qc',
  'shipping',
  'delivered',
  'on_hold',
  'cancelled',
];

export function ageingDataset(report: AnalyticsReport): Dataset<AgeingRow> {
  // By stage in workflow order; within a stage the late ones first, longest waiting first.
  const rows = [...report.ageing].sort(
    (a, b) =>
      stageOrder.indexOf(a.stage) - stageOrder.indexOf(b.stage) ||
      (a.status === b.status ? 0 : a.status === 'late' ? -1 : 1) ||
      a.stage_entered_at.localeCompare(b.stage_entered_at),
  );
  const counts = report.ageing_counts;
  const late = counts.reduce((n, c) => n + c.late, 0);
  const total = counts.reduce((n, c) => n + c.late + c.at_risk, 0);
  const shown = rows.length < total ? ` Listed: the ${rows.length} most overdue.` : '';
  return {
    rows,
    table: rows,
    columns: [
      { header: 'Order', value: (r) => r.code },
      { header: 'Stage', value: (r) => stageLabels[r.stage] },
      { header: 'Status', value: (r) => (r.status === 'late' ? 'Late' : 'At risk') },
      { header: 'Time in stage', value: (r) => r.elapsed },
      { header: 'Unit', value: (r) => unitLabels[r.unit].long },
      { header: 'Promised', value: (r) => r.promised_date },
      { header: 'Customer', value: (r) => r.customer },
      { header: 'Piece', value: (r) => r.product_name },
    ],
    summary:
      total === 0
        ? 'No open order is late or at risk.'
        : `${plural(late, 'order')} late and ${total - late} at risk: ${counts
            .map((c) => `${c.late + c.at_risk} in ${stageLabels[c.stage]}`)
            .join(', ')}.${shown}`,
    empty: total === 0,
  };
}
