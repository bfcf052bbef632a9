// Object keys and bucket names: Supabase's S3-safe characters, and nothing that could leave
// the bucket's folder on disk however it is spelled.
import { describe, expect, it } from 'vitest';
import { isValidBucketName, isValidKey, splitBucketAndKey } from './keys';
import { validateMimeType } from './upload';

describe('object keys', () => {
  it.each(['a.txt', 'orders/LP-1001/cert (1).pdf', "it's & ok=1;+,?@$!*.png", 'a/.hidden/b'])(
    'accepts %s',
    (key) => expect(isValidKey(key)).toBe(true),
  );

  it.each([
    '',
    '../x',
    'a/../../x',
    'a/./b',
    '/abs',
    'a//b',
    'trailing/',
    'back\\slash',
    'nul\0byte',
    'per%cent',
    'ünïcode',
    'x'.repeat(1025),
  ])('refuses %j', (key) => expect(isValidKey(key)).toBe(false));

  it('decodes the URL path once, so double-encoded traversal stays literal and is refused', () => {
    const { bucket, key } = splitBucketAndKey('docs/a%252e%252e%252fb');
    expect(bucket).toBe('docs');
    expect(key).toBe('a%2e%2e%2fb');
    expect(isValidKey(key)).toBe(false);
    expect(splitBucketAndKey('docs/a%2F..%2Fb').key).toBe('a/../b');
    expect(() => splitBucketAndKey('docs/%E0%A4%A')).toThrow(/Invalid key/);
  });
});

describe('bucket names', () => {
  it('follows Supabase: 1–100 S3-safe characters, no slash, no dot-only names', () => {
    expect(isValidBucketName('qc-certificates')).toBe(true);
    for (const bad of ['', 'a/b', '.', '..', ' x', 'x'.repeat(101)]) {
      expect(isValidBucketName(bad), bad).toBe(false);
    }
  });
});

describe('allowed mime types', () => {
  it('matches exact types and type/* wildcards, ignoring parameters and case', () => {
    const allowed = ['image/*', 'application/pdf'];
    expect(() => validateMimeType('image/png', allowed)).not.toThrow();
    expect(() => validateMimeType('Application/PDF; charset=binary', allowed)).not.toThrow();
    expect(() => validateMimeType('text/plain', allowed)).toThrow(/not supported/);
    expect(() => validateMimeType('image', allowed)).toThrow(/not supported/);
    expect(() => validateMimeType('anything/goes', null)).not.toThrow();
  });
});
