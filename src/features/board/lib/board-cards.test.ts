import { describe, expect, it } from 'vitest';
import { groupByStage, isOnBoard, mergeCards, moveCard, restoreCard } from './board-cards';
import { makeCard } from '../testing/card-factory';

const now = new Date('2026-11-23T12:00:00Z');

describe('the optimistic move and its rollback', () => {
  it('moves only the dragged card and restarts its clock; the others stay the same objects', () => {
    const a = makeCard({ stage: 'cad', sla_status: 'red' });
    const b = makeCard();
    const moved = moveCard([a, b], a.id, 'production', now);
    expect(moved[0]).toMatchObject({
      stage: 'production',
      stage_entered_at: now.toISOString(),
      sla_status: null,
    });
    expect(moved[1]).toBe(b);
  });

  it('remembers where an order on hold came from', () => {
    const a = makeCard({ stage: 'production' });
    expect(moveCard([a], a.id, 'on_hold', now)[0]?.resume_stage).toBe('production');
  });

  it('rolls back one card without undoing changes to the others', () => {
    const a = makeCard();
    const b = makeCard();
    const afterMove = moveCard([a, b], a.id, 'production', now);
    const bPatched = { ...b, version: 5 };
    const restored = restoreCard([afterMove[0]!, bPatched], a);
    expect(restored[0]).toBe(a);
    expect(restored[1]).toBe(bPatched);
  });
});

describe('merging re-read cards', () => {
  it('replaces a changed card, keeps the others as they were', () => {
    const a = makeCard();
    const b = makeCard();
    const fresh = { ...a, stage: 'production' as const, version: 2 };
    const merged = mergeCards([a, b], [a.id], [fresh], now);
    expect(merged).toEqual([fresh, b]);
    expect(merged[1]).toBe(b);
  });

  it('adds a new order and drops one that left the board', () => {
    const a = makeCard();
    const gone = makeCard();
    const created = makeCard({ stage: 'intake' });
    const cancelled = { ...gone, stage: 'cancelled' as const };
    const merged = mergeCards([a, gone], [gone.id, created.id], [cancelled, created], now);
    expect(merged.map((c) => c.id)).toEqual([a.id, created.id]);
  });

  it('drops an id asked for but not returned (deleted, or no longer visible)', () => {
    const a = makeCard();
    expect(mergeCards([a], [a.id], [], now)).toEqual([]);
  });

  it('leaves a card whose own move is in flight where the optimistic move put it', () => {
    const a = makeCard({ stage: 'production' });
    const stale = { ...a, stage: 'cad' as const };
    expect(mergeCards([a], [a.id], [stale], now, new Set([a.id]))).toEqual([a]);
  });
});

describe('what the board shows', () => {
  it('keeps delivered orders for 14 days only', () => {
    const recent = makeCard({ stage: 'delivered', stage_entered_at: '2026-11-20T00:00:00Z' });
    const old = makeCard({ stage: 'delivered', stage_entered_at: '2026-11-01T00:00:00Z' });
    expect(isOnBoard(recent, now)).toBe(true);
    expect(isOnBoard(old, now)).toBe(false);
    expect(isOnBoard(makeCard({ stage: 'cancelled' }), now)).toBe(false);
    expect(isOnBoard(makeCard({ stage: 'on_hold' }), now)).toBe(true);
  });

  it('sorts a column by priority, then the earliest promise, then the longest waiting', () => {
    const normalLate = makeCard({ promised_date: '2026-11-30' });
    const normalEarly = makeCard({ promised_date: '2026-11-25' });
    const rush = makeCard({ priority: 1, promised_date: '2026-12-30' });
    const noPromise = makeCard({ promised_date: null });
    const columns = groupByStage([normalLate, noPromise, normalEarly, rush]);
    expect(columns.cad.map((c) => c.id)).toEqual([
      rush.id,
      normalEarly.id,
      normalLate.id,
      noPromise.id,
    ]);
    expect(columns.production).toEqual([]);
  });
});
