// PostgREST's error responses: its own PGRSTxxx errors and Postgres errors mapped to HTTP
// statuses in one place, group by group as PostgREST's src/PostgREST/Error.hs does.

export type ErrorBody = {
  code: string;
  message: string;
  details: string | null | unknown[];
  hint: string | null;
};

/** An error PostgREST itself raises (request, schema cache or JWT stage). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: string | null | unknown[] = null,
    readonly hint: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): ErrorBody {
    return { code: this.code, message: this.message, details: this.details, hint: this.hint };
  }
}

/** PGRST100: the query string could not be parsed. */
export const queryParamError = (message: string, details: string | null = null) =>
  new ApiError(400, 'PGRST100', message, details);

/** PGRST102: the body is not what the request needs. */
export const invalidBody = (message: string) => new ApiError(400, 'PGRST102', message);

/** The fields of a Postgres error both drivers (pg and PGlite) expose. */
type PgLikeError = { code?: unknown; message?: unknown; detail?: unknown; hint?: unknown };

export function isPgError(error: unknown): error is PgLikeError & { code: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as PgLikeError).code === 'string' &&
    /^[0-9A-Z]{5}$/.test((error as PgLikeError).code as string)
  );
}

/** The HTTP status PostgREST answers for a SQLSTATE (Error.hs, mapSQLtoHTTP). */
export function statusForSqlState(code: string, message: string, authenticated: boolean): number {
  if (code.startsWith('PT')) {
    const n = Number(code.slice(2));
    return Number.isInteger(n) && n >= 100 && n <= 599 ? n : 500;
  }
  switch (code) {
    case '23503':
    case '23505':
      return 409;
    case '25006':
      return 405;
    case '21000':
      return message.endsWith('requires a WHERE clause') ? 400 : 500;
    case '22023':
      return message.startsWith('role') && message.endsWith('does not exist') ? 401 : 400;
    case '53400':
      return 500;
    case '57P01':
      return 503;
    case 'P0001':
      return 400;
    case '42883':
      return 404;
    case '42P01':
      return 404;
    case '42P17':
      return 500;
    case '42501':
      return authenticated ? 403 : 401;
  }
  const byClass: Record<string, number> = {
    '08': 503,
    '09': 500,
    '0L': 403,
    '0P': 403,
    '25': 500,
    '28': 403,
    '2D': 500,
    '38': 500,
    '39': 500,
    '3B': 500,
    '40': 500,
    '53': 503,
    '54': 500,
    '55': 500,
    '57': 500,
    '58': 500,
    F0: 500,
    HV: 500,
    P0: 500,
    XX: 500,
  };
  return byClass[code.slice(0, 2)] ?? 400;
}

/**
 * A Postgres error as PostgREST forwards it: code, message, detail and hint straight from the
 * server (they never contain our SQL text: Postgres reports positions, not statements).
 */
export function fromPgError(
  error: PgLikeError & { code: string },
  authenticated: boolean,
): { status: number; body: ErrorBody; headers: Record<string, string> } {
  if (error.code === 'PGRST') return fromRaisedPgrst(error);
  if (error.code === '42601') {
    // A syntax error can only come from a cast type name that is an SQL keyword (everything
    // else is quoted or bound); answer as a bad query string rather than echo the parser.
    return {
      status: 400,
      headers: {},
      body: {
        code: 'PGRST100',
        message: '"failed to parse the request"',
        details: 'a cast names no type',
        hint: null,
      },
    };
  }
  const message = typeof error.message === 'string' ? error.message : 'Database error';
  const status = statusForSqlState(error.code, message, authenticated);
  const headers: Record<string, string> = status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {};
  return {
    status,
    headers,
    body: {
      code: error.code,
      message,
      details: typeof error.detail === 'string' ? error.detail : null,
      hint: typeof error.hint === 'string' ? error.hint : null,
    },
  };
}

/**
 * `RAISE SQLSTATE 'PGRST' USING message = '{"code":…,"message":…}', detail = '{"status":…,
 * "headers":{…}}'`: full control of the response, as PostgREST allows; a malformed one is
 * PGRST121 (500), as there.
 */
function fromRaisedPgrst(error: PgLikeError): {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
} {
  const parse = (v: unknown): Record<string, unknown> | undefined => {
    try {
      const parsed: unknown = typeof v === 'string' ? JSON.parse(v) : undefined;
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : undefined;
    } catch {
      return undefined;
    }
  };
  const message = parse(error.message);
  const detail = parse(error.detail);
  const status = detail?.status;
  if (
    !message ||
    typeof message.code !== 'string' ||
    typeof message.message !== 'string' ||
    !detail ||
    typeof status !== 'number' ||
    status < 100 ||
    status > 599
  ) {
    return {
      status: 500,
      headers: {},
      body: {
        code: 'PGRST121',
        message: 'Could not parse JSON in the "RAISE SQLSTATE \'PGRST\'" error',
        details: null,
        hint: null,
      },
    };
  }
  const headers: Record<string, string> = {};
  if (detail.headers && typeof detail.headers === 'object') {
    for (const [k, v] of Object.entries(detail.headers)) if (typeof v === 'string') headers[k] = v;
  }
  return {
    status,
    headers,
    body: {
      code: message.code,
      message: message.message,
      details: typeof message.details === 'string' ? message.details : null,
      hint: typeof message.hint === 'string' ? message.hint : null,
    },
  };
}
