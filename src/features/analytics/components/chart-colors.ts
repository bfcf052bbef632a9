// One colour per stage across every chart, from the Mantine palette (CSS variables, so the
// theme owns the exact shades).
import type { Stage } from '../lib/report';

export const stageColors: Record<Stage, string> = {
  intake: 'var(--mantine-color-gray-5)',
  awaiting_payment: 'var(--mantine-color-yellow-6)',
  cad: 'var(--mantine-color-indigo-6)',
  production: 'var(--mantine-color-orange-6)',
  qc: 'var(--mantine-color-grape-6)',
  shipping: 'var(--mantine-color-cyan-7)',
  delivered: 'var(--mantine-color-loupe-7)',
  on_hold: 'var(--mantine-color-red-4)',
  cancelled: 'var(--mantine-color-dark-3)',
};

export const axisTick = { fontSize: 12, fill: 'var(--mantine-color-dimmed)' };
