// Helpers for the realtime specs: supabase-js clients over the `ws` package (Node 20 has no
// global WebSocket), user tokens signed with the stack's secret, and an inbox that waits for
// events with a deadline instead of sleeping.
import { createClient, type RealtimeChannel, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { signJwt } from '../../../local-supabase/jwt';

type Target = { url: string; anonKey: string; jwtSecret: string };

export function realtimeClient(t: Target, options: { vsn?: '1.0.0' | '2.0.0' } = {}) {
  return createClient(t.url, t.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    // ws's constructor is what realtime-js expects of a WebSocket; its types differ slightly.
    realtime: { transport: WebSocket as never, ...(options.vsn ? { vsn: options.vsn } : {}) },
  });
}

export function userToken(
  t: Target,
  sub: string,
  extra: Record<string, unknown> = {},
  ttlSeconds = 3600,
): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    {
      sub,
      role: 'authenticated',
      aud: 'authenticated',
      email: `${sub.slice(0, 8)}@example.test`,
      iat: now,
      exp: now + ttlSeconds,
      ...extra,
    },
    t.jwtSecret,
  );
}

/** A client signed in as a fresh user (the realtime token set with setAuth). */
export async function signedInClient(t: Target, sub = crypto.randomUUID()) {
  const client = realtimeClient(t);
  const token = userToken(t, sub);
  await client.realtime.setAuth(token);
  return { client, sub, token };
}

/** Collects events; `next`/`waitFor` resolve on arrival or fail after a deadline. */
export class Inbox<T> {
  readonly items: T[] = [];
  private waiters: { test: (item: T) => boolean; resolve: (item: T) => void }[] = [];

  push = (item: T): void => {
    this.items.push(item);
    for (const w of [...this.waiters]) {
      if (w.test(item)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(item);
      }
    }
  };

  waitFor(test: (item: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
    const found = this.items.find(test);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`no matching event within ${timeoutMs} ms (have ${this.items.length})`));
      }, timeoutMs);
      const done = (item: T) => {
        clearTimeout(timer);
        resolve(item);
      };
      this.waiters.push({ test, resolve: done });
    });
  }

  /** Waits until at least `count` items have arrived. */
  async count(count: number, timeoutMs = 10000): Promise<T[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.items.length < count) {
      if (Date.now() > deadline) {
        throw new Error(`expected ${count} events, got ${this.items.length}`);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.items;
  }
}

/** Subscribes and resolves on SUBSCRIBED; rejects with the server's reason otherwise. */
export function subscribe(channel: RealtimeChannel, timeoutMs = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    channel.subscribe((status, error) => {
      if (status === 'SUBSCRIBED') resolve();
      else if (status !== 'CLOSED') reject(error ?? new Error(status));
    }, timeoutMs);
  });
}

/** Subscribes expecting a refusal; resolves with the error message. */
export function subscribeError(channel: RealtimeChannel, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    channel.subscribe((status, error) => {
      if (status === 'SUBSCRIBED') reject(new Error('subscribed, expected a refusal'));
      else if (status === 'CHANNEL_ERROR') resolve(error?.message ?? '');
    }, timeoutMs);
  });
}

export async function closeAll(clients: SupabaseClient[]): Promise<void> {
  for (const c of clients) {
    await c.removeAllChannels();
    c.realtime.disconnect();
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
