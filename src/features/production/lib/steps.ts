// The five production steps in workshop order and how they read.
import type { Enums } from '../../../types/database';

export type ProductionStepKind = Enums<'production_step_kind'>;

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

export function sortSteps<T extends { step: ProductionStepKind }>(steps: T[]): T[] {
  return [...steps].sort((a, b) => stepOrder.indexOf(a.step) - stepOrder.indexOf(b.step));
}

/** "3/4 done" counts only the steps that apply to this piece. */
export function stepProgress(steps: Array<{ applicable: boolean; done_at: string | null }>) {
  const applicable = steps.filter((s) => s.applicable);
  return { done: applicable.filter((s) => s.done_at).length, total: applicable.length };
}
