import { describe, expect, it } from 'vitest';
import { apiKeys, DEFAULT_JWT_SECRET, JwtError, signJwt, verifyJwt } from './jwt';

const secret = DEFAULT_JWT_SECRET;
const now = 1_800_000_000;

describe('JWTs as GoTrue signs and PostgREST checks them', () => {
  it('reproduces the Supabase CLI anon and service_role keys from the default secret', () => {
    const { anonKey, serviceRoleKey } = apiKeys(secret);
    expect(anonKey).toBe(
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0',
    );
    expect(verifyJwt(serviceRoleKey, secret, now).role).toBe('service_role');
  });

  it('round-trips claims', () => {
    const token = signJwt({ sub: 'u1', role: 'authenticated', exp: now + 60 }, secret);
    expect(verifyJwt(token, secret, now)).toMatchObject({ sub: 'u1', role: 'authenticated' });
  });

  it('refuses a token signed with another secret', () => {
    const forged = signJwt({ role: 'service_role' }, 'another-secret-that-is-at-least-32-chars');
    expect(() => verifyJwt(forged, secret, now)).toThrow(JwtError);
  });

  it('refuses a tampered payload and the "none" algorithm', () => {
    const token = signJwt({ role: 'anon' }, secret);
    const [h, , s] = token.split('.');
    const payload = Buffer.from(JSON.stringify({ role: 'service_role' })).toString('base64url');
    expect(() => verifyJwt(`${h}.${payload}.${s}`, secret, now)).toThrow(/cryptographic/);
    const none = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    expect(() => verifyJwt(`${none}.${payload}.`, secret, now)).toThrow(/algorithm/);
    expect(() => verifyJwt('not-a-jwt', secret, now)).toThrow(/3 parts/);
  });

  it('allows 30 s of clock skew on exp and nbf, not more', () => {
    const expired = signJwt({ exp: now - 29 }, secret);
    expect(() => verifyJwt(expired, secret, now)).not.toThrow();
    const longExpired = signJwt({ exp: now - 31 }, secret);
    expect(() => verifyJwt(longExpired, secret, now)).toThrow(
      expect.objectContaining({ kind: 'expired' }),
    );
    const early = signJwt({ nbf: now + 31 }, secret);
    expect(() => verifyJwt(early, secret, now)).toThrow(/not yet valid/);
  });
});
