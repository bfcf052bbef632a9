// A clock many readers share: one interval, started by the first subscriber and stopped when
// the last one leaves — not a timer per card or row. No React here; a feature wraps it in
// useSyncExternalStore (the board's minute clock, for one).

export type SharedClock = {
  /** Registers a reader; the returned function unregisters it. */
  subscribe: (listener: () => void) => () => void;
  /** The time of the last tick, in epoch milliseconds (stable between ticks). */
  now: () => number;
  /** Whether the interval is running (for tests: at most one per clock). */
  running: () => boolean;
};

export function createSharedClock(intervalMs: number): SharedClock {
  const listeners = new Set<() => void>();
  let now = Date.now();
  let timer: ReturnType<typeof setInterval> | undefined;

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!timer) {
        // A clock that was stopped has an old reading: the first reader sees the time now.
        now = Date.now();
        timer = setInterval(() => {
          now = Date.now();
          for (const l of listeners) l();
        }, intervalMs);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
    now: () => now,
    running: () => timer !== undefined,
  };
}
