// The triage queue's order and keyboard movement: requests still to confirm (new and in
// review) oldest first — the one closest to breaking the 2 hour promise on top — then the
// confirmed ones waiting for their quote, also oldest first.
import type { Enums } from '../../../types/database';

type Queued = { id: string; received_at: string; status: Enums<'intake_status'> };

const byAge = (a: Queued, b: Queued) =>
  Date.parse(a.received_at) - Date.parse(b.received_at) || a.id.localeCompare(b.id);

/** New and in-review requests, oldest first. */
export function toConfirm<T extends Queued>(rows: readonly T[]): T[] {
  return rows.filter((r) => r.status === 'new' || r.status === 'in_review').sort(byAge);
}

/** Confirmed requests waiting to be turned into a quoted order, oldest first. */
export function toQuote<T extends Queued>(rows: readonly T[]): T[] {
  return rows.filter((r) => r.status === 'confirmed').sort(byAge);
}

/**
 * The id j (delta 1) or k (delta -1) selects: the first row when nothing is selected (or the
 * selection has left the list), and no wrapping at either end.
 */
export function moveSelection(
  ids: readonly string[],
  current: string | null,
  delta: 1 | -1,
): string | null {
  if (ids.length === 0) return null;
  const index = current === null ? -1 : ids.indexOf(current);
  if (index === -1) return ids[0]!;
  return ids[Math.min(ids.length - 1, Math.max(0, index + delta))]!;
}

/**
 * When the selected request leaves the list (declined, converted), the one that took its place
 * is selected, so a stylist working down the queue keeps their place.
 */
export function selectionAfterChange(
  before: readonly string[],
  after: readonly string[],
  current: string | null,
): string | null {
  if (current === null || after.includes(current)) return current;
  const index = before.indexOf(current);
  if (after.length === 0) return null;
  if (index === -1) return after[0]!;
  return after[Math.min(index, after.length - 1)]!;
}
