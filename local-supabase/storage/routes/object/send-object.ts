// Writes an object's bytes (or, for HEAD, only its headers) the way Supabase's asset renderer
// does: Content-Type, Cache-Control, ETag, Last-Modified from the object's metadata, byte
// ranges (206), 304 on a matching If-None-Match, and `?download` as an attachment.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { ObjectRow } from '../../db';
import { ERRORS } from '../../errors';
import type { FileStore } from '../../files';

function parseRange(header: string, size: number): { start: number; end: number } | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) throw ERRORS.InvalidRange();
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    start = Math.max(size - suffix, 0);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start > end || start >= size) return undefined;
  return { start, end };
}

function attachmentName(download: string | null, key: string): string | undefined {
  if (download === null) return undefined;
  const name = download || key.split('/').pop() || key;
  return `attachment; filename=${encodeURIComponent(name)}; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function sendObject(
  store: FileStore,
  req: IncomingMessage,
  res: ServerResponse,
  row: ObjectRow,
  options: { download: string | null; expires?: string },
): Promise<void> {
  const meta = row.metadata ?? {};
  const size = row.version ? await store.size(row.bucket_id, row.name, row.version) : undefined;
  // A row without bytes (inserted by SQL, or files removed by hand) reads as missing.
  if (size === undefined || !row.version) throw ERRORS.NoSuchKey();
  const headers: Record<string, string | number> = {
    'Content-Type': typeof meta.mimetype === 'string' ? meta.mimetype : 'application/octet-stream',
    'Cache-Control': typeof meta.cacheControl === 'string' ? meta.cacheControl : 'no-cache',
    'Accept-Ranges': 'bytes',
    'Last-Modified': new Date(
      typeof meta.lastModified === 'string' ? meta.lastModified : row.updated_at,
    ).toUTCString(),
  };
  if (typeof meta.eTag === 'string') headers.ETag = meta.eTag;
  if (options.expires) headers.Expires = options.expires;
  const disposition = attachmentName(options.download, row.name);
  if (disposition) headers['Content-Disposition'] = disposition;

  if (typeof meta.eTag === 'string' && req.headers['if-none-match'] === meta.eTag) {
    res.writeHead(304, headers).end();
    return;
  }
  const rangeHeader = req.headers.range;
  let range: { start: number; end: number } | undefined;
  let status = 200;
  if (typeof rangeHeader === 'string' && size > 0) {
    range = parseRange(rangeHeader, size);
    if (!range) {
      res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` }).end();
      return;
    }
    status = 206;
    headers['Content-Range'] = `bytes ${range.start}-${range.end}/${size}`;
  }
  headers['Content-Length'] = range ? range.end - range.start + 1 : size;
  res.writeHead(status, headers);
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return;
  }
  await pipeline(store.read(row.bucket_id, row.name, row.version, range), res);
}
