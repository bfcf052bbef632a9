// /board's loader, a lazy route property so it downloads beside the page chunk: the board's reads
// (cards, stage settings, calendar) start while the page code is still arriving, instead of after
// the page has mounted — the board's largest paint is its cards, so this is its LCP waterfall.
import type { QueryClient } from '@tanstack/react-query';
import { boardQueries } from '../../features/board/api/board-queries';
import { currentSession } from '../../features/auth/api/auth-session';

export const boardLoader = (queryClient: QueryClient) => async () => {
  // Signed out: the shell's loader sends the person to sign-in; a read now would cache an empty
  // board for whoever signs in next.
  if (!(await currentSession())) return null;
  // Not awaited: the page shows its own loading state; a failure shows there, with a retry.
  void queryClient.prefetchQuery(boardQueries.cards());
  void queryClient.prefetchQuery(boardQueries.stageSettings());
  void queryClient.prefetchQuery(boardQueries.calendar());
  return null;
};
