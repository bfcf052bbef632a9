// The board's query keys and options, general → specific (TkDodo's "Effective React Query
// Keys"): invalidate board() for everything, or one entry by its own options.
import { queryOptions } from '@tanstack/react-query';
import { fetchBoardCalendar } from './board-calendar-query';
import { fetchBoardCards } from './board-cards-query';
import { fetchStageSettings } from './stage-settings-query';

/** Every card move shares this key, so the board can tell which cards are in flight. */
export const moveMutationKey = ['board', 'move'] as const;

export const boardQueries = {
  all: () => ['board'] as const,
  /** Every card on the board, in one cache entry that realtime and moves patch card by card. */
  cards: () =>
    queryOptions({
      queryKey: [...boardQueries.all(), 'cards'] as const,
      queryFn: () => fetchBoardCards(),
    }),
  stageSettings: () =>
    queryOptions({
      queryKey: [...boardQueries.all(), 'stage-settings'] as const,
      queryFn: fetchStageSettings,
      // Managers change targets rarely; a reload or a later visit picks changes up.
      staleTime: 5 * 60_000,
    }),
  /** The house's time zone and holidays: what the live SLA clock counts business days on. */
  calendar: () =>
    queryOptions({
      queryKey: [...boardQueries.all(), 'calendar'] as const,
      queryFn: fetchBoardCalendar,
      // Holidays change a few times a year; a later visit or a refocus picks a change up.
      staleTime: 10 * 60_000,
    }),
};
