// auth.sessions, auth.refresh_tokens and auth.mfa_amr_claims as GoTrue's models/sessions.go
// and refresh_token.go use them: a session per sign-in, a chain of refresh tokens per session
// (each new token's parent is the one it replaced), and how the session was authenticated.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Querier } from './users';

/** An opaque refresh token (GoTrue's legacy tokens are random alphanumerics, stored as is). */
export function newRefreshToken(): string {
  return randomBytes(18).toString('base64url').replace(/[-_]/g, 'x');
}

export type GrantInfo = { userAgent: string | null; ip: string | null };

/** createRefreshToken without an old token: a new session, its AMR claim, its first token. */
export async function startSession(
  q: Querier,
  userId: string,
  method: string,
  grant: GrantInfo,
): Promise<{ sessionId: string; refreshToken: string }> {
  const sessionId = randomUUID();
  await q.query(
    `insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent, ip)
     values ($1::uuid, $2::uuid, now(), now(), 'aal1', $3, $4::inet)`,
    [sessionId, userId, grant.userAgent, grant.ip],
  );
  await q.query(
    `insert into auth.mfa_amr_claims (session_id, created_at, updated_at, authentication_method)
     values ($1::uuid, now(), now(), $2)
     on conflict (session_id, authentication_method) do update set updated_at = now()`,
    [sessionId, method],
  );
  const refreshToken = newRefreshToken();
  await q.query(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, parent, session_id, created_at, updated_at)
     values ('00000000-0000-0000-0000-000000000000', $1, $2, false, null, $3::uuid, now(), now())`,
    [refreshToken, userId, sessionId],
  );
  return { sessionId, refreshToken };
}

export type StoredRefreshToken = {
  id: string;
  token: string;
  userId: string;
  revoked: boolean;
  parent: string | null;
  sessionId: string | null;
  /** Milliseconds since the epoch of the token's last update (its revocation, once revoked). */
  updatedAtMs: number;
  sessionExists: boolean;
  /** The session's not_after has passed (GoTrue's SessionPastNotAfter). */
  sessionExpired: boolean;
};

/** FindUserWithRefreshToken, optionally locking the token row for the rotation. */
export async function findRefreshToken(
  q: Querier,
  token: string,
  forUpdate: boolean,
): Promise<StoredRefreshToken | undefined> {
  const r = await q.query<StoredRefreshToken>(
    `select t.id::text as id, t.token, t.user_id as "userId", coalesce(t.revoked, false) as revoked,
            t.parent, t.session_id::text as "sessionId",
            (extract(epoch from t.updated_at) * 1000)::float8 as "updatedAtMs",
            (s.id is not null) as "sessionExists",
            (s.not_after is not null and s.not_after <= now()) as "sessionExpired"
     from auth.refresh_tokens t left join auth.sessions s on s.id = t.session_id
     where t.token = $1
     ${forUpdate ? 'for update of t' : ''}`,
    [token],
  );
  return r.rows[0];
}

/** The session's newest unrevoked token (Session.FindCurrentlyActiveRefreshToken). */
export async function activeRefreshToken(
  q: Querier,
  sessionId: string,
): Promise<{ token: string; parent: string | null } | undefined> {
  const r = await q.query<{ token: string; parent: string | null }>(
    `select token, parent from auth.refresh_tokens
     where session_id = $1::uuid and not coalesce(revoked, false)
     order by id desc limit 1`,
    [sessionId],
  );
  return r.rows[0];
}

/** GrantRefreshTokenSwap: revoke the presented token, issue its child in the same session. */
export async function swapRefreshToken(q: Querier, old: StoredRefreshToken): Promise<string> {
  await q.query(
    `update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1::bigint`,
    [old.id],
  );
  const token = newRefreshToken();
  await q.query(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, parent, session_id, created_at, updated_at)
     values ('00000000-0000-0000-0000-000000000000', $1, $2, false, $3, $4::uuid, now(), now())`,
    [token, old.userId, old.token, old.sessionId],
  );
  await q.query(
    `update auth.sessions set refreshed_at = (now() at time zone 'UTC'), updated_at = now()
     where id = $1::uuid`,
    [old.sessionId],
  );
  return token;
}

/**
 * Reuse detected: RevokeTokenFamily revokes every token of the session. GoTrue then still
 * honours a just-revoked token inside the reuse interval (its updated_at is now), which would
 * let whoever replayed the old token keep the session alive; ending the session (not_after =
 * now, GoTrue's own session expiry mechanism) closes that gap, so every token of the family
 * answers "Session Expired" from now on.
 */
export async function revokeSession(q: Querier, sessionId: string): Promise<void> {
  await q.query(
    `update auth.refresh_tokens set revoked = true, updated_at = now()
     where session_id = $1::uuid and not coalesce(revoked, false)`,
    [sessionId],
  );
  await q.query(
    `update auth.sessions set not_after = now(), updated_at = now() where id = $1::uuid`,
    [sessionId],
  );
}

export type SessionState = 'active' | 'missing' | 'expired';

export async function sessionState(q: Querier, sessionId: string): Promise<SessionState> {
  const r = await q.query<{ expired: boolean }>(
    `select (not_after is not null and not_after <= now()) as expired from auth.sessions
     where id = $1::uuid`,
    [sessionId],
  );
  const row = r.rows[0];
  if (!row) return 'missing';
  return row.expired ? 'expired' : 'active';
}

/** The `amr` claim: how this session was authenticated, most recent first. */
export async function amrClaims(
  q: Querier,
  sessionId: string,
): Promise<{ method: string; timestamp: number }[]> {
  const r = await q.query<{ method: string; timestamp: number }>(
    `select authentication_method as method, floor(extract(epoch from updated_at))::float8 as timestamp
     from auth.mfa_amr_claims where session_id = $1::uuid order by updated_at desc`,
    [sessionId],
  );
  return r.rows;
}

/** Logout scopes (models.Logout, LogoutSession, LogoutAllExceptMe): sessions are deleted, and
 * their refresh tokens and AMR claims go with them (on delete cascade). */
export async function deleteSessions(
  q: Querier,
  userId: string,
  scope: 'global' | 'local' | 'others',
  sessionId: string | undefined,
): Promise<void> {
  if (scope === 'local' && sessionId) {
    await q.query(`delete from auth.sessions where id = $1::uuid`, [sessionId]);
  } else if (scope === 'others' && sessionId) {
    await q.query(`delete from auth.sessions where user_id = $1::uuid and id <> $2::uuid`, [
      userId,
      sessionId,
    ]);
  } else {
    await q.query(`delete from auth.sessions where user_id = $1::uuid`, [userId]);
  }
}
