// Channel authorization as Supabase Realtime does it: the join's `access_token` (or, without one,
// the socket's apikey) must be a JWT signed with the project secret that carries `role` and
// `exp`, and `exp` must be in the future — no clock skew, unlike PostgREST. Error texts are
// Realtime's, prefixed with its error code, so clients see the same reasons.
import { JwtError, verifyJwt, type JwtClaims } from '../jwt';

export type ChannelAuth = {
  token: string;
  role: string;
  claims: JwtClaims;
  /** Seconds since the epoch. */
  exp: number;
  /** role + claims, to batch subscribers that see exactly the same rows. */
  scopeKey: string;
};

export type AuthFailure = { code: string; message: string };

function peekExp(token: string): number | undefined {
  try {
    const part = token.split('.')[1] ?? '';
    const claims: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    const exp = (claims as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : undefined;
  } catch {
    return undefined;
  }
}

export function expiredMessage(exp: number, now = Date.now() / 1000): string {
  return `Token has expired ${Math.max(0, Math.floor(now - exp))} seconds ago`;
}

export function authorizeToken(
  token: unknown,
  secret: string,
  roles: Set<string>,
  now = Date.now() / 1000,
): { ok: true; auth: ChannelAuth } | { ok: false; failure: AuthFailure } {
  if (typeof token !== 'string' || token === '') {
    return { ok: false, failure: { code: 'InvalidJWTToken', message: 'Token is required' } };
  }
  let claims: JwtClaims;
  try {
    claims = verifyJwt(token, secret, now);
  } catch (error) {
    if (error instanceof JwtError && error.kind === 'expired') {
      // verifyJwt checked the signature before the time claims, so exp can be trusted here.
      const exp = peekExp(token);
      const message = exp !== undefined ? expiredMessage(exp, now) : error.message;
      return { ok: false, failure: { code: 'InvalidJWTToken', message } };
    }
    return {
      ok: false,
      failure: { code: 'JwtSignatureError', message: 'Failed to validate JWT signature' },
    };
  }
  if (typeof claims.role !== 'string' || typeof claims.exp !== 'number') {
    return {
      ok: false,
      failure: { code: 'InvalidJWTToken', message: 'Fields `role` and `exp` are required in JWT' },
    };
  }
  // Deliveries are checked as this role; the stack's superuser connection could become any
  // role, so only those Supabase's authenticator may switch to are accepted.
  if (!roles.has(claims.role)) {
    return {
      ok: false,
      failure: {
        code: 'InvalidJWTToken',
        message: `permission denied to set role "${claims.role}"`,
      },
    };
  }
  if (claims.exp <= now) {
    return {
      ok: false,
      failure: { code: 'InvalidJWTToken', message: expiredMessage(claims.exp, now) },
    };
  }
  return {
    ok: true,
    auth: {
      token,
      role: claims.role,
      claims,
      exp: claims.exp,
      scopeKey: JSON.stringify([claims.role, claims]),
    },
  };
}
