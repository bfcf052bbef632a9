// What every auth route handler is given, and the per-request details GoTrue records with a
// session (FillGrantParams: user agent and client address).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import type { StackContext } from '../context';
import type { SlidingWindowLimiter } from './ratelimit';
import { rateLimitKey } from './ratelimit';
import type { GrantInfo } from './sessions';

export type AuthLimiters = {
  /** [auth.rate_limit] sign_in_sign_ups: password grants and sign-ups. */
  signInSignUps: SlidingWindowLimiter;
  /** [auth.rate_limit] token_refresh: refresh-token grants. */
  tokenRefresh: SlidingWindowLimiter;
};

export type AuthRequest = {
  ctx: StackContext;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Path parameters, e.g. `{ id }` for /admin/users/:id. */
  params: Record<string, string>;
  limits: AuthLimiters;
};

export type AuthRoute = (r: AuthRequest) => Promise<void>;

export function grantInfo(req: IncomingMessage): GrantInfo {
  const ip = rateLimitKey(req);
  const userAgent = req.headers['user-agent'];
  return {
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 1000) : null,
    // Only a well-formed address goes into the inet column; a forged header is just dropped.
    ip: isIP(ip) ? ip : null,
  };
}
