// How the order vocabulary (stages, products, metals) reads in the orders table and its CSV.
import type { Enums } from '../../../types/database';

export type OrderStage = Enums<'order_stage'>;
export type ProductBase = Enums<'product_base'>;
export type Metal = Enums<'metal'>;

/** In lifecycle order (the enum's order, which is also how the database sorts stages). */
export const orderStages = [
  'intake',
  'awaiting_payment',
  'cad',
  'production',
  'qc',
  'shipping',
  'delivered',
  'on_hold',
  'cancelled',
] as const satisfies readonly OrderStage[];

export const productBases = [
  'bespoke_ring',
  'stacking_rings',
  'layering_trio',
  'earscape',
] as const satisfies readonly ProductBase[];

export const productLabels: Record<ProductBase, string> = {
  bespoke_ring: 'Bespoke ring',
  stacking_rings: 'Stacking rings',
  layering_trio: 'Layering trio',
  earscape: 'Earscape',
};
