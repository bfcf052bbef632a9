// The piece as the customer page names it when the order has no product name of its own.
import type { Enums } from '../../../types/database';

const productWords: Record<Enums<'product_base'>, string> = {
  bespoke_ring: 'Bespoke ring',
  stacking_rings: 'Stacking rings',
  layering_trio: 'Layering necklace trio',
  earscape: 'Earscape',
};

export function pieceName(order: {
  product: Enums<'product_base'>;
  product_name: string | null;
}): string {
  return order.product_name?.trim() || productWords[order.product] || 'Your piece';
}
