// The GoTrue-compatible auth service at /auth/v1: routes as GoTrue's internal/api/api.go mounts
// them (token, user, logout, signup, admin users, settings, health), errors in GoTrue's shapes.
import type { ServiceFactory } from '../context';
import { notFound, AuthHttpError, sendAuthError } from './errors';
import { SlidingWindowLimiter } from './ratelimit';
import type { AuthLimiters, AuthRoute } from './route';
import {
  adminCreateUser,
  adminDeleteUser,
  adminGetUser,
  adminListUsers,
  adminUpdateUser,
} from './routes/admin';
import { logout } from './routes/logout';
import { health, settings } from './routes/settings';
import { signup } from './routes/signup';
import { token } from './routes/token';
import { getUser, updateUser } from './routes/user';

type Route = { method: string; pattern: RegExp; keys: string[]; handler: AuthRoute };

function route(method: string, path: string, handler: AuthRoute): Route {
  const keys: string[] = [];
  const source = path.replace(/:(\w+)/g, (_m, key: string) => {
    keys.push(key);
    return '([^/]+)';
  });
  return { method, pattern: new RegExp(`^${source}/?$`), keys, handler };
}

/** A malformed %-escape is just a value that matches nothing (a 404 later), not a crash. */
function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

const routes: Route[] = [
  route('GET', '/health', health),
  route('GET', '/settings', settings),
  route('POST', '/token', token),
  route('POST', '/signup', signup),
  route('GET', '/user', getUser),
  route('PUT', '/user', updateUser),
  route('POST', '/logout', logout),
  route('GET', '/admin/users', adminListUsers),
  route('POST', '/admin/users', adminCreateUser),
  route('GET', '/admin/users/:id', adminGetUser),
  route('PUT', '/admin/users/:id', adminUpdateUser),
  route('DELETE', '/admin/users/:id', adminDeleteUser),
];

/** GoTrue routes this stack does not serve (they need mail, SMS, MFA or external providers). */
const UNSERVED = [
  '/otp',
  '/magiclink',
  '/recover',
  '/verify',
  '/resend',
  '/reauthenticate',
  '/invite',
  '/factors',
  '/sso',
  '/saml',
  '/authorize',
  '/callback',
  '/passkeys',
  '/oauth',
  '/user/identities',
  '/admin/generate_link',
  '/admin/sso',
  '/admin/oauth',
  '/admin/custom-providers',
];

export const createAuthService: ServiceFactory = (ctx) => {
  // Read the limits on every request so a config change in tests applies at once.
  const limits: AuthLimiters = {
    signInSignUps: new SlidingWindowLimiter(() => ctx.config.auth.rateLimit.signInSignUps),
    tokenRefresh: new SlidingWindowLimiter(() => ctx.config.auth.rateLimit.tokenRefresh),
  };
  return {
    prefix: '/auth/v1',
    requiresApiKey: true,
    async handle(req, res, path, url) {
      try {
        let pathMatched = false;
        for (const r of routes) {
          const m = r.pattern.exec(path);
          if (!m) continue;
          pathMatched = true;
          if (r.method !== req.method) continue;
          const params: Record<string, string> = {};
          r.keys.forEach((key, i) => {
            params[key] = safeDecode(m[i + 1] ?? '');
          });
          await r.handler({ ctx, req, res, url, params, limits });
          return;
        }
        if (pathMatched) throw new AuthHttpError(405, 'method_not_allowed', 'Method Not Allowed');
        // GoTrue answers a switched-off feature with 404 feature_disabled; the flows that need
        // mail, SMS, MFA or an identity provider are switched off here, and say so.
        if (UNSERVED.some((prefix) => path === prefix || path.startsWith(prefix + '/'))) {
          throw notFound('feature_disabled', `${path} is not available on the local stack`);
        }
        throw notFound('not_found', 'Not Found');
      } catch (error) {
        sendAuthError(req, res, error, ctx.log);
      }
    },
  };
};
