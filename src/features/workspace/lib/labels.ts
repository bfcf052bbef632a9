// How the order vocabulary of the database (enums) reads for people in the workspace.
import type { Enums } from '../../../types/database';

export type OrderStage = Enums<'order_stage'>;

export const stageColors: Record<OrderStage, string> = {
  intake: 'gray',
  awaiting_payment: 'yellow',
  cad: 'violet',
  production: 'orange',
  qc: 'cyan',
  shipping: 'blue',
  delivered: 'teal',
  on_hold: 'pink',
  cancelled: 'dark',
};

export const productLabels: Record<Enums<'product_base'>, string> = {
  bespoke_ring: 'Bespoke ring',
  stacking_rings: 'Stacking rings',
  layering_trio: 'Layering necklace trio',
  earscape: 'Earscape',
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

export const riskLabels: Record<Enums<'intake_risk'>, string> = {
  unusual_sizing: 'Unusual size',
  gift_deadline: 'Gift deadline',
  special_request: 'Special request',
  feasibility_review: 'Feasibility review',
};

export const priorityLabels: Record<number, string> = {
  0: 'Normal',
  1: 'Rush',
  2: 'Top priority',
};

export const cadStateLabels: Record<Enums<'cad_state'>, string> = {
  drafting: 'Drafting',
  with_customer: 'With the customer',
  tweak_requested: 'Tweak requested',
  approved: 'Approved',
};

export const paymentMethodLabels: Record<Enums<'payment_method'>, string> = {
  card: 'Card',
  shop_pay_installments: 'Shop Pay installments',
  installment_plan: 'Installment plan',
  bank_transfer: 'Bank transfer',
};

/** "USD 4,200.00" in the house's locale; amounts come from numeric columns. */
export function formatMoney(amount: number | null | undefined, currency = 'USD'): string {
  if (amount === null || amount === undefined) return '—';
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount);
}
