// Request parameters as GoTrue reads and validates them (retrieveRequestParams, validateEmail,
// validatePhone, time.ParseDuration for ban_duration): JSON bodies into plain values, or a
// 400/422 with GoTrue's code and sentence.
import type { IncomingMessage } from 'node:http';
import { BodyTooLargeError, readBody } from '../http';
import { AuthHttpError, badRequest } from './errors';

const MAX_BODY_BYTES = 1024 * 1024;

export type Json = Record<string, unknown>;

/** The JSON object body (an empty body reads as `{}`, as Go's decoder leaves params zeroed). */
export async function readParams(req: IncomingMessage): Promise<Json> {
  let raw: Buffer;
  try {
    raw = await readBody(req, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      throw new AuthHttpError(
        413,
        'request_entity_too_large',
        `Request body too large (max ${MAX_BODY_BYTES} bytes)`,
      );
    }
    throw error;
  }
  const text = raw.toString('utf8').trim();
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badRequest('bad_json', 'Could not parse request body as JSON: invalid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw badRequest('bad_json', 'Could not parse request body as JSON: expected an object');
  }
  return parsed as Json;
}

/** A string field; absent or null → undefined; any other type → 400, as Go's decoder refuses. */
export function str(params: Json, key: string): string | undefined {
  const value = params[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw badRequest('bad_json', `Could not parse request body as JSON: ${key} must be a string`);
  }
  // Postgres text cannot hold NUL; refuse it here rather than fail in the database.
  if (value.includes('\u0000')) {
    throw badRequest('validation_failed', `${key} must not contain NUL characters`);
  }
  return value;
}

/** Deeper metadata than this is refused (jsonb nesting has a stack-depth limit). */
const MAX_JSON_DEPTH = 32;

/** Metadata must be storable as jsonb: bounded nesting, no NUL in keys or strings. */
function checkStorable(value: unknown, key: string, depth: number): void {
  if (depth > MAX_JSON_DEPTH) {
    throw badRequest('validation_failed', `${key} is nested too deeply`);
  }
  if (typeof value === 'string') {
    if (value.includes('\u0000')) {
      throw badRequest('validation_failed', `${key} must not contain NUL characters`);
    }
  } else if (Array.isArray(value)) {
    for (const item of value) checkStorable(item, key, depth + 1);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      checkStorable(k, key, depth + 1);
      checkStorable(v, key, depth + 1);
    }
  }
}

export function bool(params: Json, key: string): boolean {
  const value = params[key];
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') {
    throw badRequest('bad_json', `Could not parse request body as JSON: ${key} must be a boolean`);
  }
  return value;
}

/** An object field (metadata); absent or null → undefined. */
export function obj(params: Json, key: string): Json | undefined {
  const value = params[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest('bad_json', `Could not parse request body as JSON: ${key} must be an object`);
  }
  checkStorable(value, key, 0);
  return value as Json;
}

// GoTrue checks the format with checkmail's pattern; this is the same shape: local@domain.tld.
const EMAIL_PATTERN =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

/** validateEmail: required, at most 255 characters, well-formed; stored lower-cased. */
export function validateEmail(email: string): string {
  if (email === '') throw badRequest('validation_failed', 'An email address is required');
  if (email.length > 255) throw badRequest('validation_failed', 'An email address is too long');
  if (!EMAIL_PATTERN.test(email)) {
    throw badRequest('validation_failed', 'Unable to validate email address: invalid format');
  }
  return email.toLowerCase();
}

/** validatePhone: E.164 digits without the `+`, as GoTrue stores phone numbers. */
export function validatePhone(phone: string): string {
  const formatted = phone.replace(/[\s+\-()]/g, '');
  if (!/^[1-9]\d{1,14}$/.test(formatted)) {
    throw badRequest('validation_failed', 'Invalid phone number format (E.164 required)');
  }
  return formatted;
}

const DURATION_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/**
 * Go's time.ParseDuration ("24h", "1h30m", "90s", "876000h"), in milliseconds: the format of
 * GoTrue's `ban_duration`. "none" (handled by the caller) lifts a ban.
 */
export function parseGoDuration(text: string): number {
  const invalid = () =>
    badRequest(
      'validation_failed',
      `invalid format for ban duration: time: invalid duration ${JSON.stringify(text)}`,
    );
  const m = /^([+-]?)(.*)$/.exec(text);
  const body = m?.[2] ?? '';
  if (body === '0') return 0;
  if (body === '') throw invalid();
  const part = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/gy;
  let total = 0;
  let consumed = 0;
  for (let p = part.exec(body); p; p = part.exec(body)) {
    total += Number(p[1]) * (DURATION_UNITS[p[2] ?? ''] ?? Number.NaN);
    consumed = part.lastIndex;
  }
  // Go durations are int64 nanoseconds: about 292 years at most.
  if (consumed !== body.length || !Number.isFinite(total) || total > 9_223_372_036_854) {
    throw invalid();
  }
  return m?.[1] === '-' ? -total : total;
}
