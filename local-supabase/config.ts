// The stack's settings, read from a Supabase project's `supabase/config.toml` the way the
// Supabase CLI reads them, so any Supabase project folder runs on this stack unchanged.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { parse } from 'smol-toml';
import { DEFAULT_JWT_SECRET } from './jwt';

export type StackConfig = {
  db: {
    /** Seed files run on a fresh database, relative to the project folder; globs allowed in
     * the file name (the CLI's `[db.seed] sql_paths`). */
    seedPaths: string[];
  };
  api: {
    /** Schemas exposed over REST; the first is the default (PostgREST's db-schemas). */
    schemas: string[];
    /** Appended to the search_path of every request (PostgREST's db-extra-search-path). */
    extraSearchPath: string[];
    /** Row cap on every read (PostgREST's db-max-rows); undefined = unlimited. */
    maxRows: number | undefined;
  };
  auth: {
    jwtSecret: string;
    /** Access token lifetime in seconds. */
    jwtExpiry: number;
    enableSignup: boolean;
    enableRefreshTokenRotation: boolean;
    /** Seconds during which a just-rotated refresh token may be reused (GoTrue's reuse interval). */
    refreshTokenReuseInterval: number;
    /** Requests per 5 minutes per IP, as in the CLI's [auth.rate_limit]. */
    rateLimit: { tokenRefresh: number; signInSignUps: number };
  };
  storage: {
    /** Global upload cap in bytes. */
    fileSizeLimit: number;
    /** `[storage.buckets.<name>]`: buckets created or updated when the stack seeds, and the
     * local folder whose files are uploaded into each (the CLI's `supabase seed buckets`). */
    buckets: Record<string, BucketSeed>;
  };
};

export type BucketSeed = {
  public?: boolean;
  /** Bytes; a bucket that names none gets the global `[storage] file_size_limit`, as in the CLI. */
  fileSizeLimit: number;
  allowedMimeTypes?: string[];
  /** Absolute path (the CLI resolves `objects_path` against the folder holding config.toml). */
  objectsPath?: string;
};

export const defaultConfig: StackConfig = {
  db: { seedPaths: ['./seed.sql'] },
  api: {
    schemas: ['public', 'graphql_public'],
    extraSearchPath: ['public', 'extensions'],
    maxRows: 1000,
  },
  auth: {
    jwtSecret: DEFAULT_JWT_SECRET,
    jwtExpiry: 3600,
    enableSignup: false,
    enableRefreshTokenRotation: true,
    refreshTokenReuseInterval: 10,
    rateLimit: { tokenRefresh: 150, signInSignUps: 30 },
  },
  storage: { fileSizeLimit: 50 * 1024 * 1024, buckets: {} },
};

/** "50MiB", "5MB", "1GiB", 1024 → bytes, as the CLI's sizes are written. */
export function parseSize(value: unknown): number {
  if (typeof value === 'number') return value;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?i?b)?\s*$/i.exec(String(value));
  if (!m) throw new Error(`config.toml: cannot read size "${String(value)}"`);
  const unit = (m[2] ?? 'b').toLowerCase();
  const pow = { b: 0, kb: 1, kib: 1, mb: 2, mib: 2, gb: 3, gib: 3, tb: 4, tib: 4 }[unit];
  if (pow === undefined) throw new Error(`config.toml: unknown size unit "${m[2]}"`);
  const base = unit.includes('i') || unit === 'b' ? 1024 : 1000;
  return Math.round(Number(m[1]) * base ** pow);
}

type Toml = Record<string, unknown>;
const table = (v: unknown): Toml => (v && typeof v === 'object' ? (v as Toml) : {});

export function loadConfig(
  path: string | undefined,
  overrides: { jwtSecret?: string } = {},
): StackConfig {
  const config = structuredClone(defaultConfig);
  if (path && existsSync(path)) {
    const toml = parse(readFileSync(path, 'utf8')) as Toml;
    const seed = table(table(toml.db).seed);
    if (Array.isArray(seed.sql_paths)) config.db.seedPaths = seed.sql_paths.map(String);
    if (seed.enabled === false) config.db.seedPaths = [];
    const api = table(toml.api);
    if (Array.isArray(api.schemas)) config.api.schemas = api.schemas.map(String);
    if (Array.isArray(api.extra_search_path))
      config.api.extraSearchPath = api.extra_search_path.map(String);
    if (typeof api.max_rows === 'number')
      config.api.maxRows = api.max_rows > 0 ? api.max_rows : undefined;
    const auth = table(toml.auth);
    if (typeof auth.jwt_expiry === 'number') config.auth.jwtExpiry = auth.jwt_expiry;
    if (typeof auth.enable_signup === 'boolean') config.auth.enableSignup = auth.enable_signup;
    if (typeof auth.enable_refresh_token_rotation === 'boolean')
      config.auth.enableRefreshTokenRotation = auth.enable_refresh_token_rotation;
    if (typeof auth.refresh_token_reuse_interval === 'number')
      config.auth.refreshTokenReuseInterval = auth.refresh_token_reuse_interval;
    if (typeof auth.jwt_secret === 'string') config.auth.jwtSecret = auth.jwt_secret;
    const limits = table(auth.rate_limit);
    if (typeof limits.token_refresh === 'number')
      config.auth.rateLimit.tokenRefresh = limits.token_refresh;
    if (typeof limits.sign_in_sign_ups === 'number')
      config.auth.rateLimit.signInSignUps = limits.sign_in_sign_ups;
    const storage = table(toml.storage);
    if (storage.file_size_limit !== undefined)
      config.storage.fileSizeLimit = parseSize(storage.file_size_limit);
    for (const [name, value] of Object.entries(table(storage.buckets))) {
      const b = table(value);
      const objectsPath = typeof b.objects_path === 'string' ? b.objects_path : '';
      config.storage.buckets[name] = {
        ...(typeof b.public === 'boolean' ? { public: b.public } : {}),
        // The CLI's fallback: an unset (or zero) bucket limit becomes the global one.
        fileSizeLimit:
          b.file_size_limit !== undefined && parseSize(b.file_size_limit) > 0
            ? parseSize(b.file_size_limit)
            : config.storage.fileSizeLimit,
        ...(Array.isArray(b.allowed_mime_types)
          ? { allowedMimeTypes: b.allowed_mime_types.map(String) }
          : {}),
        ...(objectsPath
          ? {
              objectsPath: isAbsolute(objectsPath) ? objectsPath : join(dirname(path), objectsPath),
            }
          : {}),
      };
    }
  }
  if (overrides.jwtSecret) config.auth.jwtSecret = overrides.jwtSecret;
  // PostgREST and GoTrue refuse short HS256 secrets; so do we, before anything listens.
  if (config.auth.jwtSecret.length < 32) {
    throw new Error('The JWT secret must be at least 32 characters long.');
  }
  return config;
}
