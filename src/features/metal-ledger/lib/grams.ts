// Grams as the ledger reads them: to the hundredth (a bench scale's resolution), and how a
// typed weight is checked before it goes to the database (which checks again and has the last word).
import type { Enums } from '../../../types/database';

export type ProductionStepKind = Enums<'production_step_kind'>;
export type Metal = Enums<'metal'>;

export const stepOrder: ProductionStepKind[] = [
  'casting',
  'forming',
  'polishing',
  'hand_setting',
  'reinforcement',
];

export const stepLabels: Record<ProductionStepKind, string> = {
  casting: 'Casting',
  forming: 'Forming',
  polishing: 'Polishing',
  hand_setting: 'Hand-setting',
  reinforcement: 'Reinforcement',
};

/** "12.30 g" — always two decimals, so a column of weights lines up and 0.1 g reads as 0.10 g. */
export function formatGrams(grams: number | null | undefined): string {
  if (grams === null || grams === undefined || Number.isNaN(grams)) return '—';
  return `${grams.toFixed(2)} g`;
}

/** "4.25 %" or "—" while a step is not closed. */
export function formatPercent(pct: number | null | undefined): string {
  if (pct === null || pct === undefined || Number.isNaN(pct)) return '—';
  return `${pct.toFixed(2)} %`;
}

/**
 * Why a typed weight would be refused, in the database's own words, or null when it may be
 * sent. `allowZero` for recovered scrap (often none) and corrections (0 g voids an entry).
 */
export function gramsProblem(value: number | string | null | undefined, allowZero = false) {
  if (value === '' || value === null || value === undefined) return 'Enter the weight in grams.';
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return 'Enter the weight in grams.';
  if (n < 0 || (!allowZero && n === 0)) return 'Enter a weight above 0 g.';
  if (Math.round(n * 100) / 100 !== n) return 'Weigh to the hundredth of a gram (two decimals).';
  if (n >= 1_000_000) return 'That weight is too large for one entry.';
  return null;
}

/** Sum of weights without binary-float drift (0.1 + 0.2 = 0.30 g, not 0.30000000000000004). */
export function addGrams(...values: Array<number | null | undefined>): number {
  return values.reduce<number>((sum, v) => sum + Math.round((v ?? 0) * 100), 0) / 100;
}
