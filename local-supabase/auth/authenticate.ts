// Who is calling, as GoTrue's internal/api/auth.go decides it: a Bearer access token verified
// with the JWT secret, its user loaded from `sub`, its session (from `session_id`) still there;
// or, for the admin API, a token whose role is an admin role (service_role, supabase_admin).
import type { IncomingMessage } from 'node:http';
import type { StackContext } from '../context';
import { JwtError, verifyJwt, type JwtClaims } from '../jwt';
import { AuthHttpError, badRequest, forbidden } from './errors';
import { sessionState } from './sessions';
import { findUserById, type UserRecord } from './users';

/** GOTRUE_JWT_ADMIN_ROLES as the Supabase CLI sets it. */
const ADMIN_ROLES = ['service_role', 'supabase_admin'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Caller = {
  claims: JwtClaims;
  user: UserRecord;
  /** The session_id claim, when the token has one (every token this service issues does). */
  sessionId: string | undefined;
};

/** extractBearerToken: `Authorization: Bearer <token>`, else 401 no_authorization. */
function bearerToken(req: IncomingMessage): string {
  const match = /^[Bb]earer (\S+)$/.exec(req.headers.authorization ?? '');
  if (!match?.[1]) {
    throw new AuthHttpError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
  }
  return match[1];
}

/** parseJWTClaims: any failure to verify (signature, algorithm, expiry) is 403 bad_jwt. */
function parseClaims(ctx: StackContext, token: string): JwtClaims {
  try {
    return verifyJwt(token, ctx.config.auth.jwtSecret);
  } catch (error) {
    if (error instanceof JwtError) {
      const reason =
        error.kind === 'expired' ? 'token has invalid claims: token is expired' : error.message;
      throw forbidden('bad_jwt', `invalid JWT: unable to parse or verify signature, ${reason}`);
    }
    throw error;
  }
}

/** requireAuthentication + maybeLoadUserOrSession. */
export async function requireAuthentication(
  ctx: StackContext,
  req: IncomingMessage,
): Promise<Caller> {
  const claims = parseClaims(ctx, bearerToken(req));
  const sub = claims.sub;
  if (typeof sub !== 'string' || sub === '') {
    throw forbidden('bad_jwt', 'invalid claim: missing sub claim');
  }
  if (!UUID.test(sub)) throw badRequest('bad_jwt', 'invalid claim: sub claim must be a UUID');
  const user = await findUserById(ctx.db, sub);
  if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
  let sessionId: string | undefined;
  const sid = claims.session_id;
  if (typeof sid === 'string' && sid !== '' && sid !== '00000000-0000-0000-0000-000000000000') {
    if (!UUID.test(sid)) {
      throw forbidden('bad_jwt', 'invalid claim: session_id claim must be a UUID');
    }
    // A signed-out session is gone from auth.sessions: its access tokens stop working here
    // even though they have not expired yet.
    if ((await sessionState(ctx.db, sid)) === 'missing') {
      throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
    }
    sessionId = sid;
  }
  if (user.banned) throw forbidden('user_banned', 'User is banned');
  return { claims, user, sessionId };
}

/** requireAdminCredentials: a verified token with an admin role, else 401/403. */
export function requireAdmin(ctx: StackContext, req: IncomingMessage): JwtClaims {
  const claims = parseClaims(ctx, bearerToken(req));
  if (typeof claims.role !== 'string' || !ADMIN_ROLES.includes(claims.role)) {
    throw forbidden('not_admin', 'User not allowed');
  }
  return claims;
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
