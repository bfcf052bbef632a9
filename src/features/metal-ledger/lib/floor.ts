// The day's-end count, summed two ways from the database's per-alloy-per-person holdings: per
// alloy (what the safe should be short of) and per person (what each bench should hand back).
export type Holding = {
  metal: string | null;
  held_by: string | null;
  held_by_name: string | null;
  grams: number | null;
  open_steps: number | null;
};

export type FloorTotal = { key: string; label: string; grams: number; openSteps: number };

export function floorTotals(
  holdings: Holding[],
  by: 'metal' | 'person',
  labelFor: (key: string) => string = (k) => k,
): FloorTotal[] {
  const totals = new Map<string, FloorTotal>();
  for (const h of holdings) {
    const key = (by === 'metal' ? h.metal : h.held_by) ?? 'unknown';
    const label = by === 'metal' ? labelFor(key) : (h.held_by_name ?? 'Unknown');
    const t = totals.get(key) ?? { key, label, grams: 0, openSteps: 0 };
    t.grams = Math.round((t.grams + (h.grams ?? 0)) * 100) / 100;
    t.openSteps += h.open_steps ?? 0;
    totals.set(key, t);
  }
  return [...totals.values()].sort((a, b) => b.grams - a.grams || a.label.localeCompare(b.label));
}
