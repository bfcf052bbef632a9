// Which bucket names and object keys the stack accepts: Supabase Storage's S3-safe character
// sets (src/storage/limits.ts), plus the rules that keep a key inside its bucket folder on
// disk: no `.`/`..` or empty segments, no leading slash, no NUL or backslash (the character
// set already excludes those and `%`, so an encoded `%2e%2e` cannot be decoded later).
import { ERRORS } from './errors';

const VALID_OBJECT_KEY = /^[A-Za-z0-9_/!.*'() &$=@;:+,?-]*$/;
const VALID_BUCKET_NAME = /^[A-Za-z0-9_!.*'() &$=@;:+,?-]*$/;
/** Supabase stores names as text; S3 caps keys at 1024 bytes. */
const MAX_KEY_LENGTH = 1024;

export function isValidBucketName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length < 101 &&
    VALID_BUCKET_NAME.test(name) &&
    name !== '.' &&
    name !== '..' &&
    name.trim() === name
  );
}

export function mustBeValidBucketName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !isValidBucketName(name)) throw ERRORS.InvalidBucketName();
}

export function isValidKey(key: string): boolean {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH || !VALID_OBJECT_KEY.test(key)) return false;
  return key.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

export function mustBeValidKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || !isValidKey(key)) {
    throw ERRORS.InvalidKey(typeof key === 'string' ? key.replace(/[^\x20-\x7e]/g, '?') : '');
  }
}

/**
 * The `<bucket>/<key>` tail of a URL path, decoded once. A malformed escape is an invalid key,
 * never a crash; decoding happens exactly once, so `%252e` stays a literal `%2e` and fails the
 * character check.
 */
export function splitBucketAndKey(rest: string): { bucket: string; key: string } {
  const slash = rest.indexOf('/');
  const rawBucket = slash < 0 ? rest : rest.slice(0, slash);
  const rawKey = slash < 0 ? '' : rest.slice(slash + 1);
  let bucket: string;
  let key: string;
  try {
    bucket = decodeURIComponent(rawBucket);
  } catch {
    throw ERRORS.InvalidBucketName();
  }
  try {
    key = decodeURIComponent(rawKey);
  } catch {
    throw ERRORS.InvalidKey(rawKey);
  }
  return { bucket, key };
}
