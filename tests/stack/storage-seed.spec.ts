// Seed files for Storage the way the Supabase CLI seeds them: every `[storage.buckets.<name>]`
// of config.toml is created or updated with its settings, and each file under its
// `objects_path` lands in it under its relative path, typed by its extension — on a fresh,
// seeded database only.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@supabase/supabase-js';
import { afterAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../local-supabase/server';
import { realtime } from './support/clients';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const pdf = Buffer.from('%PDF-1.7\n% a seeded report\n%%EOF\n');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

function project() {
  const dir = mkdtempSync(join(tmpdir(), 'loupe-seed-buckets-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'migrations'));
  // A bucket a migration made, which config.toml then tightens.
  writeFileSync(
    join(dir, 'migrations', '20240101000000_create_bucket.sql'),
    `insert into storage.buckets (id, name, public, file_size_limit)
     values ('reports', 'reports', true, 1048576);`,
  );
  writeFileSync(join(dir, 'seed.sql'), 'select 1;');
  const files = join(dir, 'seed-files', 'reports');
  mkdirSync(join(files, '2026', 'q3'), { recursive: true });
  writeFileSync(join(files, 'summary.pdf'), pdf);
  writeFileSync(join(files, '2026', 'q3', 'chart.png'), png);
  mkdirSync(join(dir, 'elsewhere', 'renders'), { recursive: true });
  writeFileSync(join(dir, 'elsewhere', 'renders', 'ring.pdf'), pdf);
  writeFileSync(
    join(dir, 'config.toml'),
    `[db.seed]
enabled = true
sql_paths = ["./seed.sql"]

[storage]
file_size_limit = "2MiB"

[storage.buckets.reports]
public = false
file_size_limit = "64KiB"
allowed_mime_types = ["application/pdf", "image/png"]
objects_path = "./seed-files/reports"

[storage.buckets.renders]
objects_path = "./elsewhere/renders"
`,
  );
  return dir;
}

const quiet = { port: 0, log: () => undefined };
const clientOf = (stack: Stack) =>
  createClient(stack.url, stack.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime,
  });

describe('seeding buckets from config.toml', () => {
  it('creates or updates each declared bucket and uploads its objects_path files', async () => {
    const dir = project();
    const stack = await startStack({ ...quiet, data: join(dir, 'data'), projectDir: dir });
    try {
      expect(stack.storageSeed).toEqual({ buckets: ['reports', 'renders'], objects: 3 });
      const storage = clientOf(stack).storage;

      // The migration's bucket now has config.toml's settings; the new one the global limit.
      expect((await storage.getBucket('reports')).data).toMatchObject({
        public: false,
        file_size_limit: 64 * 1024,
        allowed_mime_types: ['application/pdf', 'image/png'],
      });
      expect((await storage.getBucket('renders')).data).toMatchObject({
        public: false,
        file_size_limit: 2 * 1024 * 1024,
      });

      // Object names are the files' paths relative to objects_path, nested folders included.
      const top = await storage.from('reports').list('');
      expect(top.data?.map((o) => o.name).sort()).toEqual(['2026', 'summary.pdf']);
      const nested = await storage.from('reports').list('2026/q3');
      expect(nested.data?.map((o) => o.name)).toEqual(['chart.png']);
      expect(nested.data?.[0]?.metadata).toMatchObject({ mimetype: 'image/png', size: png.length });

      const summary = await storage.from('reports').download('summary.pdf');
      expect(summary.error).toBeNull();
      expect(summary.data?.type).toBe('application/pdf');
      expect(Buffer.from(await (summary.data as Blob).arrayBuffer())).toEqual(pdf);
      const ring = await storage.from('renders').download('ring.pdf');
      expect(Buffer.from(await (ring.data as Blob).arrayBuffer())).toEqual(pdf);
    } finally {
      await stack.close();
    }

    // A restart on the same data is not a fresh database: nothing is uploaded again, so a
    // file removed since stays removed.
    const first = await startStack({ ...quiet, data: join(dir, 'data'), projectDir: dir });
    try {
      await clientOf(first).storage.from('reports').remove(['summary.pdf']);
    } finally {
      await first.close();
    }
    const again = await startStack({ ...quiet, data: join(dir, 'data'), projectDir: dir });
    try {
      expect(again.storageSeed).toEqual({ buckets: [], objects: 0 });
      const top = await clientOf(again).storage.from('reports').list('');
      expect(top.data?.map((o) => o.name)).toEqual(['2026']);
    } finally {
      await again.close();
    }
  });

  it('refuses to start when a seed file breaks its bucket’s rules, naming the file', async () => {
    const dir = project();
    writeFileSync(join(dir, 'seed-files', 'reports', 'too-big.pdf'), Buffer.alloc(65 * 1024, 1));
    await expect(startStack({ ...quiet, data: 'memory', projectDir: dir })).rejects.toThrow(
      /too-big\.pdf → 400 .*EntityTooLarge/,
    );
  });
});
