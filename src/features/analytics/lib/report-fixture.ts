// A small analytics report for the unit tests, built from parts so each test states only what
// it is about (overrides replace whole sections).
import type { AnalyticsReport } from './report';

export function makeReport(overrides: Partial<AnalyticsReport> = {}): AnalyticsReport {
  return {
    range: { from: '2024-04-01', to: '2024-04-14', product: null, timezone: 'America/New_York' },
    turnaround: [
      {
        stage: 'cad',
        unit: 'hours',
        target_low: 24,
        target_high: 48,
        stays: 4,
        median: 30,
        p90: 52.8,
        breached: 1,
      },
      {
        stage: 'production',
        unit: 'business_days',
        target_low: 10,
        target_high: 14,
        stays: 0,
        median: null,
        p90: null,
        breached: 0,
      },
    ],
    end_to_end: { orders: 2, median_days: 21, p90_days: 22.6 },
    weekly_breaches: [
      { week: '2024-04-01', stage: 'cad', exits: 3, breached: 1, rate: 0.333 },
      { week: '2024-04-01', stage: 'qc', exits: 0, breached: 0, rate: null },
      { week: '2024-04-08', stage: 'cad', exits: 1, breached: 1, rate: 1 },
      { week: '2024-04-08', stage: 'qc', exits: 2, breached: 0, rate: 0 },
    ],
    weekly_flow: [
      { week: '2024-04-01', delivered: 0, wip: 3 },
      { week: '2024-04-08', delivered: 3, wip: 5 },
    ],
    cumulative_flow: [
      { day: '2024-04-01', stage: 'cad', orders: 2 },
      { day: '2024-04-01', stage: 'delivered', orders: 0 },
      { day: '2024-04-02', stage: 'cad', orders: 1 },
      { day: '2024-04-02', stage: 'delivered', orders: 1 },
    ],
    intake: {
      requests: 5,
      due: 4,
      within_2h: 2,
      within_2h_share: 0.5,
      median_minutes: 60,
      by_stylist: [
        {
          stylist_id: 'a',
          stylist: 'Amara Osei',
          requests: 2,
          due: 2,
          within_2h: 1,
          within_2h_share: 0.5,
          median_minutes: 90,
        },
        {
          stylist_id: null,
          stylist: 'Unassigned',
          requests: 1,
          due: 0,
          within_2h: 0,
          within_2h_share: null,
          median_minutes: null,
        },
      ],
    },
    cad: {
      approved_orders: 4,
      rounds: [
        { rounds: 0, orders: 2 },
        { rounds: 1, orders: 1 },
        { rounds: 2, orders: 1 },
      ],
      major_changes: 1,
      orders_with_major_change: 1,
    },
    qc: {
      runs: 4,
      first_runs: 3,
      first_pass: 2,
      first_pass_yield: 0.667,
      rework: 1,
      top_failures: [{ label: 'Stones secure', failures: 2 }],
    },
    ageing: [
      {
        code: 'LP-2026-0001',
        stage: 'production',
        product_name: 'Oval solitaire',
        customer: 'Maya R.',
        stage_entered_at: '2026-10-01T12:00:00Z',
        elapsed: 20,
        unit: 'business_days',
        status: 'late',
        promised_date: '2026-11-01',
      },
      {
        code: 'LP-2026-0002',
        stage: 'qc',
        product_name: 'Pavé stacking set',
        customer: 'Theo K.',
        stage_entered_at: '2026-11-21T12:00:00Z',
        elapsed: 2,
        unit: 'days',
        status: 'at_risk',
        promised_date: null,
      },
    ],
    ageing_counts: [
      { stage: 'production', late: 1, at_risk: 0 },
      { stage: 'qc', late: 0, at_risk: 1 },
    ],
    ...overrides,
  };
}

export function emptyReport(): AnalyticsReport {
  return makeReport({
    turnaround: [
      {
        stage: 'cad',
        unit: 'hours',
        target_low: 24,
        target_high: 48,
        stays: 0,
        median: null,
        p90: null,
        breached: 0,
      },
    ],
    end_to_end: { orders: 0, median_days: null, p90_days: null },
    weekly_breaches: [{ week: '2024-04-01', stage: 'cad', exits: 0, breached: 0, rate: null }],
    weekly_flow: [{ week: '2024-04-01', delivered: 0, wip: 0 }],
    cumulative_flow: [{ day: '2024-04-01', stage: 'cad', orders: 0 }],
    intake: {
      requests: 0,
      due: 0,
      within_2h: 0,
      within_2h_share: null,
      median_minutes: null,
      by_stylist: [],
    },
    cad: {
      approved_orders: 0,
      rounds: [{ rounds: 0, orders: 0 }],
      major_changes: 0,
      orders_with_major_change: 0,
    },
    qc: {
      runs: 0,
      first_runs: 0,
      first_pass: 0,
      first_pass_yield: null,
      rework: 0,
      top_failures: [],
    },
    ageing: [],
    ageing_counts: [],
  });
}
