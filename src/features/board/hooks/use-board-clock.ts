// The board's minute clock: every card's SLA badge reads the same tick (one interval for the
// whole board), so a board left open turns a card amber or red when its time comes, without
// waiting for a refetch. A minute is finer than any badge shows (0.1 h at best) and a status
// change is at most a minute late.
import { useSyncExternalStore } from 'react';
import { createSharedClock } from '../../../lib/shared-clock';

export const BOARD_TICK_MS = 60_000;

export const boardClock = createSharedClock(BOARD_TICK_MS);

/** The time of the board's last tick, in epoch ms. */
export function useBoardClock(): number {
  return useSyncExternalStore(boardClock.subscribe, boardClock.now, boardClock.now);
}
