// Small factories for the auth specs: staff accounts made through the admin API (unique emails,
// so specs never collide), supabase-js clients with an address of their own, raw auth calls
// where a spec must see the exact HTTP status, headers and body.
import { randomUUID } from 'node:crypto';
import { createClient, type Session, type SupabaseClient } from '@supabase/supabase-js';
import type { StackTarget } from '../global-setup';
import { clientAddress, realtime, serviceClient } from './clients';

/** A supabase-js client seen by the stack as coming from `address`. */
export function authClient(t: StackTarget, address = clientAddress()): SupabaseClient {
  return createClient(t.url, t.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime,
    global: { headers: { 'X-Forwarded-For': address } },
  });
}

export function uniqueEmail(label: string): string {
  return `${label}.${randomUUID().slice(0, 8)}@loupe-auth.test`;
}

export type Staff = { id: string; email: string; password: string };

/** A confirmed staff account created by an admin, as Loupe's staff are. */
export async function createStaff(
  t: StackTarget,
  label: string,
  extra: Record<string, unknown> = {},
): Promise<Staff> {
  const email = uniqueEmail(label);
  const password = `Ring-${randomUUID()}`;
  const { data, error } = await serviceClient(t).auth.admin.createUser({
    email,
    password,
    email_confirm: true,
    user_metadata: { full_name: `Test ${label}` },
    ...extra,
  });
  if (error || !data.user) throw new Error(`could not create ${email}: ${error?.message}`);
  return { id: data.user.id, email, password };
}

/** A staff member signed in on a client of their own. */
export async function signIn(
  t: StackTarget,
  staff: Staff,
): Promise<{ client: SupabaseClient; session: Session }> {
  const client = authClient(t);
  const { data, error } = await client.auth.signInWithPassword({
    email: staff.email,
    password: staff.password,
  });
  if (error || !data.session)
    throw new Error(`sign-in failed for ${staff.email}: ${error?.message}`);
  return { client, session: data.session };
}

/** The payload of a JWT, for checking claims (the stack verifies signatures; specs read). */
export function jwtPayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** A raw call to /auth/v1, for status codes, headers and body shapes. */
export async function authFetch(
  t: StackTarget,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const response = await fetch(`${t.url}/auth/v1${path}`, {
    method: init.method ?? 'GET',
    headers: {
      apikey: t.anonKey,
      'X-Forwarded-For': clientAddress(),
      ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
