// POST /logout?scope=global|local|others: ends the caller's sessions as GoTrue's
// internal/api/logout.go does; their refresh tokens die with them and their access tokens stop
// working on /user (the session is gone).
import { requireAuthentication } from '../authenticate';
import { badRequest } from '../errors';
import type { AuthRoute } from '../route';
import { deleteSessions } from '../sessions';

export const logout: AuthRoute = async (r) => {
  const rawScope = r.url.searchParams.get('scope') ?? '';
  const scope = rawScope === '' ? 'global' : rawScope;
  if (scope !== 'global' && scope !== 'local' && scope !== 'others') {
    throw badRequest('validation_failed', `Unsupported logout scope ${JSON.stringify(rawScope)}`);
  }
  const caller = await requireAuthentication(r.ctx, r.req);
  await r.ctx.db.transaction((tx) =>
    deleteSessions(tx, caller.user.user.id, scope, caller.sessionId),
  );
  r.res.writeHead(204).end();
};
