import { describe, expect, it } from 'vitest';
import { moveSelection, selectionAfterChange, toConfirm, toQuote } from './queue';

const row = (
  id: string,
  received_at: string,
  status: 'new' | 'in_review' | 'confirmed' | 'declined' | 'converted',
) => ({
  id,
  received_at,
  status,
});

describe('the triage queue', () => {
  const rows = [
    row('c', '2026-11-23T10:00:00Z', 'new'),
    row('a', '2026-11-23T08:00:00Z', 'in_review'),
    row('d', '2026-11-23T07:00:00Z', 'declined'),
    row('q2', '2026-11-23T06:00:00Z', 'confirmed'),
    // The same instant written in another offset: still compared as instants.
    row('b', '2026-11-23T04:00:00-05:00', 'new'),
    row('q1', '2026-11-22T06:00:00Z', 'confirmed'),
    row('x', '2026-11-22T05:00:00Z', 'converted'),
  ];

  it('lists new and in-review requests oldest first, ties broken by id', () => {
    expect(toConfirm(rows).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    // b (09:00Z) after a (08:00Z): compared as instants, not as text.
    const tie = [row('z', '2026-11-23T08:00:00Z', 'new'), row('y', '2026-11-23T08:00:00Z', 'new')];
    expect(toConfirm(tie).map((r) => r.id)).toEqual(['y', 'z']);
  });

  it('lists confirmed requests waiting for a quote separately, oldest first', () => {
    expect(toQuote(rows).map((r) => r.id)).toEqual(['q1', 'q2']);
  });

  it('moves with j and k without wrapping', () => {
    const ids = ['a', 'b', 'c'];
    expect(moveSelection(ids, null, 1)).toBe('a');
    expect(moveSelection(ids, null, -1)).toBe('a');
    expect(moveSelection(ids, 'a', 1)).toBe('b');
    expect(moveSelection(ids, 'c', 1)).toBe('c');
    expect(moveSelection(ids, 'a', -1)).toBe('a');
    expect(moveSelection(ids, 'gone', 1)).toBe('a');
    expect(moveSelection([], 'a', 1)).toBeNull();
  });

  it('keeps the stylist’s place when the selected request leaves the list', () => {
    expect(selectionAfterChange(['a', 'b', 'c'], ['a', 'c'], 'b')).toBe('c');
    expect(selectionAfterChange(['a', 'b', 'c'], ['a', 'b'], 'c')).toBe('b');
    expect(selectionAfterChange(['a'], [], 'a')).toBeNull();
    expect(selectionAfterChange(['a', 'b'], ['b', 'a'], 'a')).toBe('a');
    expect(selectionAfterChange(['a', 'b'], ['a', 'b'], null)).toBeNull();
  });
});
