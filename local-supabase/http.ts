// Small HTTP helpers shared by the services: body reading with a size cap, JSON replies, CORS.
import type { IncomingMessage, ServerResponse } from 'node:http';

export class BodyTooLargeError extends Error {}

/** Reads the whole request body, refusing anything over `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError(`Request body exceeds ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** The client address, for per-IP rate limits (no proxy in front of the local stack). */
export function clientIp(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

/**
 * Browsers call the stack from the app's origin (another port), so every route answers CORS
 * as Supabase's API gateway does: any origin, the headers supabase-js sends, and the response
 * headers it reads.
 */
export const corsHeaders: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET,HEAD,POST,PUT,PATCH,DELETE,OPTIONS',
  'Access-Control-Allow-Headers':
    'authorization,apikey,content-type,x-client-info,accept,accept-profile,content-profile,prefer,range,x-upsert,x-supabase-api-version,cache-control,tus-resumable,upload-length,upload-metadata,upload-offset,upload-defer-length,x-http-method-override,x-source,x-metadata',
  'Access-Control-Expose-Headers':
    'content-range,content-location,content-length,content-type,location,preference-applied,server-timing,x-supabase-api-version,tus-resumable,upload-offset,upload-length,upload-expires,etag',
  'Access-Control-Max-Age': '86400',
};
