// Words for the workshop's stages, products and SLA units, as the charts and tables print them.
import type { Product, SlaUnit } from './report';

export const productLabels: Record<Product, string> = {
  bespoke_ring: 'Bespoke rings',
  stacking_rings: 'Stacking rings',
  layering_trio: 'Layering necklace trios',
  earscape: 'Earscapes',
};

export const products = Object.keys(productLabels) as Product[];

/** Short suffix for axes and values ("36 h"), and the words for sentences ("36 hours"). */
export const unitLabels: Record<SlaUnit, { short: string; long: string }> = {
  hours: { short: 'h', long: 'hours' },
  days: { short: 'd', long: 'days' },
  business_days: { short: 'bd', long: 'business days' },
};

/** 0.667 → "67%"; null (nothing measured) → "—". */
export function percent(share: number | null | undefined): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '—';
  return `${Math.round(share * 100)}%`;
}

/** 36 → "36 h", 1.5 business days → "1.5 bd"; null → "—". */
export function inUnit(value: number | null | undefined, unit: SlaUnit): string {
  if (value === null || value === undefined) return '—';
  return `${formatNumber(value)} ${unitLabels[unit].short}`;
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** "2026-08-03" → "3 Aug" (dates from the database are calendar days, not instants). */
export function shortDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString('en-US', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}
