import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bucketRules,
  checkFile,
  checkSignature,
  checkTypeAndSize,
  claimedType,
  detectType,
  type BucketId,
} from './file-signature';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)),
  );

const samples = {
  pdf: bytes('%PDF-1.7\n%\xe2\xe3'),
  png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'),
  jpeg: bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF'),
  gif: bytes('GIF89a', [1, 0, 1, 0]),
  webp: bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '),
  heic: bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic'),
  mp4: bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0], 'isomiso2avc1mp41'),
  mov: bytes([0, 0, 0, 0x14], 'ftypqt  ', [0, 0, 2, 0], 'qt  '),
  oldMov: bytes([0, 0, 0, 8], 'wide', [0, 0, 0, 0], 'mdat'),
  webm: bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01]),
  exe: bytes('MZ', [0x90, 0, 3, 0, 0, 0]),
  zip: bytes('PK', [3, 4, 20, 0]),
};

describe('detectType', () => {
  it.each([
    ['pdf', 'application/pdf'],
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
    ['gif', 'image/gif'],
    ['webp', 'image/webp'],
    ['heic', 'image/heic'],
    ['mp4', 'video/mp4'],
    ['mov', 'video/quicktime'],
    ['oldMov', 'video/quicktime'],
    ['webm', 'video/webm'],
  ] as const)('recognises %s', (sample, type) => {
    expect(detectType(samples[sample])).toBe(type);
  });

  it('recognises nothing in an executable, a zip, an empty or a truncated file', () => {
    expect(detectType(samples.exe)).toBeNull();
    expect(detectType(samples.zip)).toBeNull();
    expect(detectType(new Uint8Array())).toBeNull();
    expect(detectType(bytes('%PD'))).toBeNull();
    expect(detectType(bytes([0, 0, 0, 0x20], 'ftyp'))).toBeNull();
  });
});

describe('checkSignature', () => {
  it('accepts files whose bytes match their claimed type', () => {
    expect(checkSignature({ name: 'report.pdf', type: 'application/pdf' }, samples.pdf)).toBeNull();
    expect(checkSignature({ name: 'IMG_1.HEIC', type: '' }, samples.heic)).toBeNull();
    expect(checkSignature({ name: 'box.webm', type: 'video/webm' }, samples.webm)).toBeNull();
  });

  it('accepts MP4 and MOV containers for either video claim (phones mix them)', () => {
    expect(checkSignature({ name: 'a.mov', type: 'video/quicktime' }, samples.mp4)).toBeNull();
    expect(checkSignature({ name: 'a.mp4', type: 'video/mp4' }, samples.mov)).toBeNull();
  });

  it('refuses a renamed file and says what it really is', () => {
    expect(checkSignature({ name: 'cert.pdf', type: 'application/pdf' }, samples.png)).toBe(
      'cert.pdf is named as PDF but its contents are PNG. Export it again, or pick the original file.',
    );
    expect(checkSignature({ name: 'video.mp4', type: 'video/mp4' }, samples.heic)).toMatch(
      /contents are HEIC/,
    );
  });

  it('refuses bytes that are no known type', () => {
    expect(checkSignature({ name: 'cert.pdf', type: 'application/pdf' }, samples.exe)).toBe(
      'cert.pdf is named as PDF but its contents are not a file of that type. Export it again, or pick the original file.',
    );
  });

  it('leaves 3D files, which have no signature, to the type list', () => {
    expect(checkSignature({ name: 'ring.stl', type: 'model/stl' }, samples.exe)).toBeNull();
  });
});

describe('claimedType', () => {
  it('uses the browser type, else the extension', () => {
    expect(claimedType({ name: 'x.bin', type: 'Application/PDF' })).toBe('application/pdf');
    expect(claimedType({ name: 'IMG_0042.HEIC', type: '' })).toBe('image/heic');
    expect(claimedType({ name: 'photo.heif', type: 'image/heif' })).toBe('image/heic');
    expect(claimedType({ name: 'noextension', type: '' })).toBe('');
    expect(claimedType({ name: 'Ring v3.STL', type: '' })).toBe('model/stl');
  });
});

describe('checkTypeAndSize', () => {
  const MB = 1024 * 1024;

  it('accepts a file within the bucket limits', () => {
    expect(
      checkTypeAndSize({ name: 'c.pdf', type: 'application/pdf', size: MB }, 'certificates'),
    ).toBeNull();
    expect(
      checkTypeAndSize({ name: 'v.mov', type: 'video/quicktime', size: 400 * MB }, 'qc-videos'),
    ).toBeNull();
  });

  it('names the accepted types when the type is wrong', () => {
    expect(checkTypeAndSize({ name: 'c.webp', type: 'image/webp', size: MB }, 'certificates')).toBe(
      'c.webp is a WebP file. A certificate must be PDF, JPEG or PNG.',
    );
    expect(checkTypeAndSize({ name: 'notes', type: '', size: MB }, 'qc-videos')).toBe(
      'notes is a file of unknown type. An unboxing video must be MP4, MOV or WebM.',
    );
  });

  it('gives the size and the limit when the file is too large', () => {
    expect(
      checkTypeAndSize(
        { name: 'scan.pdf', type: 'application/pdf', size: 20 * MB + 1 },
        'certificates',
      ),
    ).toBe('scan.pdf is 20 MB. A certificate can be at most 20 MB.');
    expect(
      checkTypeAndSize({ name: 'p.jpg', type: 'image/jpeg', size: 31.4 * MB }, 'qc-photos'),
    ).toBe('p.jpg is 31 MB. A QC photo can be at most 25 MB.');
    expect(
      checkTypeAndSize({ name: 'l.png', type: 'image/png', size: 5.55 * MB }, 'shipping-labels'),
    ).toBe('l.png is 5.6 MB. A shipping label can be at most 5 MB.');
  });

  it('refuses an empty file', () => {
    expect(
      checkTypeAndSize({ name: 'c.pdf', type: 'application/pdf', size: 0 }, 'certificates'),
    ).toBe('c.pdf is empty.');
  });
});

describe('checkFile', () => {
  it('reads the first bytes of a real File', async () => {
    const good = new File([samples.pdf], 'ok.pdf', { type: 'application/pdf' });
    const renamed = new File([samples.jpeg], 'fake.pdf', { type: 'application/pdf' });
    expect(await checkFile(good, 'certificates')).toBeNull();
    expect(await checkFile(renamed, 'certificates')).toMatch(/contents are JPEG/);
  });
});

describe('bucketRules', () => {
  // The limits must be the ones Storage enforces, or people are told a file fits and then refused.
  it('match the buckets created by the storage migration', () => {
    const sql = readFileSync(
      'supabase/migrations/20261123102000_create_storage_buckets.sql',
      'utf8',
    );
    const start = sql.indexOf('insert into storage.buckets');
    const values = sql.slice(start, sql.indexOf(';', start));
    const rows = [
      ...values.matchAll(
        /\('([\w-]+)', '[\w-]+', false, (\d+) \* 1024 \* 1024,\s*array\[([^\]]*)\]\)/g,
      ),
    ];
    expect(rows.map((r) => r[1]).sort()).toEqual(Object.keys(bucketRules).sort());
    for (const [, id, mb, types] of rows) {
      const rules = bucketRules[id as BucketId];
      expect(rules.maxBytes, id).toBe(Number(mb) * 1024 * 1024);
      expect([...rules.mimeTypes].sort(), id).toEqual(
        [...types!.matchAll(/'([^']+)'/g)].map((m) => m[1]).sort(),
      );
    }
  });
});
