// The verified-token cache never outlives a token's expiry and never keeps a bad token.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JwtError, signJwt } from '../jwt';
import { verifiedClaims } from './jwt-cache';

const secret = 'a-test-secret-that-is-at-least-32-characters';

afterEach(() => {
  vi.useRealTimers();
});

describe('verified token cache', () => {
  it('answers a repeated token, then refuses it once it expires (with the 30 s skew)', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const exp = Date.now() / 1000 + 60;
    const token = signJwt({ role: 'authenticated', sub: 'u1', exp }, secret);
    expect(verifiedClaims(token, secret).sub).toBe('u1');
    expect(verifiedClaims(token, secret).sub).toBe('u1');
    vi.setSystemTime(new Date('2026-01-01T00:01:20Z')); // 80 s later: within the skew
    expect(verifiedClaims(token, secret).sub).toBe('u1');
    vi.setSystemTime(new Date('2026-01-01T00:01:31Z')); // 91 s later: past exp + 30 s
    expect(() => verifiedClaims(token, secret)).toThrow(JwtError);
  });

  it('does not remember a token signed with another secret', () => {
    const forged = signJwt({ role: 'service_role' }, 'another-secret-that-is-at-least-32-chars!');
    expect(() => verifiedClaims(forged, secret)).toThrow(JwtError);
    expect(() => verifiedClaims(forged, secret)).toThrow(JwtError);
  });
});
