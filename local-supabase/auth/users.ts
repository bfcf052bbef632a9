// auth.users and auth.identities as GoTrue's models/user.go and identity.go read and write them,
// and the user object GoTrue sends (its JSON tags: omitted when empty, email/phone as "").
// Every value is a bound parameter; the SQL text here is constant.
import type { QueryResult } from '../db/database';
import type { Json } from './params';

/** Anything that runs a parameterised statement: the database or one transaction. */
export type Querier = {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<R>>;
};

/** The user object of GoTrue's responses (models.User's JSON form). */
export type UserJson = Json & {
  id: string;
  aud: string;
  role: string;
  email: string;
  phone: string;
  app_metadata: Json;
  user_metadata: Json;
  is_anonymous: boolean;
};

export type UserRecord = {
  user: UserJson;
  encryptedPassword: string | null;
  banned: boolean;
  emailConfirmed: boolean;
};

/** The audience GoTrue gives every user and token unless told otherwise (GOTRUE_JWT_AUD). */
export const DEFAULT_AUD = 'authenticated';
/** GOTRUE_JWT_DEFAULT_GROUP_NAME: the database role users' tokens carry. */
export const DEFAULT_ROLE = 'authenticated';

// Timestamps as Go marshals time.Time in UTC, whatever the session's TimeZone.
const iso = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const IDENTITIES_JSON = `(
  select coalesce(json_agg(json_build_object(
    'identity_id', i.id,
    'id', i.provider_id,
    'user_id', i.user_id,
    'identity_data', i.identity_data,
    'provider', i.provider,
    'last_sign_in_at', ${iso('i.last_sign_in_at')},
    'created_at', ${iso('i.created_at')},
    'updated_at', ${iso('i.updated_at')},
    'email', i.email
  ) order by i.created_at, i.id), '[]'::json)
  from auth.identities i where i.user_id = u.id
)`;

const USER_SELECT = `
  select json_build_object(
    'id', u.id,
    'aud', coalesce(u.aud, ''),
    'role', coalesce(u.role, ''),
    'email', coalesce(u.email, ''),
    'email_confirmed_at', ${iso('u.email_confirmed_at')},
    'invited_at', ${iso('u.invited_at')},
    'phone', coalesce(u.phone, ''),
    'phone_confirmed_at', ${iso('u.phone_confirmed_at')},
    'confirmation_sent_at', ${iso('u.confirmation_sent_at')},
    'confirmed_at', ${iso('u.confirmed_at')},
    'recovery_sent_at', ${iso('u.recovery_sent_at')},
    'new_email', nullif(u.email_change, ''),
    'email_change_sent_at', ${iso('u.email_change_sent_at')},
    'last_sign_in_at', ${iso('u.last_sign_in_at')},
    'app_metadata', coalesce(u.raw_app_meta_data, '{}'::jsonb),
    'user_metadata', coalesce(u.raw_user_meta_data, '{}'::jsonb),
    'identities', ${IDENTITIES_JSON},
    'created_at', ${iso('u.created_at')},
    'updated_at', ${iso('u.updated_at')},
    'banned_until', ${iso('u.banned_until')},
    'deleted_at', ${iso('u.deleted_at')},
    'is_anonymous', u.is_anonymous
  ) as "user",
  u.encrypted_password as "encryptedPassword",
  (u.banned_until is not null and u.banned_until > now()) as banned,
  (u.email_confirmed_at is not null) as "emailConfirmed"
  from auth.users u`;

type Row = {
  user: UserJson;
  encryptedPassword: string | null;
  banned: boolean;
  emailConfirmed: boolean;
};

/** Go's `omitempty`: drop the top-level (and identity) fields that are null. */
function omitEmpty(user: UserJson): UserJson {
  const out: Json = {};
  for (const [k, v] of Object.entries(user)) if (v !== null) out[k] = v;
  if (Array.isArray(user.identities)) {
    out.identities = (user.identities as Json[]).map((identity) => {
      const clean: Json = {};
      for (const [k, v] of Object.entries(identity)) if (v !== null) clean[k] = v;
      return clean;
    });
  }
  return out as UserJson;
}

function toRecord(row: Row | undefined): UserRecord | undefined {
  if (!row) return undefined;
  return { ...row, user: omitEmpty(row.user) };
}

/** FindUserByEmailAndAudience: case-insensitive email, not an SSO account, not soft-deleted. */
export async function findUserByEmail(q: Querier, email: string): Promise<UserRecord | undefined> {
  const r = await q.query<Row>(
    `${USER_SELECT}
     where lower(u.email) = lower($1) and coalesce(u.aud, $2) = $2
       and not u.is_sso_user and u.deleted_at is null
     limit 1`,
    [email, DEFAULT_AUD],
  );
  return toRecord(r.rows[0]);
}

