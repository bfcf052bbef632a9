// Per-IP request limits for sign-ins/sign-ups and token refreshes, as the Supabase CLI's
// [auth.rate_limit] describes them: at most N requests per 5 minutes from one address.
//
// GoTrue uses a token bucket (tollbooth) that refills at N per 5 minutes; a sliding window of
// the same size admits the same steady rate and is exact for bursts, so a client (or a test)
// can tell precisely when it will be refused.
import type { IncomingMessage } from 'node:http';
import { clientIp } from '../http';

export const RATE_LIMIT_WINDOW_MS = 5 * 60 * 1000;
/** Addresses remembered at most; beyond it the longest-known are forgotten first. */
export const MAX_TRACKED_ADDRESSES = 100_000;

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    private readonly limit: () => number,
    private readonly windowMs = RATE_LIMIT_WINDOW_MS,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = MAX_TRACKED_ADDRESSES,
  ) {}

  /** Records one request for `key`; false when it is over the limit (and is not counted). */
  take(key: string): boolean {
    const now = this.now();
    const since = now - this.windowMs;
    this.sweep(now, since);
    const times = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (times.length >= this.limit()) {
      this.hits.set(key, times);
      return false;
    }
    times.push(now);
    this.hits.set(key, times);
    // Forged X-Forwarded-For values could otherwise grow the map without bound.
    for (const oldest of this.hits.keys()) {
      if (this.hits.size <= this.maxKeys) break;
      this.hits.delete(oldest);
    }
    return true;
  }

  /** Forgets idle addresses now and then, so the map cannot grow without bound. */
  private sweep(now: number, since: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, times] of this.hits) {
      if (!times.some((t) => t > since)) this.hits.delete(key);
    }
  }
}

/**
 * The address a request is limited by: the first X-Forwarded-For entry when there is one (on
 * Supabase, GoTrue sits behind the API gateway and limits by the forwarded client address),
 * else the socket's peer address.
 */
export function rateLimitKey(req: IncomingMessage): string {
  const forwarded = req.headers['x-forwarded-for'];
  const value = Array.isArray(forwarded) ? forwarded[0] : forwarded;
  const first = value?.split(',')[0]?.trim();
  return first ? first : clientIp(req);
}
