// Cards as the clock reads them now. public.order_board computed time in stage, the SLA status
// and "late" when the board was read; between reads the board repeats that arithmetic each
// tick (src/lib/business-days.ts) from the cached row and the workshop's calendar, so a card
// turns amber or red when its time comes. A card's object changes only when something a
// person sees changes (the badge's figure or colour, "late"): memoised cards that did not
// change are not re-rendered, and when no card changed the list is the same list.
import { elapsedInStage, isPastPromise, slaStatus, type IsoDate } from '../../../lib/business-days';
import { formatElapsedShort, isSlaStatus } from '../../../lib/sla-display';
import type { BoardCard } from './board-cards';

export type WorkshopCalendar = { timezone: string; holidays: readonly IsoDate[] };

/**
 * The card `source` (as read) at `now`, or `shown` (what the board shows for it now) when the
 * reading looks the same. A card without a running SLA — a stage with no clock, or a card whose
 * status the database has yet to give (an optimistic move in flight) — is left as read.
 */
export function cardAt(
  source: BoardCard,
  shown: BoardCard,
  calendar: WorkshopCalendar,
  now: number,
): BoardCard {
  const { timezone, holidays } = calendar;
  const isLate = isPastPromise(source.promised_date, source.stage, now, timezone);
  let elapsed = source.time_in_stage;
  let status = source.sla_status;
  if (source.sla_unit && isSlaStatus(source.sla_status) && source.stage_entered_at) {
    elapsed = elapsedInStage(
      source.sla_unit,
      source.stage_entered_at,
      source.stage_clock_paused_at,
      now,
      holidays,
      timezone,
    );
    status = slaStatus(elapsed, source.sla_amber_after, source.sla_red_after);
  }
  const looksTheSame =
    status === shown.sla_status &&
    isLate === shown.is_late &&
    (elapsed === shown.time_in_stage ||
      (elapsed !== null &&
        shown.time_in_stage !== null &&
        !!source.sla_unit &&
        formatElapsedShort(elapsed, source.sla_unit) ===
          formatElapsedShort(shown.time_in_stage, source.sla_unit)));
  if (looksTheSame) return shown;
  return { ...source, time_in_stage: elapsed, sla_status: status, is_late: isLate };
}

/**
 * A ticker for one board: call it with the cached cards at each tick. It remembers what it
 * showed for each cached card object (a re-read or a patch makes a new object, which starts
 * afresh), so it can hand back the very same objects — and the same list — while nothing
 * visible changes.
 */
export function createCardTicker() {
  let shownFor = new WeakMap<BoardCard, BoardCard>();
  let lastInput: readonly BoardCard[] | null = null;
  let lastCalendar: WorkshopCalendar | null = null;
  let lastOutput: BoardCard[] | null = null;

  return function tick(
    cards: readonly BoardCard[],
    calendar: WorkshopCalendar,
    now: number,
  ): readonly BoardCard[] {
    if (calendar !== lastCalendar) {
      // Another time zone or holiday list can change any figure: compare with the rows as read.
      shownFor = new WeakMap();
      lastCalendar = calendar;
    }
    let changed = false;
    let sameAsLast = lastInput === cards && lastOutput !== null;
    const output = cards.map((card, i) => {
      const shown = shownFor.get(card) ?? card;
      const next = cardAt(card, shown, calendar, now);
      if (next !== shown) shownFor.set(card, next);
      if (next !== card) changed = true;
      if (sameAsLast && lastOutput![i] !== next) sameAsLast = false;
      return next;
    });
    if (!changed) {
      lastInput = cards;
      lastOutput = null;
      return cards;
    }
    if (sameAsLast) return lastOutput!;
    lastInput = cards;
    lastOutput = output;
    return output;
  };
}
