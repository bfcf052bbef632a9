// `supabase seed buckets` for the local stack: after a fresh database is seeded, every bucket
// declared in config.toml (`[storage.buckets.<name>]`) is created or updated with its settings,
// and each file under its `objects_path` is uploaded into it, the object name being the file's
// path relative to that folder. Like the CLI it goes through the Storage API with the
// service_role key (so bucket limits and storage.objects rows behave exactly as for any
// upload) and overwrites objects already there (x-upsert).
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { BucketSeed } from '../config';

// The CLI sniffs the first 512 bytes (Go's http.DetectContentType), which cannot tell a 3D
// model or a QuickTime video from random bytes; the extension says what the file is meant to
// be, and the bucket's allowed_mime_types then judge it as they would any upload.
const mimeTypes: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.heic': 'image/heic',
  '.svg': 'image/svg+xml',
  '.mp4': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.stl': 'model/stl',
  '.obj': 'model/obj',
  '.3mf': 'model/3mf',
  '.json': 'application/json',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.html': 'text/html',
  '.zip': 'application/zip',
};

export function mimeTypeOf(file: string): string {
  return mimeTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Every regular file below `dir`, depth first, in name order (a stable upload order). */
async function filesBelow(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesBelow(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

export type SeedBucketsReport = { buckets: string[]; objects: number };

export async function seedBuckets(
  url: string,
  serviceRoleKey: string,
  buckets: Record<string, BucketSeed>,
  log: (line: string) => void,
): Promise<SeedBucketsReport> {
  const headers = { Authorization: `Bearer ${serviceRoleKey}`, apikey: serviceRoleKey };
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}/storage/v1${path}`, {
      method,
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(
        `seeding buckets: ${method} ${path} → ${response.status} ${await response.text()}`,
      );
    }
    return response.json() as Promise<unknown>;
  };

  const names = Object.keys(buckets);
  if (names.length === 0) return { buckets: [], objects: 0 };
  const existing = new Set(
    ((await call('GET', '/bucket')) as Array<{ id: string }>).map((b) => b.id),
  );
  let objects = 0;
  for (const name of names) {
    const b = buckets[name] as BucketSeed;
    // Only the settings config.toml gives are sent, so an update keeps the others.
    const settings = {
      ...(b.public === undefined ? {} : { public: b.public }),
      file_size_limit: b.fileSizeLimit,
      ...(b.allowedMimeTypes ? { allowed_mime_types: b.allowedMimeTypes } : {}),
    };
    if (existing.has(name)) await call('PUT', `/bucket/${encodeURIComponent(name)}`, settings);
    else await call('POST', '/bucket', { id: name, name, ...settings });

    if (!b.objectsPath) continue;
    if (!existsSync(b.objectsPath)) {
      throw new Error(`seeding bucket ${name}: objects_path ${b.objectsPath} does not exist`);
    }
    for (const file of await filesBelow(b.objectsPath)) {
      const key = relative(b.objectsPath, file).split(sep).map(encodeURIComponent).join('/');
      const response = await fetch(`${url}/storage/v1/object/${encodeURIComponent(name)}/${key}`, {
        method: 'POST',
        headers: {
          ...headers,
          'Content-Type': mimeTypeOf(file),
          'Cache-Control': 'max-age=3600',
          'x-upsert': 'true',
        },
        body: await readFile(file),
      });
      if (!response.ok) {
        throw new Error(
          `seeding bucket ${name}: upload of ${file} → ${response.status} ${await response.text()}`,
        );
      }
      objects++;
    }
    log(`seeded bucket ${name}${b.objectsPath ? ` from ${b.objectsPath}` : ''}`);
  }
  return { buckets: names, objects };
}
