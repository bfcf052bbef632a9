// Moving an order to another stage through public.move_order, optimistically: the card jumps
// at once; the database decides. On a refusal the card goes back and the person reads the
// database's own sentence; on a version conflict (PT409) the board re-reads that card and says
// someone else moved it. A manager refused by a WIP limit (LP020) may retry with a reason.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { supabase } from '../../../lib/supabase';
import { toAppError, type AppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';
import { moveCard, restoreCard, type BoardCard } from '../lib/board-cards';
import { type OrderStage } from '../lib/stages';
import { boardQueries, moveMutationKey } from './board-queries';
import { refreshBoardCards } from './board-cards-refresh';
import { stageLabels } from '../../../lib/order-vocabulary';

export type MoveOrderVariables = {
  /** The card as the person saw it: its version is what the move expects to find. */
  card: BoardCard;
  toStage: OrderStage;
  /** Why: required for on hold, cancel and QC rework (LP003). */
  note?: string;
  /** A manager's reason to go over the target stage's WIP limit. */
  overrideReason?: string;
};

export async function moveOrder({
  card,
  toStage,
  note,
  overrideReason,
}: MoveOrderVariables): Promise<Tables<'orders'>> {
  const { data, error } = await supabase.rpc('move_order', {
    p_order_id: card.id,
    p_to_stage: toStage,
    p_expected_version: card.version,
    p_note: note,
    p_override_reason: overrideReason,
  });
  if (error) throw toAppError(error);
  return data;
}

type UseMoveOrderOptions = {
  /**
   * Called when the database refuses the move because the target stage is full (LP020) and the
   * person could override it (a manager). Returning true means the caller handles it (asks for
   * a reason and moves again); no notification is shown then.
   */
  onWipLimit?: (error: AppError, variables: MoveOrderVariables) => boolean;
};

export function useMoveOrderMutation({ onWipLimit }: UseMoveOrderOptions = {}) {
  const queryClient = useQueryClient();
  const key = boardQueries.cards().queryKey;

  return useMutation({
    mutationKey: moveMutationKey,
    mutationFn: moveOrder,
    onMutate: async (variables) => {
      // A board read landing now would put the card back where it was.
      await queryClient.cancelQueries({ queryKey: key });
      queryClient.setQueryData(key, (cards) =>
        cards ? moveCard(cards, variables.card.id, variables.toStage, new Date()) : cards,
      );
    },
    onSuccess: async (order, variables) => {
      // The new version at once (a second move right after must expect it), then the row with
      // everything the view computes (SLA, progress).
      queryClient.setQueryData(key, (cards) =>
        cards?.map((card) =>
          card.id === order.id
            ? { ...card, version: order.version, stage_entered_at: order.stage_entered_at }
            : card,
        ),
      );
      await refreshBoardCards(queryClient, [variables.card.id], variables.card.id).catch(
        () => undefined, // the move happened; realtime or the next read brings the details
      );
    },
    onError: async (error, variables) => {
      const appError = toAppError(error);
      // Only this card goes back: others may have been patched by realtime meanwhile.
      queryClient.setQueryData(key, (cards) =>
        cards ? restoreCard(cards, variables.card) : cards,
      );
      if (appError.code === 'PT409') {
        notifications.show({
          color: 'yellow',
          title: `${variables.card.code} was changed by someone else`,
          message: `Someone else moved or changed ${variables.card.code} just before you. The board now shows where it is; try again if it still needs to move.`,
        });
        await refreshBoardCards(queryClient, [variables.card.id], variables.card.id).catch(
          () => undefined,
        );
        return;
      }
      if (appError.code === 'LP020' && onWipLimit?.(appError, variables)) return;
      notifications.show({
        color: 'red',
        title: `${variables.card.code} stays in ${stageLabels[variables.card.stage]}`,
        message: appError.message,
      });
    },
  });
}
