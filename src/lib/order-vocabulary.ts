// How the order vocabulary of the database (enums) reads for people, the same on every page:
// the board, the workspace, the orders table, intake, analytics and settings.
import type { Enums } from '../types/database';

export type OrderStage = Enums<'order_stage'>;

export const stageLabels: Record<OrderStage, string> = {
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

export const metalLabels: Record<Enums<'metal'>, string> = {
  gold_18k_yellow: '18k yellow gold',
  gold_18k_white: '18k white gold',
  gold_18k_rose: '18k rose gold',
  gold_14k_yellow: '14k yellow gold',
  gold_14k_white: '14k white gold',
  gold_14k_rose: '14k rose gold',
  platinum: 'Platinum',
};
