import { describe, expect, it } from 'vitest';
import { moveNeedsReason, moveTargets, reasonPrompt } from './stage-moves';

describe('moveTargets', () => {
  it('offers the next stage first, then hold and cancel', () => {
    expect(moveTargets('cad', null)).toEqual(['production', 'on_hold', 'cancelled']);
  });
  it('offers QC both shipping and rework', () => {
    expect(moveTargets('qc', null)).toEqual(['shipping', 'production', 'on_hold', 'cancelled']);
  });
  it('brings a held order back only where it came from', () => {
    expect(moveTargets('on_hold', 'production')).toEqual(['production', 'cancelled']);
  });
  it('offers nothing once delivered or cancelled', () => {
    expect(moveTargets('delivered', null)).toEqual([]);
    expect(moveTargets('cancelled', null)).toEqual([]);
  });
});

describe('moveNeedsReason', () => {
  it('asks why for holds, cancellations and QC rework only', () => {
    expect(moveNeedsReason('cad', 'on_hold')).toBe(true);
    expect(moveNeedsReason('intake', 'cancelled')).toBe(true);
    expect(moveNeedsReason('qc', 'production')).toBe(true);
    expect(moveNeedsReason('cad', 'production')).toBe(false);
    expect(reasonPrompt('qc', 'production')).toBe('What must production rework?');
  });
});
