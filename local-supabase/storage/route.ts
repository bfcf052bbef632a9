// What a storage route handler is given, and the small helpers they share (JSON bodies and
// replies). Handlers throw StorageError (or let database errors through); the service turns
// every throw into Supabase's error shape in one place.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StackContext } from '../context';
import { readBody, BodyTooLargeError, sendJson } from '../http';
import { identify, type Identity } from './auth';
import { ERRORS } from './errors';
import type { FileStore } from './files';
import type { TusUploads } from './routes/tus/uploads';

export type StorageContext = {
  ctx: StackContext;
  store: FileStore;
  tus: TusUploads;
};

export type RouteRequest = {
  s: StorageContext;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Named groups of the route's pattern, still URL-encoded. */
  params: Record<string, string>;
  identity(): Identity;
};

export type RouteHandler = (r: RouteRequest) => Promise<void>;

export type Route = { methods: string[]; pattern: RegExp; handler: RouteHandler };

export function makeRequest(
  s: StorageContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  params: Record<string, string>,
): RouteRequest {
  let cached: Identity | undefined;
  return {
    s,
    req,
    res,
    url,
    params,
    identity: () => (cached ??= identify(s.ctx, req, url)),
  };
}

const MAX_JSON_BODY = 1024 * 1024;

/** A JSON object body (Supabase's routes validate theirs with a JSON schema). */
export async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  let raw: Buffer;
  try {
    raw = await readBody(req, MAX_JSON_BODY);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw ERRORS.EntityTooLarge();
    throw error;
  }
  if (raw.length === 0) return {};
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // fall through
  }
  throw ERRORS.InvalidRequest('Body is not a valid JSON object');
}

export function reply(res: ServerResponse, body: unknown, status = 200): void {
  sendJson(res, status, body);
}

export function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw ERRORS.InvalidParameter(key, `body/${key} must be string`);
  return v;
}

export function requiredString(body: Record<string, unknown>, key: string): string {
  const v = optionalString(body, key);
  if (v === undefined) throw ERRORS.MissingParameter(key);
  return v;
}
