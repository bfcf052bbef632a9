import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChangeBatcher } from './change-batcher';

describe('realtime change batching', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('hands over a burst of events as one batch of distinct ids', () => {
    const flushed: string[][] = [];
    const batcher = createChangeBatcher((ids) => flushed.push(ids), 60);
    batcher.add('a');
    batcher.add('b');
    batcher.add('a');
    expect(flushed).toEqual([]);
    vi.advanceTimersByTime(60);
    expect(flushed).toEqual([['a', 'b']]);
    batcher.add('c');
    vi.advanceTimersByTime(60);
    expect(flushed).toEqual([['a', 'b'], ['c']]);
  });

  it('drops what is pending once closed (the board left the page)', () => {
    const flush = vi.fn();
    const batcher = createChangeBatcher(flush, 60);
    batcher.add('a');
    batcher.close();
    batcher.add('b');
    vi.advanceTimersByTime(200);
    expect(flush).not.toHaveBeenCalled();
  });
});
