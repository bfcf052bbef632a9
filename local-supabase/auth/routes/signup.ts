// POST /signup: off unless [auth] enable_signup (Loupe's staff are created by an admin). When on,
// it behaves as GoTrue with email autoconfirm (the CLI default, no mail is sent): the user is
// created confirmed and signed in at once.
import { sendJson } from '../../http';
import { badRequest, unprocessable } from '../errors';
import { obj, readParams, str, validateEmail, validatePhone } from '../params';
import { checkPasswordStrength, hashPassword } from '../password';
import { rateLimitKey } from '../ratelimit';
import { grantInfo, type AuthRoute } from '../route';
import { issueSession } from '../tokens';
import { DEFAULT_AUD, DEFAULT_ROLE, emailTaken, insertUser, phoneTaken } from '../users';
import { overRateLimit } from './token';

export const signup: AuthRoute = async (r) => {
  const params = await readParams(r.req);
  if (!r.ctx.config.auth.enableSignup) {
    throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
  }
  if (!r.limits.signInSignUps.take(rateLimitKey(r.req))) throw overRateLimit();
  const rawEmail = str(params, 'email') ?? '';
  const rawPhone = str(params, 'phone') ?? '';
  const password = str(params, 'password') ?? '';
  const data = obj(params, 'data') ?? {};
  if (rawEmail === '' && rawPhone === '') {
    throw unprocessable('anonymous_provider_disabled', 'Anonymous sign-ins are disabled');
  }
  if (rawEmail !== '' && rawPhone !== '') {
    throw badRequest(
      'validation_failed',
      'Only an email address or phone number should be provided on signup.',
    );
  }
  if (password === '') throw badRequest('validation_failed', 'Signup requires a valid password');
  checkPasswordStrength(password);
  const email = rawEmail === '' ? null : validateEmail(rawEmail);
  const phone = rawPhone === '' ? null : validatePhone(rawPhone);
  if (
    (email && (await emailTaken(r.ctx.db, email))) ||
    (phone && (await phoneTaken(r.ctx.db, phone)))
  ) {
    throw unprocessable('user_already_exists', 'User already registered');
  }
  const passwordHash = await hashPassword(password);
  const provider = email ? 'email' : 'phone';
  const userId = await r.ctx.db.transaction((tx) =>
    insertUser(tx, {
      aud: DEFAULT_AUD,
      role: DEFAULT_ROLE,
      email,
      phone,
      passwordHash,
      appMetadata: { provider, providers: [provider] },
      userMetadata: data,
      emailConfirmed: email !== null,
      phoneConfirmed: phone !== null,
    }),
  );
  const session = await issueSession(r.ctx, userId, 'password', grantInfo(r.req));
  sendJson(r.res, 200, session);
};
