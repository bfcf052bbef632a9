// Which next actions the bench card offers: the one or two things the signed-in person may do
// to this order now, following the database's rules (move_order's stage owners and
// production_steps' update policy) so the card never offers what the database would refuse for
// the role. The database still decides; a refusal for another reason (a step not done, a WIP
// limit, someone else's move) comes back as its sentence.
import type { Enums } from '../../../types/database';

export type StaffRole = Enums<'staff_role'>;
export type StepKind = Enums<'production_step_kind'>;

export const benchStepOrder: StepKind[] = [
  'casting',
  'forming',
  'polishing',
  'hand_setting',
  'reinforcement',
];

export const benchStepLabels: Record<StepKind, string> = {
  casting: 'Casting',
  forming: 'Forming',
  polishing: 'Polishing',
  hand_setting: 'Hand-setting',
  reinforcement: 'Reinforcement',
};

export type BenchStep = {
  id: string;
  step: StepKind;
  applicable: boolean;
  done_at: string | null;
  /** The manager's setting (production_step_settings): the step is done only with its weights. */
  needs_weights?: boolean;
};

export type BenchOrderState = {
  stage: Enums<'order_stage'>;
  cad_state: Enums<'cad_state'> | null;
};

export type BenchAction =
  | { kind: 'step_done'; stepId: string; step: StepKind; label: string; needsWeights: boolean }
  | { kind: 'move'; toStage: 'production' | 'qc'; label: string }
  | { kind: 'open_qc'; label: string };

/** The production step the bench is on: the first applicable one not done yet. */
export function currentStep(steps: readonly BenchStep[]): BenchStep | null {
  return (
    [...steps]
      .sort((a, b) => benchStepOrder.indexOf(a.step) - benchStepOrder.indexOf(b.step))
      .find((s) => s.applicable && !s.done_at) ?? null
  );
}

/**
 * The card's big buttons. Workshop and managers record steps and move an order on from CAD and
 * production; QC and managers work the QC checklist. Casting, and any step the manager set to
 * need weights, asks for the metal weights first when the ledger's form is there to take them
 * (`canLogWeights`).
 */
export function benchActions(
  role: StaffRole,
  order: BenchOrderState,
  steps: readonly BenchStep[],
  { canLogWeights = false }: { canLogWeights?: boolean } = {},
): BenchAction[] {
  const workshop = role === 'workshop' || role === 'manager';
  const qc = role === 'qc' || role === 'manager';
  if (order.stage === 'production' && workshop) {
    const step = currentStep(steps);
    if (!step) return [{ kind: 'move', toStage: 'qc', label: 'Send to QC' }];
    const weighs = canLogWeights && (step.step === 'casting' || !!step.needs_weights);
    return [
      {
        kind: 'step_done',
        stepId: step.id,
        step: step.step,
        needsWeights: weighs,
        label: `${benchStepLabels[step.step]} done${weighs ? ' — log weights' : ''}`,
      },
    ];
  }
  if (order.stage === 'cad' && workshop && order.cad_state === 'approved') {
    return [{ kind: 'move', toStage: 'production', label: 'Start production' }];
  }
  if (order.stage === 'qc' && qc) {
    return [{ kind: 'open_qc', label: 'Open the QC checklist' }];
  }
  return [];
}

/** Why a card shows no action, in a sentence for the bench. */
export function noActionReason(role: StaffRole, order: BenchOrderState): string {
  if (order.stage === 'cad' && (role === 'workshop' || role === 'manager')) {
    return 'The customer has not approved the design yet; production starts after approval.';
  }
  return 'Nothing for you to do on this order at this stage.';
}
