// The PostgREST-compatible REST service (/rest/v1): JWT → request → plan → query →
// transaction → response, the stages of PostgREST's App.hs, each timed for Server-Timing.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServiceFactory, StackContext } from '../context';
import { BodyTooLargeError, readBody } from '../http';
import { JwtError, type JwtClaims } from '../jwt';
import { verifiedClaims } from './jwt-cache';
import { ApiError, fromPgError, isPgError, type ErrorBody } from './errors';
import { parseRequest, type ApiRequest } from './request';
import { plan as makePlan } from './plan';
import { buildStatement } from './query';
import { runInTransaction } from './transaction';
import { buildReply, send } from './response';
import { loadSchemaCache, type SchemaCache } from './schema-cache';
import { ident } from './sql';
import { PlanCache } from './plan-cache';

const BODY_LIMIT = 10 * 1024 * 1024;

type Auth = { role: string; claims: JwtClaims };

function authenticate(req: IncomingMessage, secret: string, cache: SchemaCache): Auth {
  const header = req.headers.authorization;
  if (header === undefined) return { role: 'anon', claims: {} };
  const m = /^bearer\s*(.*)$/i.exec(header.trim());
  if (!m) return { role: 'anon', claims: {} };
  const token = (m[1] ?? '').trim();
  const invalid = (message: string, code = 'PGRST301') =>
    new ApiError(401, code, message, null, null, {
      'WWW-Authenticate': `Bearer error="invalid_token", error_description="${message}"`,
    });
  if (token === '') throw invalid('Empty JWT is sent in Authorization header');
  let claims: JwtClaims;
  try {
    claims = verifiedClaims(token, secret);
  } catch (error) {
    if (error instanceof JwtError)
      throw invalid(error.message, error.kind === 'expired' ? 'PGRST303' : 'PGRST301');
    throw error;
  }
  const role = typeof claims.role === 'string' && claims.role !== '' ? claims.role : 'anon';
  // The stack connects as a superuser, which could become any role: only the roles
  // PostgREST's authenticator may switch to are allowed, as on Supabase.
  if (!cache.roles.has(role)) {
    // What Postgres would answer PostgREST's SET ROLE: an unknown role (→ 401), or one the
    // authenticator is not a member of (→ 403).
    if (cache.otherRoles.has(role))
      throw new ApiError(403, '42501', `permission denied to set role "${role}"`);
    throw new ApiError(401, '22023', `role "${role}" does not exist`, null, null, {
      'WWW-Authenticate': 'Bearer',
    });
  }
  return { role, claims };
}

