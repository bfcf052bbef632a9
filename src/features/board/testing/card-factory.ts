// A board card for tests: a plausible CAD order, overridable field by field.
import type { BoardCard } from '../lib/board-cards';

let n = 0;

export function makeCard(overrides: Partial<BoardCard> = {}): BoardCard {
  n += 1;
  const number = String(1000 + n);
  return {
    id: `00000000-0000-4000-8000-${number.padStart(12, '0')}`,
    code: `LP-2026-${number}`,
    stage: 'cad',
    cad_state: 'drafting',
    version: 1,
    priority: 0,
    product: 'bespoke_ring',
    product_name: 'Oval solitaire',
    metal: 'platinum',
    has_certified_stones: false,
    customer_display_name: `Customer ${number}`,
    stage_entered_at: '2026-11-22T10:00:00.000Z',
    time_in_stage: 5,
    sla_unit: 'hours',
    sla_amber_after: 24,
    sla_red_after: 48,
    sla_status: 'green',
    promised_date: '2026-12-20',
    is_late: false,
    cad_rounds_used: 0,
    cad_rounds_max: 2,
    qc_attempt: null,
    qc_items_passed: null,
    qc_items_total: null,
    risk_flags: [],
    assignee_id: null,
    assignee_name: null,
    on_hold_reason: null,
    resume_stage: null,
    updated_at: '2026-11-22T10:00:00.000Z',
    rework_count: 0,
    stage_clock_paused_at: null,
    customer_change_requested_at: null,
    ...overrides,
  };
}
