// supabase-js clients for the rules specs, one per kind of caller: each demo staff role (a
// token signed like GoTrue's, so specs do not spend the sign-in rate limit), a visitor with
// only the anon key, and service_role for arranging fixtures and checking what is stored.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';
import { inject } from 'vitest';
import { signJwt } from '../../../local-supabase/jwt';
import { demoLogins } from '../../../scripts/demo-logins';
import type { DbTarget } from '../global-setup';

export type StaffRole = 'concierge' | 'workshop' | 'qc' | 'manager';
export type Caller = StaffRole | 'anon';
export const staffRoles: readonly StaffRole[] = ['concierge', 'workshop', 'qc', 'manager'];
export const callers: readonly Caller[] = [...staffRoles, 'anon'];

export function dbTargets(): DbTarget[] {
  return inject('dbTargets');
}

const options = {
  auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  // Node 20 has no global WebSocket, and supabase-js builds its realtime client eagerly.
  realtime: { transport: ws as unknown as typeof WebSocket },
} as const;

export function staffId(role: StaffRole): string {
  const login = demoLogins.find((l) => l.role === role);
  if (!login) throw new Error(`no demo login for ${role}`);
  return login.id;
}

/** An access token with the claims GoTrue puts in one (sub, role, aud, email, session). */
export function accessToken(t: DbTarget, userId: string, email = `${userId}@loupe.test`): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    {
      sub: userId,
      role: 'authenticated',
      aud: 'authenticated',
      email,
      iat: now,
      exp: now + 3600,
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: {},
      aal: 'aal1',
      session_id: crypto.randomUUID(),
      is_anonymous: false,
    },
    t.jwtSecret,
  );
}

export function clientFor(t: DbTarget, caller: Caller): SupabaseClient {
  if (caller === 'anon') return createClient(t.url, t.anonKey, options);
  return createClient(t.url, t.anonKey, {
    ...options,
    global: { headers: { Authorization: `Bearer ${accessToken(t, staffId(caller))}` } },
  });
}

export function serviceClient(t: DbTarget): SupabaseClient {
  return createClient(t.url, t.serviceRoleKey, options);
}
