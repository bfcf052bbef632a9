import { describe, expect, it } from 'vitest';
import { describeEvent, type OrderEventLike } from './event-text';

const event = (over: Partial<OrderEventLike>): OrderEventLike => ({
  kind: 'created',
  from_stage: null,
  to_stage: null,
  note: null,
  data: {},
  ...over,
});

describe('describeEvent', () => {
  it('words stage changes, holds and rework', () => {
    expect(
      describeEvent(event({ kind: 'stage_changed', from_stage: 'cad', to_stage: 'production' })),
    ).toBe('Moved from CAD to production');
    expect(
      describeEvent(
        event({ kind: 'stage_changed', from_stage: 'production', to_stage: 'on_hold' }),
      ),
    ).toBe('Put on hold from production');
    expect(
      describeEvent(
        event({
          kind: 'stage_changed',
          from_stage: 'qc',
          to_stage: 'production',
          data: { rework: true },
        }),
      ),
    ).toBe('Sent back to production for rework');
  });

  it('names the tweak round and the details that changed', () => {
    expect(describeEvent(event({ kind: 'cad_tweak_requested', data: { round: 2 } }))).toBe(
      'Customer asked for tweak round 2/2',
    );
    expect(
      describeEvent(
        event({
          kind: 'details_changed',
          data: { assignee: { from: null, to: 'Tomás Reyes' }, priority: { from: 0, to: 1 } },
        }),
      ),
    ).toBe('Assigned to Tomás Reyes; Priority rush');
  });

  it('says whether a resize was free', () => {
    expect(
      describeEvent(
        event({
          kind: 'service_requested',
          data: { kind: 'resize', from_size: 6.5, to_size: 7, is_free: true },
        }),
      ),
    ).toBe('Resize requested 6.5 → 7 (free)');
  });
});
