// The board's stages: which columns it shows, their names, where each role lands, and which
// moves to offer in a card's menu. Offering is a convenience only: public.move_order decides
// every move (transition, role, preconditions, WIP limit) and the board shows its answer.
import type { Enums } from '../../../types/database';

export type OrderStage = Enums<'order_stage'>;
export type StaffRole = Enums<'staff_role'>;

/** Columns left to right: the lifecycle, then delivered (last 14 days) and on hold beside it. */
export const boardStages = [
  'intake',
  'awaiting_payment',
  'cad',
  'production',
  'qc',
  'shipping',
  'delivered',
  'on_hold',
] as const satisfies readonly OrderStage[];
export type BoardStage = (typeof boardStages)[number];

export function isBoardStage(stage: string): stage is BoardStage {
  return (boardStages as readonly string[]).includes(stage);
}

/** The forward path of an order (on hold and cancelled sit beside it). */
const lifecycle: OrderStage[] = [
  'intake',
  'awaiting_payment',
  'cad',
  'production',
  'qc',
  'shipping',
  'delivered',
];

/** The moves the workshop makes, as public.move_order lists them (step 1 there). */
export function moveTargets(stage: OrderStage, resumeStage: OrderStage | null): OrderStage[] {
  if (stage === 'delivered' || stage === 'cancelled') return [];
  if (stage === 'on_hold') return resumeStage ? [resumeStage, 'cancelled'] : ['cancelled'];
  const next = lifecycle[lifecycle.indexOf(stage) + 1];
  const targets: OrderStage[] = next ? [next] : [];
  // QC sends a failed piece back to production (rework).
  if (stage === 'qc') targets.push('production');
  return [...targets, 'on_hold', 'cancelled'];
}

/** The stage one step left or right of this one, for the keyboard shortcuts. */
export function neighbourStage(
  stage: OrderStage,
  resumeStage: OrderStage | null,
  direction: 'next' | 'previous',
): OrderStage | null {
  if (stage === 'on_hold') return direction === 'previous' ? resumeStage : null;
  if (direction === 'previous') return stage === 'qc' ? 'production' : null;
  const i = lifecycle.indexOf(stage);
  return i >= 0 ? (lifecycle[i + 1] ?? null) : null;
}

export type ReasonKind = 'on_hold' | 'cancelled' | 'rework';

/** Moves whose reason move_order requires (LP003): the board asks for it before moving. */
export function reasonNeeded(from: OrderStage, to: OrderStage): ReasonKind | null {
  if (to === 'on_hold') return 'on_hold';
  if (to === 'cancelled') return 'cancelled';
  if (from === 'qc' && to === 'production') return 'rework';
  return null;
}

/** The columns each role starts its day in; the board scrolls them into view on landing. */
export function landingStages(role: StaffRole): BoardStage[] {
  switch (role) {
    case 'workshop':
      return ['cad', 'production'];
    case 'qc':
      return ['qc'];
    case 'concierge':
      return ['intake', 'awaiting_payment'];
    default:
      return [];
  }
}
