// The admin API (/admin/users…), for the service_role key only, as GoTrue's internal/api/admin.go
// serves it: list with page/per_page and pagination headers, create, get, update, delete.
import { sendJson } from '../../http';
import { isUuid, requireAdmin } from '../authenticate';
import { AuthHttpError, badRequest, notFound, unprocessable } from '../errors';
import {
  bool,
  obj,
  parseGoDuration,
  readParams,
  str,
  validateEmail,
  validatePhone,
  type Json,
} from '../params';
import { checkPasswordStrength, hashPassword, isBcryptHash, randomPassword } from '../password';
import type { AuthRequest, AuthRoute } from '../route';
import { deleteSessions } from '../sessions';
import {
  ban,
  confirmEmail,
  confirmPhone,
  DEFAULT_AUD,
  DEFAULT_ROLE,
  deleteUser,
  emailTaken,
  findUserById,
  insertUser,
  listUsers,
  mergeMetadata,
  phoneTaken,
  setEmail,
  setPassword,
  setPhone,
  setRole,
  softDeleteUser,
  type UserRecord,
} from '../users';

const DEFAULT_PER_PAGE = 50;

function pageParam(value: string | null, fallback: number): number {
  if (value === null || value === '') return fallback;
  if (!/^\d{1,9}$/.test(value)) {
    throw badRequest(
      'validation_failed',
      `Bad Pagination Parameters: strconv.ParseUint: parsing ${JSON.stringify(value)}: invalid syntax`,
    );
  }
  return Math.max(1, Number(value));
}

export const adminListUsers: AuthRoute = async (r) => {
  requireAdmin(r.ctx, r.req);
  const page = pageParam(r.url.searchParams.get('page'), 1);
  const perPage = pageParam(r.url.searchParams.get('per_page'), DEFAULT_PER_PAGE);
  const filter = r.url.searchParams.get('filter') ?? '';
  const { users, total } = await listUsers(r.ctx.db, page, perPage, filter);
  // addPaginationHeaders: a relative `next` link while there are more pages, always `last`.
  const totalPages = Math.ceil(total / perPage);
  const link = (p: number) => {
    const q = new URLSearchParams(r.url.searchParams);
    q.set('page', String(p));
    const sorted = new URLSearchParams([...q.entries()].sort(([a], [b]) => a.localeCompare(b)));
    return `</admin/users?${sorted.toString()}>`;
  };
  let header = '';
  if (totalPages > page) header += `${link(page + 1)}; rel="next", `;
  header += `${link(totalPages)}; rel="last"`;
  sendJson(
    r.res,
    200,
    { users, aud: DEFAULT_AUD },
    { Link: header, 'X-Total-Count': String(total) },
  );
};

async function loadUser(r: AuthRequest): Promise<UserRecord> {
  const id = r.params.id ?? '';
  if (!isUuid(id)) throw notFound('validation_failed', 'user_id must be an UUID');
  const user = await findUserById(r.ctx.db, id);
  if (!user) throw notFound('user_not_found', 'User not found');
  return user;
}

export const adminGetUser: AuthRoute = async (r) => {
  requireAdmin(r.ctx, r.req);
  sendJson(r.res, 200, (await loadUser(r)).user);
};

/** ban_duration: a Go duration, or "none" to lift a ban; undefined when not given. */
function banDuration(params: Json): number | undefined {
  const value = str(params, 'ban_duration') ?? '';
  if (value === '') return undefined;
  return value === 'none' ? 0 : parseGoDuration(value);
}

function emailExists(): AuthHttpError {
  return unprocessable(
    'email_exists',
    'A user with this email address has already been registered',
  );
}

