// How stages, products and roles read on the settings page.
import type { Enums } from '../../../types/database';

export const stageLabels: Record<Enums<'order_stage'>, string> = {
  intake: 'Intake',
  awaiting_payment: 'Awaiting payment',
  cad: 'CAD',
  production: 'Production',
  qc: 'QC',
  shipping: 'Shipping',
  delivered: 'Delivered',
  on_hold: 'On hold',
  cancelled: 'Cancelled',
};

export const productLabels: Record<Enums<'product_base'>, string> = {
  bespoke_ring: 'Bespoke ring',
  stacking_rings: 'Stacking rings',
  layering_trio: 'Layering trio',
  earscape: 'Earscape',
};
