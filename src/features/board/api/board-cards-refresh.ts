// Re-reads a few cards and patches them into the board's cache (setQueryData), for realtime
// events and after a move: only the changed rows travel, never the whole board.
import type { QueryClient } from '@tanstack/react-query';
import { mergeCards, type BoardCard } from '../lib/board-cards';
import { fetchBoardCardsByIds } from './board-cards-query';
import { boardQueries, moveMutationKey } from './board-queries';
import type { MoveOrderVariables } from './order-move-mutation';

/** Orders with a move of ours still in flight: their optimistic position must not be undone. */
export function cardsBeingMoved(queryClient: QueryClient): Set<string> {
  const ids = new Set<string>();
  for (const mutation of queryClient.getMutationCache().findAll({
    mutationKey: moveMutationKey,
    status: 'pending',
  })) {
    const variables = mutation.state.variables as MoveOrderVariables | undefined;
    if (variables) ids.add(variables.card.id);
  }
  return ids;
}

export async function refreshBoardCards(
  queryClient: QueryClient,
  ids: readonly string[],
  /** The order whose own move is settling: its fresh row is wanted even though it is in flight. */
  settlingMove?: string,
): Promise<BoardCard[]> {
  if (ids.length === 0) return [];
  const fresh = await fetchBoardCardsByIds(ids);
  const key = boardQueries.cards().queryKey;
  const skip = cardsBeingMoved(queryClient);
  if (settlingMove) skip.delete(settlingMove);
  // Nothing to patch before the board's first read: that read will have these rows anyway.
  if (!queryClient.getQueryData(key)) return fresh;
  queryClient.setQueryData(key, (cards) =>
    cards ? mergeCards(cards, ids, fresh, new Date(), skip) : cards,
  );
  return fresh;
}
