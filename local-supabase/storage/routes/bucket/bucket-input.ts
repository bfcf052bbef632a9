// Validation of the bucket settings storage-js sends on create and update: public,
// file_size_limit (bytes, or a size such as "20MB"), allowed_mime_types (`type/sub`, `type/*`).
import { parseSize } from '../../../config';
import { ERRORS } from '../../errors';

export function readPublic(value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean')
    throw ERRORS.InvalidParameter('public', 'body/public must be boolean');
  return value;
}

/** undefined: not given; null: no limit. */
export function readFileSizeLimit(value: unknown): number | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  let bytes: number;
  try {
    bytes = typeof value === 'number' ? value : parseSize(String(value));
  } catch {
    throw ERRORS.InvalidRequest('Invalid file size format, hint: use 20GB / 20MB / 30KB / 3B');
  }
  if (!Number.isSafeInteger(bytes) || bytes < 0) {
    throw ERRORS.InvalidRequest('Invalid file size format, hint: use 20GB / 20MB / 30KB / 3B');
  }
  return bytes === 0 ? null : bytes;
}

const MIME_PATTERN = /^[a-z0-9!#$&^_.+-]+\/([a-z0-9!#$&^_.+-]+|\*)$/i;

export function readAllowedMimeTypes(value: unknown): string[] | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !MIME_PATTERN.test(v))) {
    throw ERRORS.InvalidParameter('allowed_mime_types', 'Invalid mime type format');
  }
  return value.length ? (value as string[]) : null;
}
