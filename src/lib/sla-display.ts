// How an SLA clock reads for people: the status words the house uses (on track / at risk /
// late, from public.order_board's green/amber/red) and time in stage in the stage's own unit.
// The status itself is computed in Postgres; this only words it.
import type { Enums } from '../types/database';

export type SlaStatus = 'green' | 'amber' | 'red';
export type SlaUnit = Enums<'sla_unit'>;

export const slaStatusLabels: Record<SlaStatus, string> = {
  green: 'On track',
  amber: 'At risk',
  red: 'Late',
};

/** Badge colours whose text passes WCAG AA contrast at badge size (Mantine's 6 shades do not). */
export const slaStatusColors: Record<
  SlaStatus,
  { color: string; text?: string; variant: 'outline' | 'filled' }
> = {
  green: { color: 'teal.9', variant: 'outline' },
  amber: { color: 'yellow.5', text: 'dark.9', variant: 'filled' },
  red: { color: 'red.9', variant: 'filled' },
};

export function isSlaStatus(value: unknown): value is SlaStatus {
  return value === 'green' || value === 'amber' || value === 'red';
}

const unitWords: Record<SlaUnit, [string, string]> = {
  hours: ['h', 'hours'],
  days: ['d', 'days'],
  business_days: ['bd', 'business days'],
};

function round(value: number): string {
  return value >= 10 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
}

/** "36 h", "2.5 d", "11 bd": short, for a card. */
export function formatElapsedShort(value: number, unit: SlaUnit): string {
  return `${round(value)} ${unitWords[unit][0]}`;
}

/** "36 hours", "11 business days": for screen readers and tooltips. */
export function formatElapsedLong(value: number, unit: SlaUnit): string {
  return `${round(value)} ${unitWords[unit][1]}`;
}

/** A stage's target as the house states it: "24–48 h", "10–14 business days". */
export function formatSlaTarget(amberAfter: number, redAfter: number, unit: SlaUnit): string {
  const range =
    amberAfter === redAfter ? round(redAfter) : `${round(amberAfter)}–${round(redAfter)}`;
  return unit === 'hours' ? `${range} h` : `${range} ${unitWords[unit][1]}`;
}
