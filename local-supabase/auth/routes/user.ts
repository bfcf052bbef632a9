// GET /user and PUT /user: the signed-in user reads and updates their own account, as GoTrue's
// internal/api/user.go (UserGet, UserUpdate) does.
import { sendJson } from '../../http';
import { requireAuthentication } from '../authenticate';
import { badRequest, forbidden, unprocessable } from '../errors';
import { obj, readParams, str, validateEmail, validatePhone } from '../params';
import { checkPasswordStrength, hashPassword, verifyPassword } from '../password';
import type { AuthRoute } from '../route';
import { deleteSessions } from '../sessions';
import {
  DEFAULT_AUD,
  emailTaken,
  findUserById,
  mergeMetadata,
  phoneTaken,
  setEmail,
  setPassword,
  setPhone,
} from '../users';

const ADMIN_ROLES = ['service_role', 'supabase_admin'];

export const getUser: AuthRoute = async (r) => {
  const caller = await requireAuthentication(r.ctx, r.req);
  if (caller.claims.aud !== DEFAULT_AUD) {
    throw badRequest('validation_failed', "Token audience doesn't match request audience");
  }
  sendJson(r.res, 200, caller.user.user);
};

export const updateUser: AuthRoute = async (r) => {
  const caller = await requireAuthentication(r.ctx, r.req);
  const params = await readParams(r.req);
  const user = caller.user.user;
  const rawEmail = str(params, 'email') ?? '';
  const rawPhone = str(params, 'phone') ?? '';
  const password = str(params, 'password');
  const data = obj(params, 'data');
  const appData = obj(params, 'app_metadata');

  const email = rawEmail === '' ? '' : validateEmail(rawEmail);
  const phone = rawPhone === '' ? '' : validatePhone(rawPhone);
  if (password !== undefined) checkPasswordStrength(password);
  if (appData && !ADMIN_ROLES.includes(user.role)) {
    throw forbidden('not_admin', 'Updating app_metadata requires admin privileges');
  }
  const changingEmail = email !== '' && email !== user.email;
  const changingPhone = phone !== '' && phone !== user.phone;
  if (changingEmail && (await emailTaken(r.ctx.db, email, user.id))) {
    throw unprocessable(
      'email_exists',
      'A user with this email address has already been registered',
    );
  }
  if (changingPhone && (await phoneTaken(r.ctx.db, phone, user.id))) {
    throw unprocessable(
      'phone_exists',
      'A user with this phone number has already been registered',
    );
  }
  let hash: string | undefined;
  if (password !== undefined) {
    if (await verifyPassword(password, caller.user.encryptedPassword)) {
      throw unprocessable(
        'same_password',
        'New password should be different from the old password.',
      );
    }
    hash = await hashPassword(password);
  }

  await r.ctx.db.transaction(async (tx) => {
    if (hash !== undefined) {
      await setPassword(tx, user.id, hash);
      // user.UpdatePassword: whoever held the old password elsewhere must sign in again.
      await deleteSessions(tx, user.id, caller.sessionId ? 'others' : 'global', caller.sessionId);
    }
    if (data) await mergeMetadata(tx, user.id, 'raw_user_meta_data', data);
    if (appData) await mergeMetadata(tx, user.id, 'raw_app_meta_data', appData);
    // GoTrue mails a confirmation link before an email or phone change takes effect; the local
    // stack sends no mail or SMS, so it applies the change as GoTrue does once confirmed.
    if (changingEmail) await setEmail(tx, user.id, email);
    if (changingPhone) await setPhone(tx, user.id, phone);
  });
  const updated = await findUserById(r.ctx.db, user.id);
  sendJson(r.res, 200, updated?.user ?? user);
};
