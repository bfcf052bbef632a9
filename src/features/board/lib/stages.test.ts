import { describe, expect, it } from 'vitest';
import { landingStages, moveTargets, neighbourStage, reasonNeeded } from './stages';

describe('moves the board offers', () => {
  it('offers the next stage, hold and cancel; QC also offers rework', () => {
    expect(moveTargets('cad', null)).toEqual(['production', 'on_hold', 'cancelled']);
    expect(moveTargets('qc', null)).toEqual(['shipping', 'production', 'on_hold', 'cancelled']);
  });

  it('brings an order on hold back only to where it was, or cancels it', () => {
    expect(moveTargets('on_hold', 'production')).toEqual(['production', 'cancelled']);
    expect(moveTargets('delivered', null)).toEqual([]);
  });

  it('asks for a reason exactly where move_order requires one', () => {
    expect(reasonNeeded('cad', 'on_hold')).toBe('on_hold');
    expect(reasonNeeded('intake', 'cancelled')).toBe('cancelled');
    expect(reasonNeeded('qc', 'production')).toBe('rework');
    expect(reasonNeeded('cad', 'production')).toBeNull();
  });

  it('maps the keyboard shortcuts to a neighbouring stage', () => {
    expect(neighbourStage('cad', null, 'next')).toBe('production');
    expect(neighbourStage('qc', null, 'previous')).toBe('production');
    expect(neighbourStage('cad', null, 'previous')).toBeNull();
    expect(neighbourStage('on_hold', 'qc', 'previous')).toBe('qc');
  });

  it('lands the workshop on CAD and production and QC on its column', () => {
    expect(landingStages('workshop')).toEqual(['cad', 'production']);
    expect(landingStages('qc')).toEqual(['qc']);
    expect(landingStages('manager')).toEqual([]);
  });
});
