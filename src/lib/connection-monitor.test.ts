// The monitor's wiring: the browser's offline event takes the app down and pauses TanStack
// Query; coming back, a probe that the server answers ends the outage and every query is read
// again once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onlineManager, QueryClient, QueryObserver } from '@tanstack/react-query';
import { AuthRetryableFetchError, createClient, type Session } from '@supabase/supabase-js';
import { connection } from './connection';
import { monitorConnection, serverAnswers } from './connection-monitor';
import { supabase } from './supabase';
import { createQueryClient } from './query-client';

let serverUp = true;
const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
  if (!serverUp) throw new TypeError('Failed to fetch');
  return new Response('{}', { status: String(input).endsWith('/auth/v1/health') ? 200 : 404 });
});

let stop: () => void = () => undefined;

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockClear();
  serverUp = true;
});
afterEach(() => {
  stop();
  for (const source of connection.downSources()) connection.report(source, true);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('monitorConnection', () => {
  it('goes down when the browser goes offline, pauses queries, and catches up once back', async () => {
    const queryClient = new QueryClient();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    stop = monitorConnection(queryClient);
    expect(onlineManager.isOnline()).toBe(true);

    serverUp = false;
    window.dispatchEvent(new Event('offline'));
    expect(connection.status()).toBe('down');
    expect(onlineManager.isOnline()).toBe(false);
    // The probe asks the server straight away, at GoTrue's health endpoint.
    await vi.waitFor(() => expect(connection.downSources()).toContain('server'));
    expect(String(fetchMock.mock.calls[0]?.[0])).toMatch(/\/auth\/v1\/health$/);

    window.dispatchEvent(new Event('online'));
    expect(connection.status()).toBe('down');
    serverUp = true;
    await vi.waitFor(() => expect(connection.status()).toBe('recovered'), { timeout: 5_000 });
    expect(onlineManager.isOnline()).toBe(true);
    expect(invalidate).toHaveBeenCalledTimes(1);
  });

  it('a read whose server went away pauses with its data, instead of an error state that would replace the form built on it', async () => {
    const queryClient = createQueryClient();
    stop = monitorConnection(queryClient);
    let reachable = true;
    const observer = new QueryObserver(queryClient, {
      queryKey: ['order', 'LP-1'],
      queryFn: async () => {
        // What postgrest-js resolves with when fetch itself fails.
        if (!reachable)
          throw { message: 'TypeError: Failed to fetch', details: '', hint: '', code: '' };
        return { notes: 'as saved' };
      },
    });
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.waitFor(() => expect(observer.getCurrentResult().data).toEqual({ notes: 'as saved' }));

    reachable = false;
    serverUp = false;
    void observer.refetch();
    await vi.waitFor(() => expect(observer.getCurrentResult().fetchStatus).toBe('paused'), {
      timeout: 5_000,
    });
    expect(connection.reachable()).toBe(false);
    expect(observer.getCurrentResult().status).toBe('success');
    expect(observer.getCurrentResult().data).toEqual({ notes: 'as saved' });

    reachable = true;
    serverUp = true;
    await vi.waitFor(() => expect(observer.getCurrentResult().fetchStatus).toBe('idle'), {
      timeout: 5_000,
    });
    expect(observer.getCurrentResult().status).toBe('success');
    unsubscribe();
  });

  it('a closed socket with no channel left to join does not keep the app down', async () => {
    stop = monitorConnection(new QueryClient());
    expect(supabase.realtime.getChannels()).toEqual([]);
    connection.report('realtime', false);
    expect(connection.status()).toBe('down');
    await vi.waitFor(() => expect(connection.status()).toBe('recovered'));
  });

  it('stopped during an outage, it leaves queries free to run (the shell unmounting must not pause them for good)', async () => {
    const queryClient = new QueryClient();
    stop = monitorConnection(queryClient);
    serverUp = false;
    window.dispatchEvent(new Event('offline'));
    expect(onlineManager.isOnline()).toBe(false);
    stop();
    stop = () => undefined;
    expect(onlineManager.isOnline()).toBe(true);
    window.dispatchEvent(new Event('online'));
  });

  it('stops listening when stopped', () => {
    const queryClient = new QueryClient();
    stop = monitorConnection(queryClient);
    stop();
    stop = () => undefined;
    window.dispatchEvent(new Event('offline'));
    expect(connection.downSources()).toEqual([]);
    window.dispatchEvent(new Event('online'));
  });
});

const session = (expiresInS: number, token = 'access-1'): Session => ({
  access_token: token,
  refresh_token: 'refresh-1',
  token_type: 'bearer',
  expires_in: 3600,
  expires_at: Math.floor(Date.now() / 1000) + expiresInS,
  user: {
    id: 'u-1',
    aud: 'authenticated',
    app_metadata: {},
    user_metadata: {},
    created_at: new Date(0).toISOString(),
  },
});

describe('after an outage longer than the access token', () => {
  it('supabase-js keeps the session when the refresh fails on the network, and refreshes once back', async () => {
    vi.useFakeTimers();
    // auth-js logs each failed fetch itself before it retries; expected here.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // Its own storage key: the app's client (imported above) owns 'loupe-auth'.
    const stored = new Map<string, string>([['outage-test', JSON.stringify(session(-60))]]);
    let reachable = false;
    const authFetch = vi.fn(async (input: RequestInfo | URL) => {
      if (!reachable) throw new TypeError('Failed to fetch');
      expect(String(input)).toMatch(/\/auth\/v1\/token\?grant_type=refresh_token$/);
      const fresh = session(3600, 'access-2');
      return new Response(JSON.stringify(fresh), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    });
    const client = createClient('http://127.0.0.1:54321', 'anon-key', {
      auth: {
        storageKey: 'outage-test',
        storage: {
          getItem: (key) => stored.get(key) ?? null,
          setItem: (key, value) => void stored.set(key, value),
          removeItem: (key) => void stored.delete(key),
        },
        autoRefreshToken: false,
        detectSessionInUrl: false,
      },
      global: { fetch: authFetch },
    });
    const events: string[] = [];
    client.auth.onAuthStateChange((event) => events.push(event));

    // Down: the refresh is retried for one tick, then fails as a network error.
    const down = client.auth.getSession();
    await vi.advanceTimersByTimeAsync(31_000);
    const { data, error } = await down;
    expect(error?.name).toBe('AuthRetryableFetchError');
    expect(data.session).toBeNull();
    expect(events).not.toContain('SIGNED_OUT');
    expect(JSON.parse(stored.get('outage-test')!).refresh_token).toBe('refresh-1');
    expect(logged).toHaveBeenCalledWith(new TypeError('Failed to fetch'));

    // Back, after supabase-js's cooldown: the same session refreshes.
    reachable = true;
    await vi.advanceTimersByTimeAsync(61_000);
    const back = await client.auth.getSession();
    expect(back.data.session?.access_token).toBe('access-2');
    expect(events).toContain('TOKEN_REFRESHED');
    expect(events).not.toContain('SIGNED_OUT');
  });

  it('the probe says "not back" until the session has a live token again', async () => {
    const getSession = vi.spyOn(supabase.auth, 'getSession');
    getSession.mockResolvedValue({
      data: { session: null },
      error: new AuthRetryableFetchError('Failed to fetch', 0),
    });
    expect(await serverAnswers()).toBe(false);
    getSession.mockResolvedValue({ data: { session: session(3600) }, error: null });
    expect(await serverAnswers()).toBe(true);
    // Signed out is not an outage: the router sends the person to sign-in.
    getSession.mockResolvedValue({ data: { session: null }, error: null });
    expect(await serverAnswers()).toBe(true);
  });
});