export async function findUserByPhone(q: Querier, phone: string): Promise<UserRecord | undefined> {
  const r = await q.query<Row>(
    `${USER_SELECT} where u.phone = $1 and coalesce(u.aud, $2) = $2 and u.deleted_at is null limit 1`,
    [phone, DEFAULT_AUD],
  );
  return toRecord(r.rows[0]);
}

export async function findUserById(q: Querier, id: string): Promise<UserRecord | undefined> {
  const r = await q.query<Row>(`${USER_SELECT} where u.id = $1::uuid`, [id]);
  return toRecord(r.rows[0]);
}

export type UserPage = { users: UserJson[]; total: number };

/** FindUsersInAudience: newest first, optional `filter` on email or full name, paginated. */
export async function listUsers(
  q: Querier,
  page: number,
  perPage: number,
  filter: string,
): Promise<UserPage> {
  const pattern = filter === '' ? null : `%${filter.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  const where = `coalesce(u.aud, $1) = $1
    and ($2::text is null or u.email like $2 or u.raw_user_meta_data ->> 'full_name' ilike $2)`;
  const total = await q.query<{ n: number }>(
    `select count(*)::int as n from auth.users u where ${where}`,
    [DEFAULT_AUD, pattern],
  );
  const rows = await q.query<Row>(
    `${USER_SELECT} where ${where} order by u.created_at desc, u.id desc limit $3 offset $4`,
    [DEFAULT_AUD, pattern, perPage, (page - 1) * perPage],
  );
  return {
    users: rows.rows.map((row) => omitEmpty(row.user)),
    total: total.rows[0]?.n ?? 0,
  };
}

export async function emailTaken(q: Querier, email: string, exceptId?: string): Promise<boolean> {
  const r = await q.query(
    `select 1 from auth.users
     where lower(email) = lower($1) and not is_sso_user and ($2::uuid is null or id <> $2::uuid)
     limit 1`,
    [email, exceptId ?? null],
  );
  return r.rows.length > 0;
}

export async function phoneTaken(q: Querier, phone: string, exceptId?: string): Promise<boolean> {
  const r = await q.query(
    `select 1 from auth.users where phone = $1 and ($2::uuid is null or id <> $2::uuid) limit 1`,
    [phone, exceptId ?? null],
  );
  return r.rows.length > 0;
}

export type NewUser = {
  id?: string;
  aud: string;
  role: string;
  email: string | null;
  phone: string | null;
  passwordHash: string;
  appMetadata: Json;
  userMetadata: Json;
  emailConfirmed: boolean;
  phoneConfirmed: boolean;
  /** Ban length in ms from now; 0 or undefined: not banned. */
  banMs?: number;
};

/** Inserts a user with its email/phone identities (as GoTrue's admin create and signup do). */
export async function insertUser(q: Querier, u: NewUser): Promise<string> {
  const r = await q.query<{ id: string }>(
    `insert into auth.users (
       instance_id, id, aud, role, email, phone, encrypted_password,
       raw_app_meta_data, raw_user_meta_data, email_confirmed_at, phone_confirmed_at,
       banned_until, confirmation_token, recovery_token, email_change_token_new, email_change,
       created_at, updated_at, is_anonymous)
     values ('00000000-0000-0000-0000-000000000000', coalesce($1::uuid, gen_random_uuid()), $2, $3,
       $4, $5, $6, $7::jsonb, $8::jsonb,
       case when $9::boolean then now() end, case when $10::boolean then now() end,
       case when coalesce($11::float8, 0) = 0 then null
            else now() + make_interval(secs => $11::float8 / 1000) end,
       '', '', '', '', now(), now(), false)
     returning id::text as id`,
    [
      u.id ?? null,
      u.aud,
      u.role,
      u.email,
      u.phone,
      u.passwordHash,
      JSON.stringify(u.appMetadata),
      JSON.stringify(u.userMetadata),
      u.emailConfirmed,
      u.phoneConfirmed,
      u.banMs ?? 0,
    ],
  );
  const id = r.rows[0]!.id;
  if (u.email) await upsertIdentity(q, id, 'email', { email: u.email, email_verified: false });
  if (u.phone) await upsertIdentity(q, id, 'phone', { phone: u.phone, phone_verified: false });
  return id;
}

/** The email/phone identity of a user: provider_id is the user id, as GoTrue creates them. */
export async function upsertIdentity(
  q: Querier,
  userId: string,
  provider: 'email' | 'phone',
  data: Json,
): Promise<void> {
  const identityData: Json = { sub: userId, ...data };
  if (provider === 'email') identityData.phone_verified ??= false;
  await q.query(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
     values ($1, $4::uuid, $2::jsonb, $3, now(), now())
     on conflict (provider_id, provider) do update
       set identity_data = auth.identities.identity_data || excluded.identity_data,
           updated_at = now()`,
    [userId, JSON.stringify(identityData), provider, userId],
  );
}

