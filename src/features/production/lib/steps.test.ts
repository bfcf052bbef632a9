import { describe, expect, it } from 'vitest';
import { sortSteps, stepProgress } from './steps';

describe('production steps', () => {
  it('sorts steps in workshop order', () => {
    const steps = [
      { step: 'polishing' as const },
      { step: 'casting' as const },
      { step: 'hand_setting' as const },
    ];
    expect(sortSteps(steps).map((s) => s.step)).toEqual(['casting', 'polishing', 'hand_setting']);
  });
  it('leaves hand-setting out of the count for a piece without stones', () => {
    expect(
      stepProgress([
        { applicable: true, done_at: '2026-11-01' },
        { applicable: false, done_at: null },
        { applicable: true, done_at: null },
      ]),
    ).toEqual({ done: 1, total: 2 });
  });
});
