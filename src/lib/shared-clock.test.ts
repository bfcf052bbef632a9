// The shared clock: one interval however many readers, all reading the same tick, stopped with
// the last reader and reading the time afresh when started again.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSharedClock } from './shared-clock';

describe('a shared clock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs one interval for every reader, ticks them together, and stops after the last', () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2026-11-23T09:00:00Z'));
    const clock = createSharedClock(60_000);
    const heard: string[] = [];
    const stops = ['a', 'b', 'c'].map((name) => clock.subscribe(() => heard.push(name)));
    expect(clock.running()).toBe(true);
    expect(vi.getTimerCount()).toBe(1);
    const start = clock.now();

    vi.advanceTimersByTime(59_999);
    expect(heard).toEqual([]);
    expect(clock.now()).toBe(start);
    vi.advanceTimersByTime(1);
    expect(heard).toEqual(['a', 'b', 'c']);
    expect(clock.now()).toBe(start + 60_000);

    for (const stop of stops) stop();
    expect(clock.running()).toBe(false);
    expect(vi.getTimerCount()).toBe(0);

    // Started again an hour later, the first reader sees that hour, not the old reading.
    vi.setSystemTime(start + 3_600_000);
    const stop = clock.subscribe(() => undefined);
    expect(clock.now()).toBe(start + 3_600_000);
    stop();
  });
});
