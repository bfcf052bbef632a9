// The one upload pipeline every way in shares (POST/PUT, signed upload URL, TUS completion),
// in Supabase Storage's order (src/storage/uploader.ts): check the bucket, the size and the
// mime type; test the insert (or upsert) against RLS before reading a byte; stream to a
// temporary file under the size cap; rename into place; write the row as the caller; remove
// the replaced version's file only after the row has committed.
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import type { StackContext } from '../context';
import type { Identity } from './auth';
import {
  asIdentity,
  findBucketAsSuperUser,
  lockCurrentVersion,
  testPermission,
  writeObjectRow,
  type Bucket,
} from './db';
import { ERRORS } from './errors';
import type { FileStore } from './files';
import { mustBeValidBucketName, mustBeValidKey } from './keys';
import { multipartBoundary, readMultipartFile } from './multipart';

export type UploadSource = {
  stream: Readable;
  mimeType: string;
  cacheControl: string;
  userMetadata: Record<string, unknown> | undefined;
  /** Bytes the client declared (raw bodies), checked against the limit before reading. */
  declaredLength: number | undefined;
};

/** The request body as a stream that errors when the client goes away mid-body (a plain
 * pipe would just stop) and that can be abandoned without destroying the socket, so an
 * error response can still be written. */
export function requestBody(req: IncomingMessage): Readable {
  const pass = new PassThrough();
  req.pipe(pass);
  req.once('error', (error) => pass.destroy(error));
  req.once('close', () => {
    if (!req.complete) pass.destroy(new Error('client aborted the upload'));
  });
  return pass;
}

function cacheControlFromSeconds(value: string | undefined): string {
  // Supabase: a number of seconds becomes max-age, anything else no-cache.
  return value && /^-?\d+$/.test(value) ? `max-age=${value}` : 'no-cache';
}

function parseUserMetadata(json: string | undefined): Record<string, unknown> | undefined {
  if (!json) return undefined;
  try {
    const value: unknown = JSON.parse(json);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // fall through
  }
  throw ERRORS.InvalidParameter('metadata', 'Invalid metadata');
}

/** Reads what storage-js sends: FormData (cacheControl, metadata, the file) for Blobs, or a
 * raw body with content-type, cache-control and base64 x-metadata headers for Buffers and
 * streams. */
export async function readUploadSource(req: IncomingMessage): Promise<UploadSource> {
  const contentType = req.headers['content-type'] ?? '';
  const boundary = contentType.toLowerCase().startsWith('multipart/form-data')
    ? multipartBoundary(contentType)
    : undefined;
  if (boundary) {
    const form = await readMultipartFile(req, boundary);
    return {
      stream: form.stream,
      mimeType: form.fields.contentType || form.mimeType,
      cacheControl: cacheControlFromSeconds(form.fields.cacheControl),
      userMetadata: parseUserMetadata(form.fields.metadata),
      declaredLength: undefined,
    };
  }
  const xMetadata = req.headers['x-metadata'];
  const declared = Number(req.headers['content-length']);
  return {
    stream: requestBody(req),
    mimeType: contentType || 'text/plain;charset=UTF-8',
    cacheControl:
      typeof req.headers['cache-control'] === 'string' ? req.headers['cache-control'] : 'no-cache',
    userMetadata:
      typeof xMetadata === 'string'
        ? parseUserMetadata(Buffer.from(xMetadata, 'base64').toString('utf8'))
        : undefined,
    declaredLength: Number.isFinite(declared) && declared >= 0 ? declared : undefined,
  };
}

/** The effective cap: the smaller of the bucket's limit and config.toml's file_size_limit. */
export function uploadLimit(ctx: StackContext, bucket: Bucket): number {
  const global = ctx.config.storage.fileSizeLimit;
  return bucket.file_size_limit ? Math.min(Number(bucket.file_size_limit), global) : global;
}

/** Supabase's validateMimeType: `type/sub` against the list, `type/*` wildcards allowed;
 * parameters (`;charset=…`) are not part of the type. */
export function validateMimeType(mimeType: string, allowed: string[] | null): void {
  if (!allowed || allowed.length === 0) return;
  const [type, sub] = (mimeType.split(';')[0] ?? '').trim().toLowerCase().split('/');
  if (!type || !sub) throw ERRORS.InvalidMimeType(mimeType);
  for (const entry of allowed) {
    const [aType, aSub] = entry.trim().toLowerCase().split('/');
    if (aType === type && (aSub === '*' || aSub === sub)) return;
  }
  throw ERRORS.InvalidMimeType(mimeType);
}

