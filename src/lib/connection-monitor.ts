// Feeds the connection store (lib/connection) from the browser and supabase-js, and ties it to
// TanStack Query: while the server cannot be reached, queries pause instead of failing (they
// keep showing what they last read); once everything is back, every query is marked stale and
// those on screen are read again, because Realtime never replays what happened while its
// socket was down. Requests themselves report through the query cache (lib/query-client).
import { onlineManager, type QueryClient } from '@tanstack/react-query';
import { env } from '../config/env';
import { supabase } from './supabase';
import { connection } from './connection';

/** Phoenix's Socket API (onOpen/onClose), which realtime-js 2.x keeps on `socketAdapter`. */
type PhoenixSocketEvents = {
  onOpen: (callback: () => void) => unknown;
  onClose: (callback: (event?: { code?: number }) => void) => unknown;
};

function phoenixSocket(): PhoenixSocketEvents | undefined {
  // Not in realtime-js's type declarations; checked at runtime so a future version that moves
  // it only loses this one source (channel errors still surface as failed reads and the board's
  // own live status).
  const adapter = (supabase.realtime as unknown as { socketAdapter?: Partial<PhoenixSocketEvents> })
    .socketAdapter;
  return typeof adapter?.onOpen === 'function' && typeof adapter.onClose === 'function'
    ? (adapter as PhoenixSocketEvents)
    : undefined;
}

/**
 * Back means: GoTrue's health endpoint answers (cheap, needs no session), and the signed-in
 * session has an access token that works. After an outage longer than the token's life,
 * supabase-js keeps the session (a refresh that fails on the network signs nobody out) but
 * waits out a cooldown before refreshing again; reads sent meanwhile would go out with the
 * anon key and come back empty. So the outage lasts until getSession hands back a live token.
 */
export async function serverAnswers(): Promise<boolean> {
  const response = await fetch(`${env.supabaseUrl}/auth/v1/health`, {
    headers: { apikey: env.supabaseAnonKey },
    cache: 'no-store',
  });
  if (!response.ok) return false;
  // No session and no error: signed out, which the router handles (auth-sync), not an outage.
  const { error } = await supabase.auth.getSession();
  return !error;
}

let socketHooked = false;

/** Starts watching; the returned function stops (the socket hooks stay, they only report). */
export function monitorConnection(queryClient: QueryClient): () => void {
  const store = connection;
  const onOnline = () => store.report('browser', true);
  const onOffline = () => store.report('browser', false);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  if (!navigator.onLine) onOffline();

  store.setProbe(async () => {
    // A socket nobody needs is no outage: supabase-js closes it for good some time after the
    // last channel left (a page without live data), and Phoenix then never reopens it.
    if (supabase.realtime.isConnected() || supabase.realtime.getChannels().length === 0) {
      store.report('realtime', true);
    }
    return serverAnswers();
  });

  // Phoenix keeps callbacks for the socket's life and has no way to remove one: hook once.
  const socket = phoenixSocket();
  if (socket && !socketHooked) {
    socketHooked = true;
    socket.onOpen(() => store.report('realtime', true));
    socket.onClose((event) => {
      // 1000 is a close the client asked for (no channels left, sign-out, page hidden);
      // anything else (1006 when the server went away) is an outage Phoenix will retry.
      if (event?.code !== 1000) store.report('realtime', false);
    });
    // A socket that stops answering heartbeats is torn down and reconnected by Phoenix.
    supabase.realtime.onHeartbeat((status) => {
      if (status === 'timeout') store.report('realtime', false);
    });
  }

  // Paused queries resume (and stale ones refetch) as soon as requests can get through again.
  onlineManager.setEventListener((setOnline) => {
    setOnline(store.reachable());
    return store.subscribe(() => setOnline(store.reachable()));
  });

  const stopRecovered = store.onRecovered(() => {
    void queryClient.invalidateQueries();
  });

  return () => {
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
    store.setProbe(null);
    stopRecovered();
    // Back to TanStack Query's own listener (the browser's online/offline events), starting
    // from the browser's flag: left "offline" by an outage, every later query would pause.
    onlineManager.setEventListener((setOnline) => {
      setOnline(navigator.onLine);
      const on = () => setOnline(true);
      const off = () => setOnline(false);
      window.addEventListener('online', on);
      window.addEventListener('offline', off);
      return () => {
        window.removeEventListener('online', on);
        window.removeEventListener('offline', off);
      };
    });
  };
}
