// The customer's own connection to the house: a separate anon supabase-js client that carries
// the link's token in the `x-review-token` header. It keeps no session (persistSession false,
// its own storage key), so a staff session in the same browser is never sent, and the token
// never reaches a URL: the page's functions are called with POST bodies, and Storage's policy
// reads the header (request.headers) to sign exactly the files of the link's round.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { env } from '../../../config/env';
import type { Database } from '../../../types/database';

export type ReviewClient = SupabaseClient<Database>;

// One client per token for the page's life: React (StrictMode, a remount) may ask twice. Each
// client gets a storage key of its own (numbered, never the token, which must stay out of
// logs): supabase-js warns in the console about two GoTrueClients on one key.
const clients = new Map<string, ReviewClient>();

export function createReviewClient(token: string): ReviewClient {
  const existing = clients.get(token);
  if (existing) return existing;
  const client = createClient<Database>(env.supabaseUrl, env.supabaseAnonKey, {
    global: { headers: { 'x-review-token': token } },
    auth: {
      persistSession: false,
      autoRefreshToken: false,
      detectSessionInUrl: false,
      // Not the staff client's key either.
      storageKey: `loupe-review-${clients.size + 1}`,
    },
  });
  clients.set(token, client);
  return client;
}
