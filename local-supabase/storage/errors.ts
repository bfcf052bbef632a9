// Supabase Storage's errors: the codes and sentences of supabase/storage
// (src/internal/errors/codes.ts), its JSON shape, its HTTP status rule, and the one place
// where Postgres error codes become storage errors (its storage/database/errors.ts).
import type { ServerResponse } from 'node:http';
import { sendJson } from '../http';

export class StorageError extends Error {
  constructor(
    /** Supabase's ErrorCode, e.g. NoSuchKey. */
    readonly code: string,
    /** The semantic status, rendered as the string `statusCode` in the body. */
    readonly httpStatusCode: number,
    message: string,
    /** The backwards-compatible `error` field (falls back to `code`). */
    readonly error?: string,
  ) {
    super(message);
  }

  /**
   * Supabase's REST error handler answers HTTP 400 for every non-500 error and carries the
   * real status as a string in the body (error-handler.ts: userStatusCode); storage-js reads
   * `statusCode` from the body. Only a few errors keep their own status (403 for a bad role).
   */
  userStatus(): number {
    return this.httpStatusCode >= 500 ? 500 : (this.statusOverride ?? 400);
  }

  statusOverride: number | undefined;

  withStatus(status: number): this {
    this.statusOverride = status;
    return this;
  }

  body() {
    return {
      statusCode: String(this.httpStatusCode),
      code: this.code,
      error: this.error ?? this.code,
      message: this.message,
    };
  }
}

const e = (code: string, status: number, message: string, error?: string) =>
  new StorageError(code, status, message, error);

export const ERRORS = {
  NoSuchBucket: () => e('NoSuchBucket', 404, 'Bucket not found', 'Bucket not found'),
  NoSuchKey: () => e('NoSuchKey', 404, 'Object not found', 'not_found'),
  NoSuchUpload: () => e('NoSuchUpload', 404, 'Upload not found'),
  MissingParameter: (name: string) =>
    e('MissingParameter', 400, `Missing Required Parameter ${name}`),
  InvalidParameter: (name: string, message?: string) =>
    e('InvalidParameter', 400, message ?? `Invalid Parameter ${name}`),
  InvalidRequest: (message: string) => e('InvalidRequest', 400, message || 'Invalid Request'),
  InvalidJWT: (message?: string) => e('InvalidJWT', 400, message || 'Invalid JWT'),
  AccessDenied: (message?: string) =>
    e('AccessDenied', 403, message || 'Access denied', 'Unauthorized'),
  ResourceAlreadyExists: () =>
    e('ResourceAlreadyExists', 409, 'The resource already exists', 'Duplicate'),
  KeyAlreadyExists: () => e('KeyAlreadyExists', 409, 'The resource already exists', 'Duplicate'),
  BucketAlreadyExists: () =>
    e('BucketAlreadyExists', 409, 'The resource already exists', 'Duplicate'),
  BucketNotEmpty: () => e('ResourceNotEmpty', 409, 'The bucket you tried to delete is not empty'),
  InvalidSignature: (message?: string) =>
    e('InvalidSignature', 400, message || 'Invalid signature'),
  InvalidUploadSignature: (message?: string) =>
    e('InvalidUploadSignature', 400, message || 'Invalid upload Signature'),
  InvalidMimeType: (mimeType: string) =>
    e('InvalidMimeType', 415, `mime type ${mimeType} is not supported`, 'invalid_mime_type'),
  EntityTooLarge: () =>
    e('EntityTooLarge', 413, 'The object exceeded the maximum allowed size', 'Payload too large'),
  InvalidBucketName: () => e('InvalidBucketName', 400, 'Bucket name invalid', 'Invalid Input'),
  InvalidKey: (key: string) => e('InvalidKey', 400, `Invalid key: ${key}`),
  InvalidRange: () => e('InvalidRange', 400, 'invalid range provided', 'invalid_range'),
  NoContentProvided: () => e('InvalidRequest', 400, 'No content provided'),
  ResourceLocked: () => e('ResourceLocked', 423, 'The resource is locked'),
  UploadInProgress: () =>
    e('ResourceLocked', 409, 'Another upload to this object is in progress', 'Conflict'),
  InvalidUploadId: (message?: string) => e('InvalidUploadId', 400, message || 'Invalid upload id'),
  InternalError: () => e('InternalError', 500, 'Internal server error'),
  RouteNotFound: (method: string, path: string) =>
    e('NotFound', 404, `Route ${method}:${path} not found`, 'Not Found'),
};

type PgLikeError = { code?: unknown; message?: unknown };

function isPgError(error: unknown): error is PgLikeError & { code: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as PgLikeError).code === 'string' &&
    /^[0-9A-Z]{5}$/.test((error as PgLikeError).code as string)
  );
}

/**
 * Postgres errors → storage errors, as supabase/storage's DBError.fromDBError maps them. The
 * client never sees SQL text: an unknown code becomes a plain database error.
 */
export function fromDbError(error: unknown): StorageError | undefined {
  if (!isPgError(error)) return undefined;
  const message = typeof error.message === 'string' ? error.message : '';
  switch (error.code) {
    case '42501':
      return ERRORS.AccessDenied(
        message.includes('row-level security')
          ? 'new row violates row-level security policy'
          : 'permission denied',
      );
    case '23505':
      return ERRORS.ResourceAlreadyExists();
    case '23503':
      return e(
        'RelatedResourceNotFound',
        404,
        'The related resource does not exist',
        'Related resource not found',
      );
    case '55P03':
      return ERRORS.ResourceLocked();
    case '57014':
      return e('DatabaseTimeout', 544, 'The connection to the database timed out');
    case '22P02':
      return ERRORS.InvalidParameter('value', 'Invalid value format or type conversion failed');
    default:
      return e('DatabaseError', 500, `database error, code: ${error.code}`);
  }
}

/** Any thrown value → the StorageError the client sees (unknown errors are 500s, logged). */
export function toStorageError(error: unknown, log?: (line: string) => void): StorageError {
  if (error instanceof StorageError) return error;
  const mapped = fromDbError(error);
  if (mapped) {
    if (mapped.httpStatusCode >= 500) log?.(`storage database error: ${String(error)}`);
    return mapped;
  }
  log?.(`storage internal error: ${(error as Error)?.stack ?? String(error)}`);
  return ERRORS.InternalError();
}

export function sendStorageError(res: ServerResponse, error: StorageError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, error.userStatus(), error.body());
}
