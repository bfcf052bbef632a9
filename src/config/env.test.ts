// The app must start with no .env (local stack defaults) and refuse a mistyped one plainly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCAL_SUPABASE_ANON_KEY, LOCAL_SUPABASE_URL, parseEnv } from './env';

describe('parseEnv', () => {
  it('falls back to the local stack when nothing is set', () => {
    expect(parseEnv({})).toEqual({
      supabaseUrl: LOCAL_SUPABASE_URL,
      supabaseAnonKey: LOCAL_SUPABASE_ANON_KEY,
    });
    expect(parseEnv({ VITE_SUPABASE_URL: ' ', VITE_SUPABASE_ANON_KEY: '' }).supabaseUrl).toBe(
      LOCAL_SUPABASE_URL,
    );
  });

  it('uses a real project when both variables are given, without a trailing slash', () => {
    expect(
      parseEnv({ VITE_SUPABASE_URL: 'https://abc.supabase.co/', VITE_SUPABASE_ANON_KEY: 'a.b.c' }),
    ).toEqual({ supabaseUrl: 'https://abc.supabase.co', supabaseAnonKey: 'a.b.c' });
  });

  it('refuses a URL that is not http(s) and a key that is not a JWT', () => {
    expect(() => parseEnv({ VITE_SUPABASE_URL: 'abc.supabase.co' })).toThrow(/not a URL/);
    expect(() => parseEnv({ VITE_SUPABASE_URL: 'ftp://abc' })).toThrow(/http:\/\/ or https/);
    expect(() => parseEnv({ VITE_SUPABASE_ANON_KEY: 'https://abc.supabase.co' })).toThrow(
      /not a JWT/,
    );
  });

  it('defaults to the same values .env.example documents', () => {
    // jsdom gives modules an http: import.meta.url; vitest runs from the repo root.
    const example = readFileSync(join(process.cwd(), '.env.example'), 'utf8');
    expect(example).toContain(`VITE_SUPABASE_URL=${LOCAL_SUPABASE_URL}\n`);
    expect(example).toContain(`VITE_SUPABASE_ANON_KEY=${LOCAL_SUPABASE_ANON_KEY}`);
  });
});
