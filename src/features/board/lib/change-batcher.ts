// Gathers the order ids named by realtime events for a moment and hands them over once, so a
// transaction that touches several rows (or a burst of moves) costs one read, not one per event.
export type ChangeBatcher = {
  add: (id: string) => void;
  /** Stops the pending flush; later adds are ignored. */
  close: () => void;
};

export function createChangeBatcher(
  flush: (ids: string[]) => void,
  delayMs: number,
): ChangeBatcher {
  const ids = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  return {
    add(id) {
      if (closed) return;
      ids.add(id);
      timer ??= setTimeout(() => {
        timer = undefined;
        const batch = [...ids];
        ids.clear();
        flush(batch);
      }, delayMs);
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      ids.clear();
    },
  };
}
