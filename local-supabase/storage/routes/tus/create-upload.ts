// POST /upload/resumable — TUS creation, and creation-with-upload: Upload-Length plus
// Upload-Metadata (bucketName, objectName, contentType, cacheControl, metadata), x-upsert.
// Everything that can refuse the upload (bucket, size, mime type, RLS insert/upsert, a
// concurrent upload to the path) refuses it here, before a byte is stored; 201 with the
// upload's URL otherwise.
import type { IncomingMessage } from 'node:http';
import { ERRORS } from '../../errors';
import type { RouteHandler } from '../../route';
import { prepareUpload } from '../../upload';
import { receiveChunk } from './receive-chunk';
import { TUS_EXPIRY_MS, type TusUpload } from './uploads';
import {
  checkTusResumable,
  headerInt,
  parseUploadMetadata,
  TusProtocolError,
  tusHeaders,
} from './tus-protocol';

function userMetadata(json: string | undefined): Record<string, unknown> | undefined {
  if (!json) return undefined;
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined; // Supabase logs and ignores unparsable user metadata on TUS
  }
}

/** The URL the client used (Supabase's tus generateUrl builds it from the request's host),
 * so a browser on `localhost` gets a `localhost` upload URL; the stack's own URL otherwise. */
function origin(req: IncomingMessage, fallback: string): string {
  const host = req.headers.host;
  return host && /^[A-Za-z0-9.:[\]-]+$/.test(host) ? `http://${host}` : fallback;
}

export const createUpload: RouteHandler = async ({ s, req, res, identity }) => {
  checkTusResumable(req);
  if (req.headers['upload-defer-length'] !== undefined) {
    throw new TusProtocolError(400, 'Upload-Defer-Length is not supported');
  }
  const length = headerInt(req, 'upload-length');
  if (length === undefined) {
    throw new TusProtocolError(400, 'Upload-Length or Upload-Defer-Length header required');
  }
  const meta = parseUploadMetadata(req.headers['upload-metadata'] as string | undefined);
  if (!meta.bucketName || !meta.objectName) {
    throw ERRORS.InvalidRequest('Metadata header is required');
  }
  const bucketId = meta.bucketName;
  const key = meta.objectName;
  const contentType = meta.contentType || 'application/octet-stream';
  const cacheControl = /^-?\d+$/.test(meta.cacheControl ?? '')
    ? `max-age=${meta.cacheControl}`
    : 'no-cache';
  const upsert = req.headers['x-upsert'] === 'true';
  const who = identity();
  const custom = userMetadata(meta.metadata);

  await prepareUpload(
    s.ctx,
    { bucketId, key, upsert, identity: who, owner: who.owner },
    { mimeType: contentType, contentLength: length, userMetadata: custom },
  );
  if (!s.tus.tryReservePath(bucketId, key)) throw ERRORS.UploadInProgress();
  try {
    if (await s.tus.activeFor(bucketId, key)) throw ERRORS.UploadInProgress();
    const { id, version } = s.tus.newId(bucketId, key);
    const expiresAt = Date.now() + TUS_EXPIRY_MS;
    const upload: TusUpload = {
      id,
      bucket: bucketId,
      key,
      version,
      length,
      contentType,
      cacheControl,
      userMetadata: custom,
      upsert,
      expiresAt,
      touchedAt: Date.now(),
    };
    await s.tus.create(upload);
    const headers = {
      ...tusHeaders,
      Location: `${origin(req, s.ctx.publicUrl())}/storage/v1/upload/resumable/${id}`,
      'Upload-Expires': new Date(expiresAt).toUTCString(),
    };
    // creation-with-upload: the POST carries the first chunk (or the whole file).
    const withData =
      (req.headers['content-type'] ?? '').toLowerCase() === 'application/offset+octet-stream';
    if (!withData) {
      res.writeHead(201, { ...headers, 'Content-Length': 0 }).end();
      return;
    }
    if (!s.tus.tryLock(id)) throw ERRORS.UploadInProgress();
    try {
      let result: { offset: number; complete: boolean };
      try {
        result = await receiveChunk(s, req, upload, 0, who);
      } catch (error) {
        // The client never learnt this upload's URL, so nobody could resume it: drop it
        // rather than let it hold the path.
        await s.tus.remove(id);
        throw error;
      }
      res
        .writeHead(201, {
          ...headers,
          'Upload-Offset': String(result.offset),
          ...(result.complete ? { 'Tus-Complete': '1' } : {}),
          'Content-Length': 0,
        })
        .end();
    } finally {
      s.tus.unlock(id);
    }
  } finally {
    s.tus.releasePath(bucketId, key);
  }
};
