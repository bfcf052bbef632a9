// Shared pieces of the REST conformance specs (tests/stack/rest-*.spec.ts): the fixture's two
// users and their tokens (signed as GoTrue signs them), raw HTTP to /rest/v1 for what
// supabase-js cannot send, and the check that an error has PostgREST's JSON shape.
import { request as httpRequest } from 'node:http';
import { expect } from 'vitest';
import { signJwt } from '../../../local-supabase/jwt';
import type { StackTarget } from '../global-setup';

/** The two users whose notes ../fixtures/seed.sql holds (public.notes, RLS by owner_id). */
export const USER_A = { id: '11111111-1111-4111-8111-111111111111', email: 'alpha@example.test' };
export const USER_B = { id: '22222222-2222-4222-8222-222222222222', email: 'bravo@example.test' };

type TokenOptions = {
  /** Seconds from now; negative for an already expired token. */
  expiresIn?: number;
  secret?: string;
  role?: string;
  claims?: Record<string, unknown>;
};

/** An access token with the claims GoTrue puts in one (sub, role, aud, exp, iat, email). */
export function userToken(
  t: StackTarget,
  user: { id: string; email: string },
  options: TokenOptions = {},
): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    {
      sub: user.id,
      role: options.role ?? 'authenticated',
      aud: 'authenticated',
      email: user.email,
      iat: now,
      exp: now + (options.expiresIn ?? 3600),
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: {},
      ...options.claims,
    },
    options.secret ?? t.jwtSecret,
  );
}

let counter = 0;
/** A name no other test (or parallel spec file) uses. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

export type RawResponse = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
};

export type RawRequest = {
  method?: string;
  /** Path and query after /rest/v1, already percent-encoded as it should go on the wire. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Bearer token; default the anon key (what supabase-js sends when signed out). */
  token?: string | null;
};

/**
 * One request over node:http, not fetch: the path goes on the wire exactly as given (no `..`
 * normalisation, any method), so hostile specs can send what a hand-written client would.
 */
export function rawRest(t: StackTarget, req: RawRequest): Promise<RawResponse> {
  const url = new URL(t.url);
  const headers: Record<string, string> = { apikey: t.anonKey, ...req.headers };
  const token = req.token === undefined ? t.anonKey : req.token;
  if (token !== null && !('Authorization' in headers)) headers.Authorization = `Bearer ${token}`;
  if (req.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(req.body));
  return new Promise((resolve, reject) => {
    const r = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: req.method ?? 'GET',
        path: '/rest/v1' + req.path,
        headers,
        // A fresh connection each time: a server that closes after an error must not break
        // the next request of the corpus.
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}

/** fetch() with the stack's API key, for headers supabase-js does not expose. */
export function restFetch(
  t: StackTarget,
  path: string,
  init: RequestInit & { token?: string } = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('apikey', t.anonKey);
  if (!headers.has('Authorization'))
    headers.set('Authorization', `Bearer ${init.token ?? t.anonKey}`);
  return fetch(t.url + '/rest/v1' + path, { ...init, headers });
}

export type PgrstErrorBody = {
  code: string;
  message: string;
  details: unknown;
  hint: unknown;
};

/** PostgREST's error JSON: exactly code, message, details and hint (the last two may be null). */
export function isPgrstError(body: unknown): body is PgrstErrorBody {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
  const b = body as Record<string, unknown>;
  return (
    typeof b.code === 'string' &&
    typeof b.message === 'string' &&
    'details' in b &&
    'hint' in b &&
    (b.details === null || typeof b.details === 'string' || typeof b.details === 'object') &&
    (b.hint === null || typeof b.hint === 'string')
  );
}

export function expectPgrstError(body: unknown, code?: string): PgrstErrorBody {
  expect(isPgrstError(body), `not a PostgREST error body: ${JSON.stringify(body)}`).toBe(true);
  const error = body as PgrstErrorBody;
  if (code !== undefined) expect(error.code).toBe(code);
  return error;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
