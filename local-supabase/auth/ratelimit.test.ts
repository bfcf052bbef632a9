// The per-address limiter: exactly N requests in any 5-minute window, per address, and the
// address is the first X-Forwarded-For entry when a proxy (or a spec) sends one.
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { rateLimitKey, SlidingWindowLimiter } from './ratelimit';

describe('SlidingWindowLimiter', () => {
  it('admits N requests per window per key, then refuses until old ones age out', () => {
    let now = 1_000_000;
    const limiter = new SlidingWindowLimiter(
      () => 3,
      60_000,
      () => now,
    );
    expect([1, 2, 3].map(() => limiter.take('a'))).toEqual([true, true, true]);
    expect(limiter.take('a')).toBe(false);
    expect(limiter.take('b')).toBe(true);
    now += 59_999;
    expect(limiter.take('a')).toBe(false);
    now += 2;
    // The first three fell out of the window; refused requests were never counted.
    expect(limiter.take('a')).toBe(true);
  });

  it('remembers a bounded number of addresses, forgetting the longest-known first', () => {
    const limiter = new SlidingWindowLimiter(() => 1, 60_000, Date.now, 2);
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('b')).toBe(true);
    expect(limiter.take('c')).toBe(true);
    expect(limiter.take('b')).toBe(false);
    expect(limiter.take('a')).toBe(true);
  });

  it('reads the limit on every request, so a changed config applies at once', () => {
    let limit = 1;
    const limiter = new SlidingWindowLimiter(() => limit);
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('a')).toBe(false);
    limit = 5;
    expect(limiter.take('a')).toBe(true);
  });
});

describe('rateLimitKey', () => {
  const req = (headers: Record<string, string>, remoteAddress = '127.0.0.1') =>
    ({ headers, socket: { remoteAddress } }) as unknown as IncomingMessage;

  it('uses the first X-Forwarded-For address, else the peer address', () => {
    expect(rateLimitKey(req({ 'x-forwarded-for': ' 10.1.2.3 , 172.16.0.1' }))).toBe('10.1.2.3');
    expect(rateLimitKey(req({}))).toBe('127.0.0.1');
    expect(rateLimitKey(req({ 'x-forwarded-for': ' , 10.0.0.1' }))).toBe('127.0.0.1');
  });
});
