// One shared clock for every countdown on the page (src/lib/shared-clock.ts): a single
// one-second interval, started by the first component that reads it and stopped when the last
// one unmounts — not a timer per row.
import { useSyncExternalStore } from 'react';
import { createSharedClock } from '../../../lib/shared-clock';

const clock = createSharedClock(1000);

/** The current time in ms, updated once a second for everyone who reads it. */
export function useNow(): number {
  return useSyncExternalStore(clock.subscribe, clock.now, clock.now);
}

/** For tests: how many intervals are running (at most one). */
export function runningClocks(): number {
  return clock.running() ? 1 : 0;
}
