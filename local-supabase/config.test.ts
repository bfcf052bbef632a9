import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, parseSize } from './config';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tomlFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'loupe-config-'));
  dirs.push(dir);
  const file = join(dir, 'config.toml');
  writeFileSync(file, text);
  return file;
}

describe('supabase/config.toml, read as the Supabase CLI reads it', () => {
  it('reads sizes written the CLI way', () => {
    expect(parseSize('50MiB')).toBe(50 * 1024 * 1024);
    expect(parseSize('5MB')).toBe(5_000_000);
    expect(parseSize(1024)).toBe(1024);
    expect(() => parseSize('lots')).toThrow(/cannot read size/);
  });

  it('takes api, auth and storage settings', () => {
    const config = loadConfig(
      tomlFile(`
[api]
schemas = ["public", "api"]
extra_search_path = ["extensions"]
max_rows = 250
[auth]
jwt_expiry = 600
enable_signup = true
[auth.rate_limit]
token_refresh = 7
sign_in_sign_ups = 3
[storage]
file_size_limit = "1GiB"
`),
    );
    expect(config.api).toEqual({
      schemas: ['public', 'api'],
      extraSearchPath: ['extensions'],
      maxRows: 250,
    });
    expect(config.auth).toMatchObject({
      jwtExpiry: 600,
      enableSignup: true,
      rateLimit: { tokenRefresh: 7, signInSignUps: 3 },
    });
    expect(config.storage.fileSizeLimit).toBe(1024 ** 3);
  });

  it('keeps sign-up off and a 1000-row cap when the file is silent', () => {
    const config = loadConfig(tomlFile('project_id = "x"\n'));
    expect(config.auth.enableSignup).toBe(false);
    expect(config.api.maxRows).toBe(1000);
  });

  it('reads [storage.buckets.<name>] as the CLI resolves them', () => {
    const file = tomlFile(`
[storage]
file_size_limit = "100MiB"
[storage.buckets.certificates]
public = false
file_size_limit = "20MiB"
allowed_mime_types = ["application/pdf"]
objects_path = "./seed-files/certificates"
[storage.buckets.renders]
objects_path = "/srv/renders"
`);
    const { buckets } = loadConfig(file).storage;
    expect(buckets).toEqual({
      certificates: {
        public: false,
        fileSizeLimit: 20 * 1024 * 1024,
        allowedMimeTypes: ['application/pdf'],
        // Relative to the folder holding config.toml, as the CLI joins it to supabase/.
        objectsPath: join(file, '..', 'seed-files', 'certificates'),
      },
      // No limit of its own: the global one, as the CLI falls back.
      renders: { fileSizeLimit: 100 * 1024 * 1024, objectsPath: '/srv/renders' },
    });
  });

  it('refuses a JWT secret shorter than 32 characters before anything starts', () => {
    expect(() => loadConfig(undefined, { jwtSecret: 'too-short' })).toThrow(
      /at least 32 characters/,
    );
  });
});
