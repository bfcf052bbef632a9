// Board cards as the cache holds them, and the pure operations that patch that cache: the
// optimistic move, putting a card back as it was, and merging re-fetched rows. Every patch
// keeps the other cards' objects as they were, so memoised cards that did not change do not
// re-render.
import type { Enums, Tables } from '../../../types/database';
import { isBoardStage, type BoardStage, type OrderStage } from './stages';

type Row = Tables<'order_board'>;

/** A row of public.order_board with the columns a card cannot do without made non-null. */
export type BoardCard = Omit<Row, 'id' | 'code' | 'stage' | 'version' | 'risk_flags'> & {
  id: string;
  code: string;
  stage: OrderStage;
  version: number;
  risk_flags: Enums<'intake_risk'>[];
};

/** Delivered orders stay on the board this long, then leave it. */
export const DELIVERED_WINDOW_DAYS = 14;

export function deliveredSince(now: Date): Date {
  return new Date(now.getTime() - DELIVERED_WINDOW_DAYS * 24 * 3600 * 1000);
}

/** A view row as a card, or null when it lacks what every card has (never, for a real order). */
export function toBoardCard(row: Row): BoardCard | null {
  if (!row.id || !row.code || !row.stage || row.version === null) return null;
  return {
    ...row,
    id: row.id,
    code: row.code,
    stage: row.stage,
    version: row.version,
    risk_flags: row.risk_flags ?? [],
  };
}

/** Whether an order belongs on the board now: an active stage, on hold, or recently delivered. */
export function isOnBoard(card: BoardCard, now: Date): boolean {
  if (card.stage === 'delivered') {
    return !!card.stage_entered_at && new Date(card.stage_entered_at) >= deliveredSince(now);
  }
  return isBoardStage(card.stage);
}

/** The optimistic move: the card shows in its new column at once, its clock restarted. */
export function moveCard(
  cards: readonly BoardCard[],
  id: string,
  toStage: OrderStage,
  now: Date,
): BoardCard[] {
  return cards.map((card) =>
    card.id === id
      ? {
          ...card,
          stage: toStage,
          resume_stage: toStage === 'on_hold' ? card.stage : card.resume_stage,
          stage_entered_at: now.toISOString(),
          time_in_stage: 0,
          sla_status: null,
          is_late: card.is_late,
        }
      : card,
  );
}

/** Rollback of one card only: other cards may have been patched by realtime meanwhile. */
export function restoreCard(cards: readonly BoardCard[], original: BoardCard): BoardCard[] {
  const exists = cards.some((card) => card.id === original.id);
  return exists
    ? cards.map((card) => (card.id === original.id ? original : card))
    : [...cards, original];
}

/**
 * Merges freshly read cards for `requestedIds`: a returned card replaces (or joins) the board;
 * an id asked for but not returned (cancelled, delivered long ago, deleted, or no longer
 * visible to this person) leaves it. Ids in `skipIds` (a move of ours still in flight) are left
 * as the optimistic move put them.
 */
export function mergeCards(
  cards: readonly BoardCard[],
  requestedIds: readonly string[],
  fresh: readonly BoardCard[],
  now: Date,
  skipIds: ReadonlySet<string> = new Set(),
): BoardCard[] {
  const byId = new Map(fresh.map((card) => [card.id, card]));
  const requested = new Set(requestedIds.filter((id) => !skipIds.has(id)));
  const result: BoardCard[] = [];
  for (const card of cards) {
    if (!requested.has(card.id)) {
      result.push(card);
      continue;
    }
    const next = byId.get(card.id);
    byId.delete(card.id);
    if (next && isOnBoard(next, now)) result.push(next);
  }
  for (const [id, card] of byId) {
    if (requested.has(id) && isOnBoard(card, now)) result.push(card);
  }
  return result;
}

/** Column order inside a stage: top priority first, then the earliest promise, then the oldest. */
export function compareCards(a: BoardCard, b: BoardCard): number {
  const priority = (b.priority ?? 0) - (a.priority ?? 0);
  if (priority !== 0) return priority;
  const promisedA = a.promised_date ?? '9999-12-31';
  const promisedB = b.promised_date ?? '9999-12-31';
  if (promisedA !== promisedB) return promisedA < promisedB ? -1 : 1;
  return (a.stage_entered_at ?? '') < (b.stage_entered_at ?? '') ? -1 : 1;
}

/** Cards grouped by column, each column sorted. Stages not on the board are dropped. */
export function groupByStage(cards: readonly BoardCard[]): Record<BoardStage, BoardCard[]> {
  const groups = {
    intake: [],
    awaiting_payment: [],
    cad: [],
    production: [],
    qc: [],
    shipping: [],
    delivered: [],
    on_hold: [],
  } as Record<BoardStage, BoardCard[]>;
  for (const card of cards) {
    if (isBoardStage(card.stage)) groups[card.stage].push(card);
  }
  for (const stage of Object.keys(groups) as BoardStage[]) groups[stage].sort(compareCards);
  return groups;
}