/**
 * UpdateUserMetaData / UpdateAppMetaData: keys with a value are set, keys given as null are
 * removed, the rest is kept.
 */
export async function mergeMetadata(
  q: Querier,
  userId: string,
  column: 'raw_user_meta_data' | 'raw_app_meta_data',
  updates: Json,
): Promise<void> {
  const set: Json = {};
  const remove: string[] = [];
  for (const [k, v] of Object.entries(updates)) {
    if (v === null) remove.push(k);
    else set[k] = v;
  }
  // The column name is one of two constants chosen above, never client input.
  const sql =
    column === 'raw_user_meta_data'
      ? `update auth.users set raw_user_meta_data = (coalesce(raw_user_meta_data, '{}'::jsonb) || $2::jsonb) - $3::text[], updated_at = now() where id = $1::uuid`
      : `update auth.users set raw_app_meta_data = (coalesce(raw_app_meta_data, '{}'::jsonb) || $2::jsonb) - $3::text[], updated_at = now() where id = $1::uuid`;
  await q.query(sql, [userId, JSON.stringify(set), remove]);
}

/** user.UpdatePassword: new hash, outstanding one-time tokens cleared. */
export async function setPassword(q: Querier, userId: string, hash: string): Promise<void> {
  await q.query(
    `update auth.users set encrypted_password = $2, confirmation_token = '', recovery_token = '',
       email_change_token_current = '', email_change_token_new = '', reauthentication_token = '',
       confirmation_sent_at = null, recovery_sent_at = null, email_change_sent_at = null,
       reauthentication_sent_at = null, updated_at = now()
     where id = $1::uuid`,
    [userId, hash],
  );
}

export async function setEmail(q: Querier, userId: string, email: string): Promise<void> {
  await q.query(
    `update auth.users set email = $2, email_change = '', email_change_token_new = '',
       updated_at = now() where id = $1::uuid`,
    [userId, email],
  );
  await upsertIdentity(q, userId, 'email', { email });
}

export async function setPhone(q: Querier, userId: string, phone: string): Promise<void> {
  await q.query(`update auth.users set phone = $2, updated_at = now() where id = $1::uuid`, [
    userId,
    phone,
  ]);
  await upsertIdentity(q, userId, 'phone', { phone });
}

export async function setRole(q: Querier, userId: string, role: string): Promise<void> {
  await q.query(`update auth.users set role = $2, updated_at = now() where id = $1::uuid`, [
    userId,
    role,
  ]);
}

export async function confirmEmail(q: Querier, userId: string): Promise<void> {
  await q.query(
    `update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()),
       confirmation_token = '', updated_at = now() where id = $1::uuid`,
    [userId],
  );
}

export async function confirmPhone(q: Querier, userId: string): Promise<void> {
  await q.query(
    `update auth.users set phone_confirmed_at = coalesce(phone_confirmed_at, now()),
       updated_at = now() where id = $1::uuid`,
    [userId],
  );
}

/** user.Ban: banned until now + duration; a zero duration lifts the ban. */
export async function ban(q: Querier, userId: string, durationMs: number): Promise<void> {
  await q.query(
    `update auth.users set banned_until = case when $2::float8 = 0 then null
       else now() + make_interval(secs => $2::float8 / 1000) end, updated_at = now()
     where id = $1::uuid`,
    [userId, durationMs],
  );
}

export async function touchLastSignIn(q: Querier, userId: string): Promise<void> {
  await q.query(`update auth.users set last_sign_in_at = now() where id = $1::uuid`, [userId]);
}

export async function deleteUser(q: Querier, userId: string): Promise<void> {
  await q.query(`delete from auth.users where id = $1::uuid`, [userId]);
}

/**
 * SoftDeleteUser: the row stays (foreign keys keep pointing at it) but it can never sign in
 * again: email, phone and password are cleared, identities and sessions removed.
 */
export async function softDeleteUser(q: Querier, userId: string): Promise<void> {
  await q.query(
    `update auth.users set email = null, phone = null, encrypted_password = '',
       email_change = '', phone_change = '', raw_app_meta_data = '{}'::jsonb,
       raw_user_meta_data = '{}'::jsonb, deleted_at = now(), updated_at = now()
     where id = $1::uuid and deleted_at is null`,
    [userId],
  );
  await q.query(`delete from auth.identities where user_id = $1::uuid`, [userId]);
  await q.query(`delete from auth.sessions where user_id = $1::uuid`, [userId]);
}
