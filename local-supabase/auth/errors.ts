// Auth errors and how they go on the wire, as GoTrue's internal/api/errors.go sends them: the
// error body depends on the `X-Supabase-Api-Version` the client asks for, and nothing internal
// (SQL, stack traces) ever reaches the client.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http';

/** GoTrue's apierrors.HTTPError: an HTTP status, a stable error code and a sentence. */
export class AuthHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra body fields, e.g. `weak_password: {reasons}`. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** GoTrue's apierrors.OAuthError, still used by the refresh grant for a missing token. */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

export const badRequest = (code: string, message: string) => new AuthHttpError(400, code, message);
export const forbidden = (code: string, message: string) => new AuthHttpError(403, code, message);
export const notFound = (code: string, message: string) => new AuthHttpError(404, code, message);
export const unprocessable = (code: string, message: string) =>
  new AuthHttpError(422, code, message);

/** GoTrue's only named API version; a date on or after it selects the newer error shape. */
const API_VERSION_2024 = '2024-01-01';

/** DetermineClosestAPIVersion: a YYYY-MM-DD date ≥ 2024-01-01 → 2024-01-01, else the initial. */
export function apiVersion(req: IncomingMessage): '2024-01-01' | undefined {
  const raw = req.headers['x-supabase-api-version'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const parsed = Date.parse(value + 'T00:00:00Z');
  if (Number.isNaN(parsed)) return undefined;
  return parsed >= Date.parse(API_VERSION_2024 + 'T00:00:00Z') ? API_VERSION_2024 : undefined;
}

/**
 * Writes an error as GoTrue's HandleResponseError does: `{code, message}` for clients speaking
 * API version 2024-01-01 (auth-js does), the legacy `{code: <status>, error_code, msg}`
 * otherwise, `{error, error_description}` for OAuth errors; anything unexpected is logged and
 * answered with a plain 500.
 */
export function sendAuthError(
  req: IncomingMessage,
  res: ServerResponse,
  error: unknown,
  log: (line: string) => void,
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const version = apiVersion(req);
  const headers: Record<string, string> = {};
  if (version) headers['X-Supabase-Api-Version'] = version;
  if (error instanceof OAuthError) {
    sendJson(res, 400, { error: error.error, error_description: error.description }, headers);
    return;
  }
  let httpError: AuthHttpError;
  if (error instanceof AuthHttpError) {
    httpError = error;
  } else {
    log(
      `auth: unexpected failure on ${req.method} ${req.url}: ${(error as Error)?.stack ?? error}`,
    );
    httpError = new AuthHttpError(
      500,
      'unexpected_failure',
      'Unexpected failure, please check server logs for more information',
    );
  }
  headers['x-sb-error-code'] = httpError.code;
  const body = version
    ? { code: httpError.code, message: httpError.message, ...httpError.extra }
    : {
        code: httpError.status,
        error_code: httpError.code,
        msg: httpError.message,
        ...httpError.extra,
      };
  sendJson(res, httpError.status, body, headers);
}
