// How the intake vocabulary (database enums) reads for a stylist.
import type { Enums } from '../../../types/database';

export const baseLabels: Record<Enums<'product_base'>, string> = {
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
  unusual_sizing: 'Unusual sizing',
  gift_deadline: 'Gift deadline',
  special_request: 'Special request',
  feasibility_review: 'Needs feasibility review',
};

export const riskOrder: Enums<'intake_risk'>[] = [
  'unusual_sizing',
  'gift_deadline',
  'special_request',
  'feasibility_review',
];

export const pathLabels: Record<Enums<'intake_path'>, string> = {
  self_serve: 'Self-serve',
  concierge_assisted: 'Concierge-assisted',
};

export const statusLabels: Record<Enums<'intake_status'>, string> = {
  new: 'New',
  in_review: 'In review',
  confirmed: 'Confirmed',
  converted: 'Converted',
  declined: 'Declined',
};

export function formatMoney(amount: number | null, currency: string): string {
  if (amount === null) return '—';
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount);
  } catch {
    // An unknown ISO code: Intl refuses it, the amount still reads.
    return `${amount.toFixed(2)} ${currency}`;
  }
}
