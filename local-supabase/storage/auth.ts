// Who is asking: the Bearer JWT (or the apikey when there is none) verified with the stack's
// secret, giving the database role and claims the request runs as — Supabase Storage's jwt
// plugin. No token at all means anon, as behind Supabase's gateway.
import type { IncomingMessage } from 'node:http';
import { JwtError, verifyJwt, type JwtClaims } from '../jwt';
import type { StackContext } from '../context';
import { ERRORS } from './errors';

export type Identity = {
  role: string;
  claims: JwtClaims;
  /** The JWT's `sub`, recorded as the object's owner (owner_id), as Supabase does. */
  owner: string | undefined;
  jwt: string;
  /** The request as Supabase Storage hands it to Postgres (request.headers, request.method,
   * request.path in its connection.ts setScope), so policies can read a header. */
  request?: { headers: Record<string, string>; method: string; path: string };
};

/** Header values as one string each (repeated headers joined), the JSON Storage sets. */
function headersJson(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

const API_ROLES = new Set(['anon', 'authenticated', 'service_role']);

function bearer(req: IncomingMessage, url: URL): string | undefined {
  const header = req.headers.authorization;
  if (typeof header === 'string') {
    const m = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (m) return m[1];
  }
  const apikey = req.headers.apikey ?? url.searchParams.get('apikey') ?? undefined;
  return typeof apikey === 'string' ? apikey : undefined;
}

export function identify(ctx: StackContext, req: IncomingMessage, url: URL): Identity {
  const token = bearer(req, url) ?? ctx.anonKey;
  let claims: JwtClaims;
  try {
    claims = verifyJwt(token, ctx.config.auth.jwtSecret);
  } catch (error) {
    // Supabase Storage answers a bad or expired token with InvalidJWT and the verifier's words.
    throw ERRORS.InvalidJWT(
      error instanceof JwtError
        ? error.kind === 'expired'
          ? 'jwt expired'
          : 'invalid signature'
        : undefined,
    );
  }
  const role = typeof claims.role === 'string' && claims.role ? claims.role : 'anon';
  // Storage only ever switches to the API roles; anything else in a token is refused (403).
  if (!API_ROLES.has(role))
    throw ERRORS.AccessDenied('Access denied: Invalid role').withStatus(403);
  const owner = typeof claims.sub === 'string' && claims.sub ? claims.sub : undefined;
  return {
    role,
    claims,
    owner,
    jwt: token,
    request: { headers: headersJson(req), method: req.method ?? '', path: url.pathname },
  };
}

/** The stack itself acting (completing signed uploads, admin reads): service_role. */
export function superUser(ctx: StackContext): Identity {
  return {
    role: 'service_role',
    claims: { role: 'service_role' },
    owner: undefined,
    jwt: ctx.serviceRoleKey,
  };
}
