import { describe, expect, it } from 'vitest';
import {
  blockingItems,
  itemPassBlockedReason,
  passBlockedReason,
  qcProgress,
  reworkReasonProblem,
  splitRuns,
  type QcItemState,
} from './qc-run';

const item = (position: number, label: string, over: Partial<QcItemState> = {}): QcItemState => ({
  position,
  label,
  required: true,
  needs_photo: false,
  result: 'pending',
  photo_attachment_id: null,
  ...over,
});

const checklist = [
  item(1, 'Ring size verified on mandrel', { result: 'pass' }),
  item(2, 'Final polish', { result: 'pass' }),
  item(3, 'Stones secure', { needs_photo: true }),
  item(4, 'Metal stamp / hallmark', {
    result: 'fail',
    needs_photo: true,
    photo_attachment_id: 'p1',
  }),
  item(5, 'Certificate matches stone', { required: false }),
  item(6, 'Photos taken', { result: 'pass' }),
  item(7, 'Unboxing video recorded', { result: 'pass' }),
];

describe('qcProgress', () => {
  it('counts passed items over all items, like the board card', () => {
    expect(qcProgress(checklist)).toEqual({ passed: 4, total: 7, label: '4/7' });
    expect(qcProgress([]).label).toBe('0/0');
  });
});

describe('passing the run', () => {
  it('is blocked by required items not passed, named as move_order names them', () => {
    expect(blockingItems(checklist).map((i) => i.position)).toEqual([3, 4]);
    expect(passBlockedReason(checklist)).toBe(
      'QC checklist incomplete: stones secure not checked, metal stamp / hallmark failed',
    );
  });

  it('does not wait for optional items', () => {
    const done = checklist.map((i) => (i.required ? { ...i, result: 'pass' as const } : i));
    expect(passBlockedReason(done)).toBeNull();
  });
});

describe('an item that needs a photo', () => {
  it('cannot pass without one', () => {
    expect(itemPassBlockedReason(checklist[2]!)).toBe(
      'Stones secure needs a photo before it can pass.',
    );
  });
  it('can pass once a photo is attached, and items without the need always can', () => {
    expect(itemPassBlockedReason({ ...checklist[2]!, photo_attachment_id: 'photo' })).toBeNull();
    expect(itemPassBlockedReason(checklist[1]!)).toBeNull();
  });
});

describe('failing the run', () => {
  it('needs a rework reason', () => {
    expect(reworkReasonProblem('   ')).toBe('Say why QC is sending the piece back to production.');
    expect(reworkReasonProblem('bad')).toBe('Describe what the workshop should fix.');
    expect(reworkReasonProblem('Prong on the centre stone lifted')).toBeNull();
  });
});

describe('splitRuns', () => {
  it('separates the run in progress from earlier runs, newest first', () => {
    const runs = [
      { attempt: 1, status: 'failed' as const, items: [] },
      { attempt: 3, status: 'in_progress' as const, items: [] },
      { attempt: 2, status: 'failed' as const, items: [] },
    ];
    const { current, earlier } = splitRuns(runs);
    expect(current?.attempt).toBe(3);
    expect(earlier.map((r) => r.attempt)).toEqual([2, 1]);
    expect(splitRuns(runs.filter((r) => r.status !== 'in_progress')).current).toBeNull();
  });
});
