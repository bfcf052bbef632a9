// supabase-js clients for the stack specs: one per role, never persisting sessions, so specs
// stay independent of each other.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { inject } from 'vitest';
import type { StackTarget } from '../global-setup';

export function targets(): StackTarget[] {
  return inject('stackTargets');
}

export function anonClient(t: StackTarget, accessToken?: string): SupabaseClient {
  return createClient(t.url, t.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    ...(accessToken ? { global: { headers: { Authorization: `Bearer ${accessToken}` } } } : {}),
  });
}

export function serviceClient(t: StackTarget): SupabaseClient {
  return createClient(t.url, t.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
}
