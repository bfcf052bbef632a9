// HS256 JSON Web Tokens, as GoTrue issues and PostgREST verifies them. Node's crypto is enough
// for HMAC-SHA256 and is far cheaper per request than a general-purpose JWT library.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The Supabase CLI's well-known local-development secret (`supabase start` prints it too). */
export const DEFAULT_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

/** PostgREST allows 30 s of clock skew when checking `exp`, `nbf` and `iat`. */
export const CLOCK_SKEW_SECONDS = 30;

export type JwtClaims = Record<string, unknown> & {
  role?: string;
  sub?: string;
  exp?: number;
  nbf?: number;
  iat?: number;
};

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

export function signJwt(claims: JwtClaims, secret: string): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify(claims));
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

export class JwtError extends Error {
  constructor(
    message: string,
    /** 'invalid' → PGRST301 (malformed/bad signature); 'expired' → PGRST303 (claims checks). */
    readonly kind: 'invalid' | 'expired',
  ) {
    super(message);
  }
}

/** Verifies signature and time claims; returns the claims. Throws JwtError otherwise. */
export function verifyJwt(token: string, secret: string, now = Date.now() / 1000): JwtClaims {
  const parts = token.split('.');
  if (parts.length !== 3)
    throw new JwtError('Expected 3 parts in JWT; got ' + parts.length, 'invalid');
  const [h, p, s] = parts as [string, string, string];
  let header: { alg?: string };
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
  } catch {
    throw new JwtError('JWT cryptographic operation failed', 'invalid');
  }
  if (header.alg !== 'HS256')
    throw new JwtError('Wrong or unsupported encoding algorithm', 'invalid');
  const expected = createHmac('sha256', secret).update(`${h}.${p}`).digest();
  const given = Buffer.from(s, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new JwtError('JWT cryptographic operation failed', 'invalid');
  }
  let claims: JwtClaims;
  try {
    claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  } catch {
    throw new JwtError('JWT cryptographic operation failed', 'invalid');
  }
  if (claims === null || typeof claims !== 'object' || Array.isArray(claims)) {
    throw new JwtError('JWT claims must be an object', 'invalid');
  }
  if (typeof claims.exp === 'number' && now - CLOCK_SKEW_SECONDS > claims.exp) {
    throw new JwtError('JWT expired', 'expired');
  }
  if (typeof claims.nbf === 'number' && now + CLOCK_SKEW_SECONDS < claims.nbf) {
    throw new JwtError('JWT not yet valid', 'expired');
  }
  if (typeof claims.iat === 'number' && now + CLOCK_SKEW_SECONDS < claims.iat) {
    throw new JwtError('JWT issued at future', 'expired');
  }
  return claims;
}

/**
 * The anon and service_role API keys. With the default secret these are byte-for-byte the keys
 * the Supabase CLI prints (same claims, same key order), so an `.env` written for
 * `supabase start` works unchanged.
 */
export function apiKeys(secret: string): { anonKey: string; serviceRoleKey: string } {
  const exp = 1983812996;
  return {
    anonKey: signJwt({ iss: 'supabase-demo', role: 'anon', exp }, secret),
    serviceRoleKey: signJwt({ iss: 'supabase-demo', role: 'service_role', exp }, secret),
  };
}