function headersJson(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

export const createRestService: ServiceFactory = async (ctx: StackContext) => {
  const schemas = ctx.config.api.schemas;
  let cache = await loadSchemaCache(ctx.db, schemas);
  const plans = new PlanCache();
  let reloading: Promise<void> | undefined;
  let reloadAgain = false;
  // One reload at a time; a NOTIFY arriving meanwhile triggers one more, so a change made
  // while the catalog was being read is never missed.
  const reload = async (): Promise<void> => {
    if (reloading) {
      reloadAgain = true;
      return reloading;
    }
    reloading = loadSchemaCache(ctx.db, schemas)
      .then((c) => {
        cache = c;
        plans.clear();
      })
      .finally(() => {
        reloading = undefined;
        if (reloadAgain) {
          reloadAgain = false;
          reload().catch((e: unknown) => ctx.log(`rest: schema reload failed: ${String(e)}`));
        }
      });
    return reloading;
  };
  // PostgREST reloads its schema cache on NOTIFY pgrst, 'reload schema' (or an empty payload).
  const unlisten = await ctx.db.listen('pgrst', (payload) => {
    if (payload === '' || payload === 'reload schema') {
      reload().catch((e: unknown) => ctx.log(`rest: schema reload failed: ${String(e)}`));
    }
  });
  const searchPathTail = ctx.config.api.extraSearchPath;

  async function handle(req: IncomingMessage, res: ServerResponse, path: string, url: URL) {
    const t0 = performance.now();
    const marks: [string, number][] = [];
    let last = t0;
    const mark = (name: string) => {
      const now = performance.now();
      marks.push([name, now - last]);
      last = now;
    };
    const timing = () => marks.map(([n, d]) => `${n};dur=${d.toFixed(1)}`).join(', ');
    let auth: Auth | undefined;
    const head = req.method === 'HEAD';
    try {
      auth = authenticate(req, ctx.config.auth.jwtSecret, cache);
      mark('jwt');
      let body: Buffer | undefined;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        try {
          body = await readBody(req, BODY_LIMIT);
        } catch (error) {
          if (error instanceof BodyTooLargeError)
            throw new ApiError(413, 'PGRST102', 'Request body is too large');
          // An aborted or malformed upload is the client's problem, not a server error.
          throw new ApiError(400, 'PGRST102', 'Could not read the request body');
        }
      }
      const cacheKey = plans.key(req, url);
      let planned = cacheKey === undefined ? undefined : plans.get(cacheKey);
      if (planned) mark('parse');
      else {
        const request: ApiRequest = parseRequest({
          method: req.method ?? 'GET',
          path,
          query: url.searchParams,
          headers: req.headers,
          body,
          schemas,
        });
        mark('parse');
        const plan = makePlan(request, cache, ctx.config.api.maxRows);
        planned = { request, plan, statement: buildStatement(plan, request) };
        if (cacheKey !== undefined) plans.set(cacheKey, planned);
      }
      const { request, plan, statement } = planned;
      mark('plan');
      const readOnly =
        plan.kind === 'read' &&
        (request.method === 'GET' || request.method === 'HEAD') &&
        plan.source.kind === 'routine' &&
        plan.source.routine.volatility === 'v';
      const result = await runInTransaction(
        ctx.db,
        {
          role: auth.role,
          claims: auth.claims,
          method: request.method,
          path,
          headers: headersJson(req),
          // PostgREST's search_path: the request's schema, then db-extra-search-path, once each.
          searchPath: [...new Set([request.schema, ...searchPathTail])].map(ident).join(', '),
        },
        statement,
        {
          rollback: request.prefer.tx === 'rollback',
          maxAffected:
            request.prefer.handling === 'strict' &&
            (plan.kind === 'update' || plan.kind === 'delete')
              ? request.prefer.maxAffected
              : undefined,
          readOnly,
          exactlyOne:
            request.accept.type === 'object' &&
            statement.shape === 'rows' &&
            (plan.kind === 'read' || request.prefer.return === 'representation'),
        },
      );
      mark('transaction');
      const offset = plan.kind === 'read' ? offsetOf(request, plan.read.offset) : 0;
      const reply = buildReply(request, plan, statement, result, offset, schemas);
      mark('response');
      reply.headers['Server-Timing'] = timing();
      send(res, reply, head);
    } catch (error) {
      let status: number;
      let payload: ErrorBody;
      let headers: Record<string, string> = {};
      if (error instanceof ApiError) {
        status = error.status;
        payload = error.body();
        headers = error.headers;
      } else if (isPgError(error)) {
        const mapped = fromPgError(error, auth !== undefined && auth.role !== 'anon');
        status = mapped.status;
        payload = mapped.body;
        headers = mapped.headers;
      } else {
        // A bug, not the client's fault: log it, never echo SQL or a stack to the client.
        ctx.log(
          `rest: unexpected error on ${req.method} ${path}: ${(error as Error)?.stack ?? String(error)}`,
        );
        status = 500;
        payload = { code: 'PGRSTX00', message: 'Internal server error', details: null, hint: null };
      }
      const text = JSON.stringify(payload);
      res.writeHead(status, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': String(Buffer.byteLength(text)),
        'Proxy-Status': `PostgREST; error=${payload.code}`,
        ...headers,
      });
      res.end(head ? undefined : text);
    }
  }

  return {
    prefix: '/rest/v1',
    requiresApiKey: true,
    handle,
    reload,
    async close() {
      await unlisten();
    },
  };
};

function offsetOf(request: ApiRequest, queryOffset: number | undefined): number {
  if (queryOffset !== undefined) return queryOffset + (request.headerRange?.from ?? 0);
  return request.headerRange?.from ?? 0;
}
