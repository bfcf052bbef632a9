// Reads board cards from public.order_board: the whole board (active stages, on hold, and the
// last 14 days of delivered), or a few cards by id when realtime or a move says they changed.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import { deliveredSince, isOnBoard, toBoardCard, type BoardCard } from '../lib/board-cards';

/** Every column a card shows; nothing more travels. */
export const BOARD_CARD_COLUMNS =
  'id, code, stage, cad_state, version, priority, product, product_name, metal, has_certified_stones, customer_display_name, stage_entered_at, time_in_stage, sla_unit, sla_amber_after, sla_red_after, sla_status, promised_date, is_late, cad_rounds_used, cad_rounds_max, qc_attempt, qc_items_passed, qc_items_total, risk_flags, assignee_id, assignee_name, on_hold_reason, resume_stage, updated_at, rework_count, stage_clock_paused_at, customer_change_requested_at';

/** PostgREST caps a response at [api] max_rows (1000 here), so the board reads in pages. */
const PAGE = 1000;

function cardsOf(rows: Parameters<typeof toBoardCard>[0][]): BoardCard[] {
  const cards: BoardCard[] = [];
  for (const row of rows) {
    const card = toBoardCard(row);
    if (card) cards.push(card);
  }
  return cards;
}

export async function fetchBoardCards(now = new Date()): Promise<BoardCard[]> {
  const since = deliveredSince(now).toISOString();
  const cards: BoardCard[] = [];
  for (let from = 0; ; from += PAGE) {
    const { data, error } = await supabase
      .from('order_board')
      .select(BOARD_CARD_COLUMNS)
      .or(
        `stage.in.(intake,awaiting_payment,cad,production,qc,shipping,on_hold),and(stage.eq.delivered,stage_entered_at.gte.${since})`,
      )
      // A stable order, so pages neither skip nor repeat a card.
      .order('id')
      .range(from, from + PAGE - 1);
    if (error) throw toAppError(error);
    cards.push(...cardsOf(data));
    if (data.length < PAGE) return cards;
  }
}

/** The current cards for these orders; orders no longer on the board are simply absent. */
export async function fetchBoardCardsByIds(
  ids: readonly string[],
  now = new Date(),
): Promise<BoardCard[]> {
  if (ids.length === 0) return [];
  const { data, error } = await supabase
    .from('order_board')
    .select(BOARD_CARD_COLUMNS)
    .in('id', [...ids]);
  if (error) throw toAppError(error);
  return cardsOf(data).filter((card) => isOnBoard(card, now));
}
