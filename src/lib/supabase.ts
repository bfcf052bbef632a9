// The one supabase-js client of the app: REST, Auth, Storage and Realtime all go through it.
import { createClient } from '@supabase/supabase-js';
import { env } from '../config/env';
import type { Database } from '../types/database';

export const supabase = createClient<Database>(env.supabaseUrl, env.supabaseAnonKey, {
  auth: {
    persistSession: true,
    autoRefreshToken: true,
    // Email + password only: there is no OAuth redirect whose tokens could arrive in the URL.
    detectSessionInUrl: false,
    storageKey: 'loupe-auth',
  },
});
