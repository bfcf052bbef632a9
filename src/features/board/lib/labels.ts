// Words for the enum values a card shows: products, metals and intake risk flags.
import type { Enums } from '../../../types/database';

export const productLabels: Record<Enums<'product_base'>, string> = {
  bespoke_ring: 'Bespoke ring',
  stacking_rings: 'Stacking rings',
  layering_trio: 'Layering trio',
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
  gift_deadline: 'Gift deadline',
  unusual_sizing: 'Unusual size',
  special_request: 'Special request',
  feasibility_review: 'Feasibility',
};

export const priorityLabels: Record<number, string> = { 1: 'Rush', 2: 'Top priority' };

/** "Tomás Reyes" → "TR", for the assignee avatar. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]![0], parts.at(-1)![0]] : [parts[0]?.[0]];
  return letters.join('').toUpperCase();
}
