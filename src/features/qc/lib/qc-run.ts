// What the QC checklist shows and allows, from the run's items: progress "4/7", which items
// still stop the piece from shipping (in move_order's own words), whether an item may pass yet
// (items needing a photo pass only with one: LP043), and the rework reason a fail needs.
import type { Enums } from '../../../types/database';

export type QcResult = Enums<'qc_item_result'>;

export type QcItemState = {
  position: number;
  label: string;
  required: boolean;
  needs_photo: boolean;
  result: QcResult;
  photo_attachment_id: string | null;
};

/** Passed over all items, as the board's card shows it. */
export function qcProgress(items: readonly Pick<QcItemState, 'result'>[]) {
  const passed = items.filter((i) => i.result === 'pass').length;
  return { passed, total: items.length, label: `${passed}/${items.length}` };
}

/** Required items not passed yet, in checklist order. */
export function blockingItems<T extends QcItemState>(items: readonly T[]): T[] {
  return items
    .filter((i) => i.required && i.result !== 'pass')
    .sort((a, b) => a.position - b.position);
}

/**
 * Why the run cannot pass yet, worded like move_order's refusal ("QC checklist incomplete:
 * stones secure not checked"), or null when every required item passed.
 */
export function passBlockedReason(items: readonly QcItemState[]): string | null {
  const blocking = blockingItems(items);
  if (blocking.length === 0) return null;
  return `QC checklist incomplete: ${blocking
    .map((i) => `${i.label.toLowerCase()} ${i.result === 'fail' ? 'failed' : 'not checked'}`)
    .join(', ')}`;
}

/** Why this item cannot be marked passed yet, or null (the database's LP043, ahead of time). */
export function itemPassBlockedReason(item: QcItemState): string | null {
  if (item.needs_photo && !item.photo_attachment_id) {
    return `${item.label} needs a photo before it can pass.`;
  }
  return null;
}

export const MIN_REASON_LENGTH = 5;

/** A failed run sends the piece back to production; the workshop needs to know why. */
export function reworkReasonProblem(reason: string): string | null {
  const r = reason.trim();
  if (!r) return 'Say why QC is sending the piece back to production.';
  if (r.length < MIN_REASON_LENGTH) return 'Describe what the workshop should fix.';
  return null;
}

export type QcRunState<I> = {
  attempt: number;
  status: Enums<'qc_run_status'>;
  items: I[];
};

/** The run being worked on, and the finished ones newest first. */
export function splitRuns<R extends QcRunState<unknown>>(runs: readonly R[]) {
  const current = runs.find((r) => r.status === 'in_progress') ?? null;
  const earlier = runs.filter((r) => r !== current).sort((a, b) => b.attempt - a.attempt);
  return { current, earlier };
}
