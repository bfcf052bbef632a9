// The connection store: down while any source is down, "recovered" for a moment once all are
// back (recovery listeners run once), probing the server only while down.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConnectionStore } from './connection';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('connection store', () => {
  it('starts online and reachable', () => {
    const store = createConnectionStore();
    expect(store.status()).toBe('online');
    expect(store.reachable()).toBe(true);
  });

  it('is down while any source is down and recovers only when the last one is back', () => {
    const store = createConnectionStore({ recoveredForMs: 4_000 });
    const recovered = vi.fn();
    store.onRecovered(recovered);

    store.report('realtime', false);
    store.report('server', false);
    expect(store.status()).toBe('down');
    expect(store.downSources().sort()).toEqual(['realtime', 'server']);

    store.report('server', true);
    expect(store.status()).toBe('down');
    expect(recovered).not.toHaveBeenCalled();

    store.report('realtime', true);
    expect(store.status()).toBe('recovered');
    expect(recovered).toHaveBeenCalledTimes(1);

    vi.advanceTimersByTime(3_999);
    expect(store.status()).toBe('recovered');
    vi.advanceTimersByTime(1);
    expect(store.status()).toBe('online');
    expect(recovered).toHaveBeenCalledTimes(1);
  });

  it('reachable follows the browser and server, not the realtime socket', () => {
    const store = createConnectionStore();
    store.report('realtime', false);
    expect(store.status()).toBe('down');
    expect(store.reachable()).toBe(true);
    store.report('browser', false);
    expect(store.reachable()).toBe(false);
  });

  it('tells subscribers about each change, and repeated reports change nothing', () => {
    const store = createConnectionStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.report('server', true);
    expect(listener).not.toHaveBeenCalled();

    store.report('server', false);
    expect(listener).toHaveBeenCalledTimes(1);
    store.report('server', false);
    expect(listener).toHaveBeenCalledTimes(1);
    // Still down, but reachability changed: listeners hear it.
    store.report('realtime', false);
    store.report('server', true);
    expect(listener).toHaveBeenCalledTimes(3);

    unsubscribe();
    store.report('realtime', true);
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('a source going down again while "recovered" is down at once, with no second recovery yet', () => {
    const store = createConnectionStore();
    const recovered = vi.fn();
    store.onRecovered(recovered);
    store.report('server', false);
    store.report('server', true);
    expect(store.status()).toBe('recovered');
    store.report('server', false);
    expect(store.status()).toBe('down');
    // The pending "back to online" timer must not overwrite the outage.
    vi.advanceTimersByTime(10_000);
    expect(store.status()).toBe('down');
    expect(recovered).toHaveBeenCalledTimes(1);
  });

  it('probes the server only while down, and a probe that answers ends the outage', async () => {
    const store = createConnectionStore({ probeIntervalMs: 2_000 });
    let serverUp = false;
    const probe = vi.fn(async () => serverUp);
    store.setProbe(probe);

    await vi.advanceTimersByTimeAsync(10_000);
    expect(probe).not.toHaveBeenCalled();

    // The socket closed: the probe finds out at once whether requests still get through, then
    // asks again every interval.
    store.report('realtime', false);
    await vi.advanceTimersByTimeAsync(0);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(store.reachable()).toBe(false);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(probe).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(probe).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(probe).toHaveBeenCalledTimes(3);

    serverUp = true;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(store.reachable()).toBe(true);
    // Realtime has not reconnected yet: still down, still probing.
    expect(store.status()).toBe('down');

    store.report('realtime', true);
    expect(store.status()).toBe('recovered');
    const calls = probe.mock.calls.length;
    await vi.advanceTimersByTimeAsync(20_000);
    expect(probe).toHaveBeenCalledTimes(calls);
  });

  it('a probe that throws counts as no answer', async () => {
    const store = createConnectionStore({ probeIntervalMs: 1_000 });
    store.setProbe(() => Promise.reject(new TypeError('Failed to fetch')));
    store.report('browser', false);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.downSources().sort()).toEqual(['browser', 'server']);
  });

  it('a suspected failure asks the server at once, and only its answer takes the app down', async () => {
    const store = createConnectionStore();
    // No probe yet (the sign-in page, a component test): nothing to ask, nothing changes.
    store.suspect();
    expect(store.status()).toBe('online');

    let serverUp = true;
    const probe = vi.fn(async () => serverUp);
    store.setProbe(probe);
    // One URL failing while the server answers: no outage, no recovery to re-read everything.
    const recovered = vi.fn();
    store.onRecovered(recovered);
    store.suspect();
    await vi.advanceTimersByTimeAsync(0);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(store.status()).toBe('online');
    expect(recovered).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(probe).toHaveBeenCalledTimes(1);

    // The server is gone: down at once.
    serverUp = false;
    store.suspect();
    store.suspect();
    await vi.advanceTimersByTimeAsync(0);
    expect(probe).toHaveBeenCalledTimes(2);
    expect(store.status()).toBe('down');
  });
});
