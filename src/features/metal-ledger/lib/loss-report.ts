// The metal loss report (public.metal_loss_report) pivoted for the analytics page: totals by
// step, by metal or by person, and loss % per week for each of them (the trend a manager
// watches). Pure; the database did the per-step arithmetic and the flagging.
import type { Metal, ProductionStepKind } from './grams';
import { addGrams, stepLabels, stepOrder } from './grams';

export type LossRow = {
  week: string;
  step: ProductionStepKind;
  metal: Metal;
  person_id: string | null;
  person_name: string | null;
  closed_steps: number;
  issued_grams: number;
  loss_grams: number;
  flagged_steps: number;
};

export type FlaggedStep = {
  order_id: string;
  order_code: string;
  step: ProductionStepKind;
  metal: Metal;
  issued_grams: number;
  loss_grams: number;
  loss_pct: number;
  norm_pct: number;
  person_name: string | null;
  closed_at: string;
};

export type MetalLossReport = { from: string; to: string; rows: LossRow[]; flagged: FlaggedStep[] };

export type LossDimension = 'step' | 'metal' | 'person';

export type LossTotal = {
  key: string;
  label: string;
  closedSteps: number;
  issuedGrams: number;
  lossGrams: number;
  /** Loss over issued, to two decimals; null when nothing was issued. */
  lossPct: number | null;
  flaggedSteps: number;
};

const pct = (loss: number, issued: number) =>
  issued > 0 ? Math.round((loss / issued) * 10_000) / 100 : null;

function keyOf(row: LossRow, by: LossDimension): { key: string; label: string } {
  if (by === 'step') return { key: row.step, label: stepLabels[row.step] };
  if (by === 'metal') return { key: row.metal, label: row.metal };
  return { key: row.person_id ?? 'unknown', label: row.person_name ?? 'Unknown' };
}

/** Totals per step, metal or person, in workshop order for steps, heaviest loss first otherwise. */
export function lossTotals(
  rows: LossRow[],
  by: LossDimension,
  labelFor: (key: string, fallback: string) => string = (_k, f) => f,
): LossTotal[] {
  const totals = new Map<string, LossTotal>();
  for (const row of rows) {
    const { key, label } = keyOf(row, by);
    const t = totals.get(key) ?? {
      key,
      label: labelFor(key, label),
      closedSteps: 0,
      issuedGrams: 0,
      lossGrams: 0,
      lossPct: null,
      flaggedSteps: 0,
    };
    t.closedSteps += Number(row.closed_steps);
    t.issuedGrams = addGrams(t.issuedGrams, Number(row.issued_grams));
    t.lossGrams = addGrams(t.lossGrams, Number(row.loss_grams));
    t.flaggedSteps += Number(row.flagged_steps);
    totals.set(key, t);
  }
  const list = [...totals.values()].map((t) => ({
    ...t,
    lossPct: pct(t.lossGrams, t.issuedGrams),
  }));
  if (by === 'step') {
    return list.sort(
      (a, b) =>
        stepOrder.indexOf(a.key as ProductionStepKind) -
        stepOrder.indexOf(b.key as ProductionStepKind),
    );
  }
  return list.sort((a, b) => b.lossGrams - a.lossGrams || a.label.localeCompare(b.label));
}

/**
 * One point per week with the loss % of each key (step, metal or person) that week; a key with
 * nothing closed that week has no value there (a gap, not a misleading 0 %).
 */
export function weeklyLossSeries(
  rows: LossRow[],
  by: LossDimension,
): { weeks: Array<Record<string, number | string>>; keys: string[] } {
  const byWeek = new Map<string, Map<string, { issued: number; loss: number }>>();
  const keys = new Set<string>();
  for (const row of rows) {
    const { key } = keyOf(row, by);
    keys.add(key);
    const week = byWeek.get(row.week) ?? new Map();
    const cell = week.get(key) ?? { issued: 0, loss: 0 };
    cell.issued = addGrams(cell.issued, Number(row.issued_grams));
    cell.loss = addGrams(cell.loss, Number(row.loss_grams));
    week.set(key, cell);
    byWeek.set(row.week, week);
  }
  const weeks = [...byWeek.keys()].sort().map((week) => {
    const point: Record<string, number | string> = { week };
    for (const [key, cell] of byWeek.get(week) ?? []) {
      const p = pct(cell.loss, cell.issued);
      if (p !== null) point[key] = p;
    }
    return point;
  });
  return { weeks, keys: [...keys] };
}
