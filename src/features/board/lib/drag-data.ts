// What pragmatic-drag-and-drop carries between a dragged card and the column it lands on.
import type { BoardStage, OrderStage } from './stages';

/** A dragged card: the order's id and the column it left from. */
export type CardDragData = { type: 'board-card'; id: string; stage: OrderStage };

/** A column, as a drop target. */
export type ColumnDropData = { type: 'board-column'; stage: BoardStage };

export function isCardDragData(data: Record<string | symbol, unknown>): data is CardDragData {
  return data.type === 'board-card' && typeof data.id === 'string';
}

export function isColumnDropData(data: Record<string | symbol, unknown>): data is ColumnDropData {
  return data.type === 'board-column' && typeof data.stage === 'string';
}
