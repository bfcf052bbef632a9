// POST /token: the password grant (ResourceOwnerPasswordGrant) and the refresh-token grant, each
// behind its per-IP rate limit, as GoTrue's internal/api/token.go serves them.
import { sendJson } from '../../http';
import { AuthHttpError, badRequest, notFound } from '../errors';
import { readParams, str, validatePhone } from '../params';
import { verifyPassword } from '../password';
import { rateLimitKey } from '../ratelimit';
import { grantInfo, type AuthRequest, type AuthRoute } from '../route';
import { issueSession, refreshGrant } from '../tokens';
import { findUserByEmail, findUserByPhone, type UserRecord } from '../users';

const INVALID_LOGIN = 'Invalid login credentials';

export const overRateLimit = () =>
  new AuthHttpError(429, 'over_request_rate_limit', 'Request rate limit reached');

export const token: AuthRoute = async (r) => {
  const grantType = r.url.searchParams.get('grant_type');
  if (grantType === 'password') {
    if (!r.limits.signInSignUps.take(rateLimitKey(r.req))) throw overRateLimit();
    return passwordGrant(r);
  }
  if (grantType === 'refresh_token') {
    if (!r.limits.tokenRefresh.take(rateLimitKey(r.req))) throw overRateLimit();
    const params = await readParams(r.req);
    const session = await refreshGrant(r.ctx, str(params, 'refresh_token') ?? '');
    return sendJson(r.res, 200, session);
  }
  if (grantType === 'pkce' || grantType === 'id_token' || grantType === 'web3') {
    throw notFound(
      'feature_disabled',
      `grant_type=${grantType} is not available on the local stack`,
    );
  }
  throw badRequest('invalid_credentials', 'unsupported_grant_type');
};

async function passwordGrant(r: AuthRequest): Promise<void> {
  const params = await readParams(r.req);
  const email = str(params, 'email') ?? '';
  const phone = str(params, 'phone') ?? '';
  const password = str(params, 'password') ?? '';
  if (email !== '' && phone !== '') {
    throw badRequest(
      'validation_failed',
      'Only an email address or phone number should be provided on login.',
    );
  }
  let user: UserRecord | undefined;
  if (email !== '') user = await findUserByEmail(r.ctx.db, email);
  else if (phone !== '') user = await findUserByPhone(r.ctx.db, validatePhone(phone));
  else throw badRequest('validation_failed', 'missing email or phone');

  // Unknown user, no password, or the wrong one: the same answer, after the same bcrypt work,
  // so neither the body nor the timing says whether the account exists.
  const valid = await verifyPassword(password, user?.encryptedPassword ?? null);
  if (!user || !valid) throw badRequest('invalid_credentials', INVALID_LOGIN);
  // GoTrue checks the ban before the password; checking it after means only someone who knows
  // the password learns that the account is banned.
  if (user.banned) throw badRequest('user_banned', 'User is banned');
  if (email !== '' && !user.emailConfirmed) {
    throw badRequest('email_not_confirmed', 'Email not confirmed');
  }
  if (phone !== '' && !user.user.phone_confirmed_at) {
    throw badRequest('phone_not_confirmed', 'Phone not confirmed');
  }
  const session = await issueSession(r.ctx, user.user.id, 'password', grantInfo(r.req));
  sendJson(r.res, 200, session);
}
