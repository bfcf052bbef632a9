// The app's link to the workshop server as one small store, no React here. Several sources
// each say "up" or "down": the browser's own network flag, the server (asked by a probe when a
// request through TanStack Query fails on the network) and the Realtime socket. The app is down while any source is
// down; when the last one comes back it is "recovered" for a moment (the shell says "catching
// up") and the recovery listeners run once (refetch what is on screen). While down, a probe asks
// the server every few seconds whether it answers again: nothing else would tell us, because
// paused queries send nothing.

export type ConnectionSource = 'browser' | 'server' | 'realtime';
export type ConnectionStatus = 'online' | 'down' | 'recovered';

export type ConnectionStore = {
  /** A source's latest word; repeating the same word changes nothing. */
  report: (source: ConnectionSource, up: boolean) => void;
  /**
   * A request failed on the network: ask the server now. The probe's answer decides, not the
   * failed request: one blocked URL must not look like an outage (and set off a re-read of
   * everything each time it "recovers"). Without a probe there is no one to ask: nothing.
   */
  suspect: () => void;
  status: () => ConnectionStatus;
  /** Whether requests can reach the server (browser and server up; Realtime may lag behind). */
  reachable: () => boolean;
  /** Sources that are down now, for tests and diagnostics. */
  downSources: () => ConnectionSource[];
  subscribe: (listener: () => void) => () => void;
  /** Runs once each time every source is back after an outage. */
  onRecovered: (listener: () => void) => () => void;
  /** How to ask the server whether it answers (true: it does); null stops probing. */
  setProbe: (probe: (() => Promise<boolean>) | null) => void;
};

export type ConnectionStoreOptions = {
  /** Time between probes while down. */
  probeIntervalMs?: number;
  /** How long "recovered" shows before the status returns to plain online. */
  recoveredForMs?: number;
};

export function createConnectionStore(options: ConnectionStoreOptions = {}): ConnectionStore {
  const probeIntervalMs = options.probeIntervalMs ?? 2_000;
  const recoveredForMs = options.recoveredForMs ?? 4_000;
  const down = new Set<ConnectionSource>();
  const listeners = new Set<() => void>();
  const recoveredListeners = new Set<() => void>();
  let status: ConnectionStatus = 'online';
  let probe: (() => Promise<boolean>) | null = null;
  let probeTimer: ReturnType<typeof setTimeout> | undefined;
  let probing = false;
  let recoveredTimer: ReturnType<typeof setTimeout> | undefined;

  const emit = () => {
    for (const listener of [...listeners]) listener();
  };

  const setStatus = (next: ConnectionStatus) => {
    if (next === status) return;
    status = next;
    emit();
  };

  /** The first probe of an outage runs at once: paused queries depend on knowing quickly. */
  const scheduleProbe = (delayMs = probeIntervalMs) => {
    if (probeTimer !== undefined || probing || !probe || down.size === 0) return;
    probeTimer = setTimeout(() => runProbe(), delayMs);
  };

  const runProbe = (evenIfUp = false) => {
    probeTimer = undefined;
    const ask = probe;
    if (!ask || (down.size === 0 && !evenIfUp)) return;
    probing = true;
    // A probe that throws is a server that did not answer.
    ask()
      .catch(() => false)
      .then((answered) => {
        // Still "probing" while the answer lands, so it schedules no second immediate probe.
        report('server', answered);
        probing = false;
        scheduleProbe();
      });
  };

  const settle = () => {
    if (down.size > 0) {
      clearTimeout(recoveredTimer);
      recoveredTimer = undefined;
      const starting = status !== 'down';
      setStatus('down');
      scheduleProbe(starting ? 0 : probeIntervalMs);
      return;
    }
    clearTimeout(probeTimer);
    probeTimer = undefined;
    if (status !== 'down') return;
    setStatus('recovered');
    for (const listener of [...recoveredListeners]) listener();
    recoveredTimer = setTimeout(() => {
      recoveredTimer = undefined;
      setStatus('online');
    }, recoveredForMs);
  };

  function report(source: ConnectionSource, up: boolean) {
    const wasDown = down.has(source);
    if (up === !wasDown) return;
    if (up) down.delete(source);
    else down.add(source);
    // The sources changed but the status may not have (two down, one back): listeners that
    // read reachable() still need to hear it.
    if (down.size > 0 && status === 'down') {
      emit();
      return;
    }
    settle();
  }

  return {
    report,
    suspect() {
      if (!probe || probing) return;
      clearTimeout(probeTimer);
      runProbe(true);
    },
    status: () => status,
    reachable: () => !down.has('browser') && !down.has('server'),
    downSources: () => [...down],
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onRecovered(listener) {
      recoveredListeners.add(listener);
      return () => recoveredListeners.delete(listener);
    },
    setProbe(next) {
      probe = next;
      if (!next) {
        clearTimeout(probeTimer);
        probeTimer = undefined;
      } else scheduleProbe(0);
    },
  };
}

/** The app's one store; query-client reports requests to it, connection-monitor the rest. */
export const connection = createConnectionStore();
