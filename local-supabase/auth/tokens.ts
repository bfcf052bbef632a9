// Access and refresh tokens as GoTrue's internal/tokens/service.go issues them: the HS256 access
// token with Supabase's claims, the token response supabase-js stores as its session, and the
// refresh grant with rotation, the reuse interval and reuse detection.
import type { StackContext } from '../context';
import { signJwt } from '../jwt';
import { badRequest, OAuthError } from './errors';
import {
  activeRefreshToken,
  amrClaims,
  findRefreshToken,
  revokeSession,
  swapRefreshToken,
  type GrantInfo,
  startSession,
} from './sessions';
import {
  DEFAULT_AUD,
  DEFAULT_ROLE,
  findUserById,
  touchLastSignIn,
  type Querier,
  type UserJson,
} from './users';

/** AccessTokenResponse: what /token and /signup answer, and what auth-js keeps as the session. */
export type TokenResponse = {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  expires_at: number;
  refresh_token: string;
  user: UserJson;
};

/** GenerateAccessToken: the claims GoTrue puts in an access token, in its order. */
export async function accessToken(
  ctx: StackContext,
  q: Querier,
  user: UserJson,
  sessionId: string,
): Promise<{ token: string; expiresAt: number }> {
  const issuedAt = Math.floor(Date.now() / 1000);
  const expiresAt = issuedAt + ctx.config.auth.jwtExpiry;
  const claims = {
    iss: `${ctx.publicUrl()}/auth/v1`,
    sub: user.id,
    aud: user.aud || DEFAULT_AUD,
    exp: expiresAt,
    iat: issuedAt,
    email: user.email,
    phone: user.phone,
    app_metadata: user.app_metadata,
    user_metadata: user.user_metadata,
    // A seeded user without a role would get a token PostgREST cannot switch to.
    role: user.role || DEFAULT_ROLE,
    aal: 'aal1',
    amr: await amrClaims(q, sessionId),
    session_id: sessionId,
    is_anonymous: user.is_anonymous,
  };
  return { token: signJwt(claims, ctx.config.auth.jwtSecret), expiresAt };
}

async function tokenResponse(
  ctx: StackContext,
  q: Querier,
  userId: string,
  sessionId: string,
  refreshToken: string,
): Promise<TokenResponse> {
  const record = await findUserById(q, userId);
  if (!record) throw new Error('user vanished while issuing a token');
  const { token, expiresAt } = await accessToken(ctx, q, record.user, sessionId);
  return {
    access_token: token,
    token_type: 'bearer',
    expires_in: expiresAt - Math.floor(Date.now() / 1000),
    expires_at: expiresAt,
    refresh_token: refreshToken,
    user: record.user,
  };
}

/** IssueRefreshToken: a new session for a user who just proved who they are. */
export async function issueSession(
  ctx: StackContext,
  userId: string,
  method: string,
  grant: GrantInfo,
): Promise<TokenResponse> {
  return ctx.db.transaction(async (tx) => {
    const { sessionId, refreshToken } = await startSession(tx, userId, method, grant);
    await touchLastSignIn(tx, userId);
    return tokenResponse(ctx, tx, userId, sessionId, refreshToken);
  });
}

/** Thrown out of the transaction so its writes (the family revocation) commit before the 400. */
class CommitWithError {
  constructor(readonly error: Error) {}
}

/**
 * RefreshTokenGrant. The presented token must exist, its user must not be banned and its
 * session must be alive. A revoked token is accepted only (a) when it is the parent of the
 * session's active token — the client lost the previous answer, so it gets that same answer
 * again — or (b) within the reuse interval after it was revoked (concurrent refreshes from
 * several tabs); otherwise it is a replay, and with rotation on the whole session is revoked.
 */
export async function refreshGrant(ctx: StackContext, presented: string): Promise<TokenResponse> {
  if (presented === '') throw new OAuthError('invalid_request', 'refresh_token required');
  const config = ctx.config.auth;
  const outcome = await ctx.db.transaction(async (tx) => {
    const token = await findRefreshToken(tx, presented, true);
    if (!token) {
      throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    }
    const user = await findUserById(tx, token.userId);
    if (!user) {
      throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    }
    if (user.banned) throw badRequest('user_banned', 'Invalid Refresh Token: User Banned');
    if (!token.sessionId || !token.sessionExists) {
      throw badRequest('session_not_found', 'Invalid Refresh Token: No Valid Session Found');
    }
    if (token.sessionExpired) {
      throw badRequest('session_expired', 'Invalid Refresh Token: Session Expired');
    }

    let issued: string | undefined;
    if (token.revoked) {
      const active = await activeRefreshToken(tx, token.sessionId);
      if (active && active.parent === token.token) {
        issued = active.token;
      } else {
        const reuseUntil = token.updatedAtMs + config.refreshTokenReuseInterval * 1000;
        if (Date.now() > reuseUntil) {
          if (config.enableRefreshTokenRotation) await revokeSession(tx, token.sessionId);
          return new CommitWithError(
            badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used'),
          );
        }
      }
    }
    if (issued === undefined) {
      issued = await swapRefreshToken(tx, token);
      // createRefreshToken stamps the user's last sign-in on every new token, refreshes included.
      await touchLastSignIn(tx, token.userId);
    }
    return tokenResponse(ctx, tx, token.userId, token.sessionId, issued);
  });
  if (outcome instanceof CommitWithError) throw outcome.error;
  return outcome;
}