export type UploadTarget = {
  bucketId: string;
  key: string;
  upsert: boolean;
  /** Whose rights the row is written with. */
  identity: Identity;
  /** Recorded as owner/owner_id (a signed upload URL carries its signer's). */
  owner: string | undefined;
};

/** Checks that can fail before any byte is read: bucket, key, limits, mime type, RLS. */
export async function prepareUpload(
  ctx: StackContext,
  target: UploadTarget,
  meta: {
    /** undefined when not known yet (signing an upload URL): checked at upload time. */
    mimeType: string | undefined;
    contentLength: number | undefined;
    userMetadata?: Record<string, unknown>;
  },
): Promise<{ bucket: Bucket; limit: number }> {
  mustBeValidBucketName(target.bucketId);
  mustBeValidKey(target.key);
  const bucket = await findBucketAsSuperUser(ctx, target.bucketId);
  const limit = uploadLimit(ctx, bucket);
  if (meta.contentLength !== undefined && meta.contentLength > limit) throw ERRORS.EntityTooLarge();
  if (meta.mimeType !== undefined) validateMimeType(meta.mimeType, bucket.allowed_mime_types);
  await testPermission(ctx, target.identity, (tx) =>
    writeObjectRow(
      tx,
      {
        bucketId: target.bucketId,
        name: target.key,
        owner: target.owner,
        version: '1',
        metadata: { mimetype: meta.mimeType, contentLength: meta.contentLength },
        userMetadata: meta.userMetadata,
      },
      target.upsert,
    ),
  );
  return { bucket, limit };
}

export type CompletedUpload = { id: string; key: string; version: string };

/**
 * Puts a finished temporary file in place and records it. The row is written as the caller,
 * so RLS has the last word even if policies changed while the bytes streamed; if it refuses,
 * or another upload won the path meanwhile (409), the new file is removed again.
 */
export async function completeUpload(
  ctx: StackContext,
  store: FileStore,
  target: UploadTarget,
  file: { tmpPath: string; size: number; eTag: string; mimeType: string; cacheControl: string },
  userMetadata: Record<string, unknown> | undefined,
): Promise<CompletedUpload> {
  const version = randomUUID();
  await store.commit(file.tmpPath, target.bucketId, target.key, version);
  let replaced: string | undefined;
  let id: string;
  try {
    id = await asIdentity(
      ctx,
      target.identity,
      (tx) =>
        writeObjectRow(
          tx,
          {
            bucketId: target.bucketId,
            name: target.key,
            owner: target.owner,
            version,
            metadata: {
              eTag: file.eTag,
              size: file.size,
              mimetype: file.mimeType,
              cacheControl: file.cacheControl,
              lastModified: new Date().toISOString(),
              contentLength: file.size,
              httpStatusCode: 200,
            },
            userMetadata,
          },
          target.upsert,
        ),
      async (tx) => {
        replaced = await lockCurrentVersion(tx, target.bucketId, target.key);
      },
    );
  } catch (error) {
    await store.removeVersion(target.bucketId, target.key, version);
    throw error;
  }
  if (replaced && replaced !== version) {
    await store.removeVersion(target.bucketId, target.key, replaced).catch(() => undefined);
  }
  return { id, key: `${target.bucketId}/${target.key}`, version };
}

/** A whole single-request upload: prepare, stream under the cap, complete. */
export async function uploadFromRequest(
  ctx: StackContext,
  store: FileStore,
  req: IncomingMessage,
  target: UploadTarget,
): Promise<CompletedUpload> {
  const source = await readUploadSource(req);
  try {
    const { limit } = await prepareUpload(ctx, target, {
      mimeType: source.mimeType,
      contentLength: source.declaredLength,
      userMetadata: source.userMetadata,
    });
    const written = await store.writeTemp(source.stream, limit);
    return await completeUpload(
      ctx,
      store,
      target,
      { ...written, mimeType: source.mimeType, cacheControl: source.cacheControl },
      source.userMetadata,
    );
  } catch (error) {
    // Stop consuming the body; the route answers and closes the connection.
    source.stream.destroy();
    throw error;
  }
}
