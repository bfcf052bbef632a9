// One error shape for the whole app: PostgREST, GoTrue and Storage errors (and network
// failures) become an AppError with a stable code and a sentence a workshop person understands.
// Modelled on refine's Supabase provider (utils/handleError.ts), which does the same job.
import { isAuthError } from '@supabase/supabase-js';

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    /** Stable code: GoTrue's error_code, PostgREST's PGRSTxxx, a SQLSTATE, or one of ours. */
    readonly code: string,
    /** Plain sentence for people; safe to show as is. */
    message: string,
    /** HTTP status when the server answered, 0 when it could not be reached. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const UNREACHABLE = "Can't reach the server. Check your connection and try again.";
const UNKNOWN = 'Something went wrong. Try again, and tell a manager if it keeps happening.';

/** GoTrue error_code → sentence. Codes from supabase/auth internal/api/apierrors/errorcode.go. */
const authMessages: Record<string, string> = {
  invalid_credentials: 'Email or password is wrong.',
  email_not_confirmed: 'This email address has not been confirmed yet. Ask a manager.',
  user_banned: 'This account is suspended. Ask a manager.',
  user_not_found: 'There is no account with this email.',
  over_request_rate_limit: 'Too many attempts. Wait a few minutes, then try again.',
  over_email_send_rate_limit: 'Too many attempts. Wait a few minutes, then try again.',
  session_expired: 'Your session has expired. Sign in again.',
  session_not_found: 'Your session has expired. Sign in again.',
  refresh_token_not_found: 'Your session has expired. Sign in again.',
  refresh_token_already_used: 'Your session has expired. Sign in again.',
  bad_jwt: 'Your session has expired. Sign in again.',
  signup_disabled: 'New accounts are created by a manager.',
  weak_password: 'Choose a longer password.',
};

/** PostgREST / SQLSTATE codes whose server message is technical → sentence. */
const restMessages: Record<string, string> = {
  PGRST116: 'That record was not found, or you cannot see it.',
  PGRST301: 'Your session has expired. Sign in again.',
  PGRST303: 'Your session has expired. Sign in again.',
  '42501': "You don't have permission to do that.",
  '23505': 'That already exists.',
  '23503': 'That refers to something that no longer exists.',
  '23514': 'That value is not allowed here.',
  '23502': 'A required value is missing.',
  '22P02': 'A value has the wrong format.',
  '40001': 'Someone else changed this at the same moment. Reload and try again.',
  '57014': 'The server took too long to answer. Try again.',
};

/** Postgres's own SQLSTATE classes (Appendix A); anything else was raised by the project. */
const postgresClasses = new Set(
  '00 01 02 03 08 09 0A 0B 0F 0L 0P 0Z 20 21 22 23 24 25 26 27 28 2B 2D 2F 34 38 39 3B 3D 3F 40 42 44 53 54 55 57 58 72 F0 HV P0 XX'.split(
    ' ',
  ),
);

type Shaped = { code?: unknown; message?: unknown; status?: unknown; statusCode?: unknown };

function isRecord(value: unknown): value is Shaped {
  return typeof value === 'object' && value !== null;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** True for fetch's own failure messages ("Failed to fetch", "fetch failed", "NetworkError…"). */
function isNetworkMessage(message: string | undefined): boolean {
  return (
    !!message && /failed to fetch|fetch failed|networkerror|network request failed/i.test(message)
  );
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;

  if (isAuthError(error)) {
    const status = error.status ?? 0;
    // AuthRetryableFetchError: the request never got an HTTP answer.
    if (error.name === 'AuthRetryableFetchError' || status === 0) {
      return new AppError('network', UNREACHABLE, 0, { cause: error });
    }
    // Older GoTrue versions send no error_code with a wrong password.
    const code =
      error.code ?? (/invalid login credentials/i.test(error.message) ? 'invalid_credentials' : '');
    if (status === 429) {
      return new AppError(
        code || 'over_request_rate_limit',
        authMessages.over_request_rate_limit!,
        status,
        { cause: error },
      );
    }
    return new AppError(code || 'auth_error', authMessages[code] ?? UNKNOWN, status, {
      cause: error,
    });
  }

  if (!isRecord(error)) return new AppError('unknown', UNKNOWN, undefined, { cause: error });

  const message = text(error.message);
  const name = (error as { name?: unknown }).name;

  // Storage errors: storage-js puts the HTTP status in `status` and Storage's own code
  // ("EntityTooLarge") in `statusCode`; older versions put the status, as text, in `statusCode`.
  if (name === 'StorageApiError' || name === 'StorageError' || name === 'StorageUnknownError') {
    const statusCode = text(error.statusCode);
    const status = Number(error.status) || Number(statusCode) || undefined;
    if (name === 'StorageUnknownError' || isNetworkMessage(message)) {
      return new AppError('network', UNREACHABLE, 0, { cause: error });
    }
    const code =
      statusCode && !/^\d+$/.test(statusCode) ? statusCode : `storage_${status ?? 'error'}`;
    if (status === 413)
      return new AppError(code, 'The file is too large.', status, { cause: error });
    if (status === 404)
      return new AppError(code, 'That file was not found.', status, { cause: error });
    if (status === 403 || status === 401) {
      return new AppError(code, "You don't have permission to do that.", status, { cause: error });
    }
    if (status === 409)
      return new AppError(code, 'A file with that name already exists.', status, { cause: error });
    return new AppError(code, message ?? UNKNOWN, status, { cause: error });
  }

  // PostgrestError: { code, message, details, hint }. postgrest-js reports a failed fetch as an
  // error with an empty code and the TypeError's text.
  const code = text(error.code);
  if (code === undefined || code === '') {
    if (isNetworkMessage(message)) return new AppError('network', UNREACHABLE, 0, { cause: error });
    return new AppError('unknown', UNKNOWN, undefined, { cause: error });
  }
  const mapped = restMessages[code];
  if (mapped) return new AppError(code, mapped, undefined, { cause: error });
  // RAISE in a function (class P0) and the project's own SQLSTATEs carry a sentence written for
  // people (CONVENTIONS: "each refusal raises a stable code plus a sentence"): show it as is.
  // Postgres's standard classes and PostgREST's PGRSTxxx describe SQL, which people never see.
  const standardClass = postgresClasses.has(code.slice(0, 2)) || code.startsWith('PGRST');
  if (code.startsWith('P0') || !standardClass) {
    return new AppError(code, message ?? UNKNOWN, undefined, { cause: error });
  }
  return new AppError(code, UNKNOWN, undefined, { cause: error });
}
