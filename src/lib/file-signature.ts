// Checks a file before it is uploaded: its type and size against the bucket's limits, and its
// first bytes against the type it claims. Storage trusts the declared Content-Type, so a renamed
// .exe would otherwise be stored as "application/pdf"; the browser's own `File.type` is only a
// guess from the file name. Pure logic: no React, no network.

const MB = 1024 * 1024;

export type BucketId =
  'intake-references' | 'cad' | 'certificates' | 'qc-photos' | 'qc-videos' | 'shipping-labels';

export type BucketRules = {
  /** What the files of this bucket are, in words for the person uploading. */
  what: string;
  maxBytes: number;
  mimeTypes: readonly string[];
};

/**
 * The buckets' limits, the same as `storage.buckets` in
 * supabase/migrations/20261123102000_create_storage_buckets.sql (a unit test compares them).
 * Kept here because only service_role may read storage.buckets, and the check has to run
 * before the upload starts.
 */
export const bucketRules: Record<BucketId, BucketRules> = {
  'intake-references': {
    what: 'A reference image',
    maxBytes: 15 * MB,
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/gif'],
  },
  cad: {
    what: 'A CAD file',
    maxBytes: 50 * MB,
    mimeTypes: [
      'image/jpeg',
      'image/png',
      'image/webp',
      'application/pdf',
      'model/stl',
      'model/obj',
      'model/3mf',
      'application/sla',
      'application/vnd.ms-pki.stl',
      'application/octet-stream',
    ],
  },
  certificates: {
    what: 'A certificate',
    maxBytes: 20 * MB,
    mimeTypes: ['application/pdf', 'image/jpeg', 'image/png'],
  },
  'qc-photos': {
    what: 'A QC photo',
    maxBytes: 25 * MB,
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/heic'],
  },
  'qc-videos': {
    what: 'An unboxing video',
    maxBytes: 500 * MB,
    mimeTypes: ['video/mp4', 'video/quicktime', 'video/webm'],
  },
  'shipping-labels': {
    what: 'A shipping label',
    maxBytes: 5 * MB,
    mimeTypes: ['application/pdf', 'image/png'],
  },
};

/** How many leading bytes `detectType` needs. */
export const SIGNATURE_BYTES = 32;

/** Types whose first bytes we can recognise. */
export type KnownType =
  | 'application/pdf'
  | 'image/png'
  | 'image/jpeg'
  | 'image/gif'
  | 'image/webp'
  | 'image/heic'
  | 'video/mp4'
  | 'video/quicktime'
  | 'video/webm';

const typeNames: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'image/heic': 'HEIC',
  'video/mp4': 'MP4',
  'video/quicktime': 'MOV',
  'video/webm': 'WebM',
};

/** "PDF", "JPEG"… for messages; the MIME type itself when we have no short name. */
export function typeName(mime: string): string {
  return typeNames[mime] ?? mime;
}

const extensionTypes: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heic',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  qt: 'video/quicktime',
  webm: 'video/webm',
  // Browsers rarely know 3D formats; the CAD bucket takes them by these types.
  stl: 'model/stl',
  obj: 'model/obj',
  '3mf': 'model/3mf',
};

/**
 * The type a file claims: the browser's `type`, or (when the browser leaves it empty, as Chrome
 * does for .heic on most systems) the one its extension implies. Empty string when neither says.
 */
export function claimedType(file: { name: string; type: string }): string {
  const declared = file.type.trim().toLowerCase();
  if (declared === 'image/heif') return 'image/heic';
  if (declared) return declared;
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  return (ext && extensionTypes[ext]) ?? '';
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  let s = '';
  for (let i = start; i < start + length && i < bytes.length; i++) {
    s += String.fromCharCode(bytes[i]!);
  }
  return s;
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

// ISO base media (MP4, MOV, HEIC) brands that mean a still image, not a video.
const heifBrands = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);
// Classic QuickTime files may start with one of these atoms instead of `ftyp`.
const quickTimeAtoms = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

/** What the first bytes say the file is, or null when they match none of the known types. */
export function detectType(head: Uint8Array): KnownType | null {
  if (ascii(head, 0, 5) === '%PDF-') return 'application/pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'image/webp';
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return 'video/webm';
  const box = ascii(head, 4, 4);
  if (box === 'ftyp') {
    const brand = ascii(head, 8, 4);
    if (brand.length < 4) return null;
    if (heifBrands.has(brand)) return 'image/heic';
    if (brand === 'qt  ') return 'video/quicktime';
    return 'video/mp4';
  }
  if (quickTimeAtoms.has(box)) return 'video/quicktime';
  return null;
}

/**
 * Whether bytes detected as `detected` may be stored as `claimed`. MP4 and MOV share one
 * container: phones write .mov files with MP4 brands and the reverse, and both play the same,
 * so either video claim accepts either container.
 */
export function signatureFits(claimed: string, detected: KnownType | null): boolean {
  if (detected === null) return false;
  if (claimed === detected) return true;
  const isobmffVideo = ['video/mp4', 'video/quicktime'];
  return isobmffVideo.includes(claimed) && isobmffVideo.includes(detected);
}

function megabytes(bytes: number): string {
  const mb = bytes / MB;
  return mb >= 10 ? String(Math.round(mb)) : String(Math.round(mb * 10) / 10);
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** The types `rules` accepts, as "PDF, JPEG or PNG". */
export function acceptedTypesText(rules: BucketRules): string {
  return list([...new Set(rules.mimeTypes.map(typeName))]);
}

/**
 * Type and size against the bucket, before anything is read or sent. Returns the sentence to
 * show, or null when the file may go on to the signature check.
 */
export function checkTypeAndSize(
  file: { name: string; type: string; size: number },
  bucket: BucketId,
): string | null {
  const rules = bucketRules[bucket];
  const type = claimedType(file);
  if (!type || !rules.mimeTypes.includes(type)) {
    const shown = type ? `a ${typeName(type)} file` : 'a file of unknown type';
    return `${file.name} is ${shown}. ${rules.what} must be ${acceptedTypesText(rules)}.`;
  }
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > rules.maxBytes) {
    return `${file.name} is ${megabytes(file.size)} MB. ${rules.what} can be at most ${megabytes(rules.maxBytes)} MB.`;
  }
  return null;
}

/** The first bytes against the claimed type. Returns the sentence to show, or null when they fit. */
export function checkSignature(
  file: { name: string; type: string },
  head: Uint8Array,
): string | null {
  const type = claimedType(file);
  // 3D files (STL, OBJ, 3MF) have no reliable signature; the bucket's type list still applies.
  if (!(type in typeNames)) return null;
  const detected = detectType(head);
  if (signatureFits(type, detected)) return null;
  const actually = detected
    ? `its contents are ${typeName(detected)}`
    : 'its contents are not a file of that type';
  return `${file.name} is named as ${typeName(type)} but ${actually}. Export it again, or pick the original file.`;
}

/** Reads the first bytes of a browser File/Blob. */
export async function readHead(blob: Blob, length = SIGNATURE_BYTES): Promise<Uint8Array> {
  return new Uint8Array(await blob.slice(0, length).arrayBuffer());
}

/**
 * Every check, in the order a person can fix them: type and size first (no need to read the
 * file), then its contents. Returns the sentence to show, or null when the file may be uploaded.
 */
export async function checkFile(file: File, bucket: BucketId): Promise<string | null> {
  const quick = checkTypeAndSize(file, bucket);
  if (quick) return quick;
  return checkSignature(file, await readHead(file));
}
