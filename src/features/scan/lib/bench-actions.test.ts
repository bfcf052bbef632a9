import { describe, expect, it } from 'vitest';
import { benchActions, currentStep, type BenchStep } from './bench-actions';

const steps = (done: string[], skip: string[] = []): BenchStep[] =>
  (['reinforcement', 'casting', 'polishing', 'forming', 'hand_setting'] as const).map((step) => ({
    id: `s-${step}`,
    step,
    applicable: !skip.includes(step),
    done_at: done.includes(step) ? '2026-11-20T10:00:00Z' : null,
  }));

const production = { stage: 'production', cad_state: 'approved' } as const;

describe('the bench card offers', () => {
  it('the workshop the next production step, in workshop order', () => {
    expect(benchActions('workshop', production, steps(['casting']))).toEqual([
      {
        kind: 'step_done',
        stepId: 's-forming',
        step: 'forming',
        label: 'Forming done',
        needsWeights: false,
      },
    ]);
    expect(currentStep(steps(['casting', 'forming', 'polishing'], ['hand_setting']))?.step).toBe(
      'reinforcement',
    );
  });

  it('casting with its weights when the ledger form is there', () => {
    expect(
      benchActions('workshop', production, steps([]), { canLogWeights: true })[0],
    ).toMatchObject({
      label: 'Casting done — log weights',
      needsWeights: true,
    });
    expect(benchActions('manager', production, steps([]))[0]).toMatchObject({
      label: 'Casting done',
    });
  });

  it('"Send to QC" once every applicable step is done', () => {
    const done = steps(['casting', 'forming', 'polishing', 'reinforcement'], ['hand_setting']);
    expect(benchActions('workshop', production, done)).toEqual([
      { kind: 'move', toStage: 'qc', label: 'Send to QC' },
    ]);
  });

  it('"Start production" from an approved CAD, not before approval', () => {
    expect(benchActions('workshop', { stage: 'cad', cad_state: 'approved' }, [])).toEqual([
      { kind: 'move', toStage: 'production', label: 'Start production' },
    ]);
    expect(benchActions('workshop', { stage: 'cad', cad_state: 'with_customer' }, [])).toEqual([]);
  });

  it('nothing a role may not do: QC and stylists record no steps, the workshop runs no QC', () => {
    expect(benchActions('qc', production, steps([]))).toEqual([]);
    expect(benchActions('concierge', production, steps([]))).toEqual([]);
    expect(benchActions('workshop', { stage: 'qc', cad_state: 'approved' }, [])).toEqual([]);
    expect(benchActions('qc', { stage: 'qc', cad_state: 'approved' }, [])).toEqual([
      { kind: 'open_qc', label: 'Open the QC checklist' },
    ]);
    expect(benchActions('manager', { stage: 'shipping', cad_state: 'approved' }, [])).toEqual([]);
  });
});
