// The app's two settings, validated once at startup: where Supabase is and its public anon key.
// Unset means the local stack `npm start` runs, so a fresh clone needs no .env file.

/** The local stack's URL and the Supabase CLI's well-known anon key (same as .env.example). */
export const LOCAL_SUPABASE_URL = 'http://127.0.0.1:54321';
export const LOCAL_SUPABASE_ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0';

export type AppEnv = { supabaseUrl: string; supabaseAnonKey: string };

type RawEnv = { VITE_SUPABASE_URL?: string; VITE_SUPABASE_ANON_KEY?: string };

/** Reads and checks the raw variables; a bad value stops the app with a sentence saying which. */
export function parseEnv(raw: RawEnv): AppEnv {
  const url = raw.VITE_SUPABASE_URL?.trim() || LOCAL_SUPABASE_URL;
  const key = raw.VITE_SUPABASE_ANON_KEY?.trim() || LOCAL_SUPABASE_ANON_KEY;

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`VITE_SUPABASE_URL is not a URL: "${url}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`VITE_SUPABASE_URL must start with http:// or https://, got "${url}"`);
  }
  // Anon keys are JWTs: three base64url segments. Catches a pasted URL or a truncated key.
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(key)) {
    throw new Error('VITE_SUPABASE_ANON_KEY is not a JWT (the project\'s "anon public" API key)');
  }
  return { supabaseUrl: url.replace(/\/+$/, ''), supabaseAnonKey: key };
}

export const env: AppEnv = parseEnv(import.meta.env as RawEnv);