export const adminCreateUser: AuthRoute = async (r) => {
  requireAdmin(r.ctx, r.req);
  const params = await readParams(r.req);
  const rawEmail = str(params, 'email') ?? '';
  const rawPhone = str(params, 'phone') ?? '';
  if (rawEmail === '' && rawPhone === '') {
    throw badRequest('validation_failed', 'Cannot create a user without either an email or phone');
  }
  const email = rawEmail === '' ? null : validateEmail(rawEmail);
  const phone = rawPhone === '' ? null : validatePhone(rawPhone);
  if (email && (await emailTaken(r.ctx.db, email))) throw emailExists();
  if (phone && (await phoneTaken(r.ctx.db, phone))) {
    throw unprocessable('phone_exists', 'Phone number already registered by another user');
  }
  const password = str(params, 'password');
  const passwordHash = str(params, 'password_hash') ?? '';
  if (password !== undefined && passwordHash !== '') {
    throw badRequest('validation_failed', 'Only a password or a password hash should be provided');
  }
  if (passwordHash !== '' && !isBcryptHash(passwordHash)) {
    throw badRequest(
      'validation_failed',
      'Invalid password hash: only bcrypt hashes are supported',
    );
  }
  const id = str(params, 'id') ?? '';
  if (id !== '' && !isUuid(id)) {
    throw badRequest('validation_failed', 'ID must conform to the uuid v4 format');
  }
  if (id === '00000000-0000-0000-0000-000000000000') {
    throw badRequest('validation_failed', 'ID cannot be a nil uuid');
  }
  const banMs = banDuration(params);
  const userMetadata = obj(params, 'user_metadata') ?? {};
  const appMetadata = obj(params, 'app_metadata');
  const emailConfirm = bool(params, 'email_confirm');
  const phoneConfirm = bool(params, 'phone_confirm');
  const hash =
    passwordHash !== ''
      ? passwordHash
      : await hashPassword(password === undefined || password === '' ? randomPassword() : password);
  const providers = [...(email ? ['email'] : []), ...(phone ? ['phone'] : [])];

  const userId = await r.ctx.db
    .transaction(async (tx) => {
      const newId = await insertUser(tx, {
        id: id === '' ? undefined : id,
        aud: str(params, 'aud') || DEFAULT_AUD,
        role: str(params, 'role') || DEFAULT_ROLE,
        email,
        phone,
        passwordHash: hash,
        appMetadata: { provider: providers[0], providers },
        userMetadata,
        emailConfirmed: emailConfirm,
        phoneConfirmed: phoneConfirm,
        banMs,
      });
      if (appMetadata) await mergeMetadata(tx, newId, 'raw_app_meta_data', appMetadata);
      return newId;
    })
    .catch((error: unknown) => {
      // Two admins creating the same email at once: the unique index decides, the loser is told.
      if ((error as { code?: string })?.code === '23505') throw emailExists();
      throw error;
    });
  const created = await findUserById(r.ctx.db, userId);
  sendJson(r.res, 200, created?.user);
};

export const adminUpdateUser: AuthRoute = async (r) => {
  requireAdmin(r.ctx, r.req);
  const user = (await loadUser(r)).user;
  const params = await readParams(r.req);
  const rawEmail = str(params, 'email') ?? '';
  const rawPhone = str(params, 'phone') ?? '';
  const email = rawEmail === '' ? '' : validateEmail(rawEmail);
  const phone = rawPhone === '' ? '' : validatePhone(rawPhone);
  const banMs = banDuration(params);
  const password = str(params, 'password');
  if (password !== undefined) checkPasswordStrength(password);
  const role = str(params, 'role') ?? '';
  const userMetadata = obj(params, 'user_metadata');
  const appMetadata = obj(params, 'app_metadata');
  const emailConfirm = bool(params, 'email_confirm');
  const phoneConfirm = bool(params, 'phone_confirm');
  if (email !== '' && email !== user.email && (await emailTaken(r.ctx.db, email, user.id))) {
    throw emailExists();
  }
  if (phone !== '' && phone !== user.phone && (await phoneTaken(r.ctx.db, phone, user.id))) {
    throw unprocessable('phone_exists', 'Phone number already registered by another user');
  }
  const hash = password === undefined ? undefined : await hashPassword(password);

  await r.ctx.db.transaction(async (tx) => {
    if (role !== '') await setRole(tx, user.id, role);
    if (emailConfirm) await confirmEmail(tx, user.id);
    if (phoneConfirm) await confirmPhone(tx, user.id);
    if (hash !== undefined) {
      await setPassword(tx, user.id, hash);
      // UpdatePassword without a session: the user is signed out everywhere.
      await deleteSessions(tx, user.id, 'global', undefined);
    }
    if (email !== '') await setEmail(tx, user.id, email);
    if (phone !== '') await setPhone(tx, user.id, phone);
    if (appMetadata) await mergeMetadata(tx, user.id, 'raw_app_meta_data', appMetadata);
    if (userMetadata) await mergeMetadata(tx, user.id, 'raw_user_meta_data', userMetadata);
    if (banMs !== undefined) await ban(tx, user.id, banMs);
  });
  const updated = await findUserById(r.ctx.db, user.id);
  sendJson(r.res, 200, updated?.user ?? user);
};

export const adminDeleteUser: AuthRoute = async (r) => {
  requireAdmin(r.ctx, r.req);
  const user = (await loadUser(r)).user;
  const params = await readParams(r.req);
  const soft = bool(params, 'should_soft_delete');
  await r.ctx.db
    .transaction((tx) => (soft ? softDeleteUser(tx, user.id) : deleteUser(tx, user.id)))
    .catch((error: unknown) => {
      // Rows in the project's tables still reference the user (foreign key without cascade).
      if ((error as { code?: string })?.code === '23503') {
        throw new AuthHttpError(500, 'unexpected_failure', 'Database error deleting user');
      }
      throw error;
    });
  sendJson(r.res, 200, {});
};
