// supabase-js clients for the stack specs: one per role, never persisting sessions, so specs
// stay independent of each other.
import { randomInt } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';
import { inject } from 'vitest';
import type { StackTarget } from '../global-setup';

export function targets(): StackTarget[] {
  return inject('stackTargets');
}

/** Node 20 has no global WebSocket; supabase-js builds its realtime client eagerly. */
export const realtime = { transport: ws as unknown as typeof WebSocket };

// Auth limits sign-ins and refreshes per client address (the first X-Forwarded-For entry, as
// behind Supabase's gateway). Every client made here gets an address of its own, so specs
// running side by side on one stack never use up each other's allowance.
// Random rather than counted: spec files reload this module, and a counter would start over.
export function clientAddress(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

export function anonClient(t: StackTarget, accessToken?: string): SupabaseClient {
  return createClient(t.url, t.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime,
    global: {
      headers: {
        'X-Forwarded-For': clientAddress(),
        ...(accessToken ? { Authorization: `Bearer ${accessToken}` } : {}),
      },
    },
  });
}

export function serviceClient(t: StackTarget): SupabaseClient {
  return createClient(t.url, t.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime,
    global: { headers: { 'X-Forwarded-For': clientAddress() } },
  });
}
