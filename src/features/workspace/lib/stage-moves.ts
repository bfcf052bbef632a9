// Which moves the "Move to…" control offers from a stage, and which ask for a reason. This
// mirrors the transition list of public.move_order only to build the menu; the database still
// decides every move (role, preconditions, WIP limit, version) and its refusal is shown as is.
import type { OrderStage } from './labels';

const forward: Partial<Record<OrderStage, OrderStage[]>> = {
  intake: ['awaiting_payment'],
  awaiting_payment: ['cad'],
  cad: ['production'],
  production: ['qc'],
  qc: ['shipping', 'production'],
  shipping: ['delivered'],
};

/** The stages an order can be sent to from `stage`, most likely first. */
export function moveTargets(stage: OrderStage, resumeStage: OrderStage | null): OrderStage[] {
  if (stage === 'delivered' || stage === 'cancelled') return [];
  if (stage === 'on_hold') return resumeStage ? [resumeStage, 'cancelled'] : ['cancelled'];
  return [...(forward[stage] ?? []), 'on_hold', 'cancelled'];
}

/** Holds, cancellations and QC rework must say why (LP003 otherwise). */
export function moveNeedsReason(from: OrderStage, to: OrderStage): boolean {
  return to === 'on_hold' || to === 'cancelled' || (from === 'qc' && to === 'production');
}

/** The question the reason field asks, in the workshop's words. */
export function reasonPrompt(from: OrderStage, to: OrderStage): string {
  if (to === 'on_hold') return 'Why is the order going on hold?';
  if (to === 'cancelled') return 'Why is the order being cancelled?';
  if (from === 'qc' && to === 'production') return 'What must production rework?';
  return 'Note for the history (optional)';
}

/** The validation message when the reason is left empty (the database's own words, LP003). */
export function reasonRequiredMessage(from: OrderStage, to: OrderStage): string {
  if (to === 'on_hold') return 'Say why the order is going on hold.';
  if (to === 'cancelled') return 'Say why the order is being cancelled.';
  if (from === 'qc' && to === 'production')
    return 'Say why QC is sending the piece back to production.';
  return '';
}
