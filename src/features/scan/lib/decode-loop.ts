// The camera decode loop: at most one decode every `intervalMs` (10 a second by default, so a
// tablet on a bench stays cool), never two at once, and none while the tab is hidden (the
// screen is off or another app is in front). No React here: the view starts and stops it.

export type DecodeLoopOptions = {
  /** Reads the codes in the current frame; an empty list when there is none. */
  detect: () => Promise<string[]>;
  onCodes: (codes: string[]) => void;
  onError?: (error: unknown) => void;
  intervalMs?: number;
  /** For tests: the page's visibility and its change events. */
  doc?: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
};

export type DecodeLoop = { stop: () => void; decodes: () => number };

export function startDecodeLoop({
  detect,
  onCodes,
  onError,
  intervalMs = 100,
  doc = document,
}: DecodeLoopOptions): DecodeLoop {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let count = 0;

  const schedule = (delay: number) => {
    if (stopped || timer !== null || doc.visibilityState === 'hidden') return;
    timer = setTimeout(() => void tick(), delay);
  };

  const tick = async () => {
    timer = null;
    if (stopped || doc.visibilityState === 'hidden') return;
    const started = Date.now();
    count += 1;
    try {
      const codes = await detect();
      if (!stopped && codes.length) onCodes(codes);
    } catch (error) {
      onError?.(error);
    }
    // The interval counts from the start of a decode: a slow decode is not followed by a burst.
    schedule(Math.max(0, intervalMs - (Date.now() - started)));
  };

  const onVisibility = () => {
    if (doc.visibilityState === 'hidden') {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    } else {
      schedule(0);
    }
  };
  doc.addEventListener('visibilitychange', onVisibility);
  schedule(0);

  return {
    stop: () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      doc.removeEventListener('visibilitychange', onVisibility);
    },
    decodes: () => count,
  };
}
