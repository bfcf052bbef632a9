// A manager's tooling creates, finds, changes and removes staff accounts through supabase-js's
// admin API with the service_role key, as against Supabase's GoTrue; nobody else may; sign-up
// is off unless the project turns it on.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../local-supabase/server';
import type { StackTarget } from './global-setup';
import { anonClient, serviceClient, targets } from './support/clients';
import { authClient, authFetch, createStaff, signIn, uniqueEmail } from './support/auth-factory';

describe.each(targets())('auth admin API on $engine', (t) => {
  const admin = () => serviceClient(t).auth.admin;

  it('creates a staff account with metadata, confirmed, with its email identity', async () => {
    const email = uniqueEmail('Manager');
    const { data, error } = await admin().createUser({
      email,
      password: 'Loupe-manager-1',
      email_confirm: true,
      user_metadata: { full_name: 'Mara Manager' },
      app_metadata: { staff_role: 'manager' },
    });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({
      email: email.toLowerCase(),
      aud: 'authenticated',
      role: 'authenticated',
      app_metadata: { provider: 'email', providers: ['email'], staff_role: 'manager' },
      user_metadata: { full_name: 'Mara Manager' },
    });
    expect(data.user?.email_confirmed_at).toBeTruthy();
    expect(data.user?.identities).toHaveLength(1);
    // app_metadata travels in the access token, where RLS policies can read it.
    const { session } = await signIn(t, {
      id: data.user!.id,
      email,
      password: 'Loupe-manager-1',
    });
    const claims = JSON.parse(
      Buffer.from(session.access_token.split('.')[1]!, 'base64url').toString(),
    ) as Record<string, unknown>;
    expect(claims.app_metadata).toMatchObject({ staff_role: 'manager' });
  });

  it('refuses a second account for the same email, and bad input', async () => {
    const staff = await createStaff(t, 'dup');
    const again = await admin().createUser({
      email: staff.email.toUpperCase(),
      password: 'x1y2z3w4',
    });
    expect(again.error).toMatchObject({ status: 422, code: 'email_exists' });
    const noEmail = await admin().createUser({ password: 'x1y2z3w4' });
    expect(noEmail.error).toMatchObject({ status: 400, code: 'validation_failed' });
    const badEmail = await admin().createUser({ email: 'not an email', password: 'x1y2z3w4' });
    expect(badEmail.error).toMatchObject({ status: 400, code: 'validation_failed' });
    const badBan = await admin().createUser({ email: uniqueEmail('ban'), ban_duration: 'forever' });
    expect(badBan.error).toMatchObject({ status: 400, code: 'validation_failed' });
  });

  it('two admins creating the same account at once: exactly one succeeds', async () => {
    const email = uniqueEmail('race');
    const results = await Promise.all(
      [1, 2, 3].map(() => admin().createUser({ email, password: 'Race-123456' })),
    );
    expect(results.filter((r) => r.error === null)).toHaveLength(1);
    for (const r of results.filter((x) => x.error !== null)) {
      expect(r.error).toMatchObject({ status: 422, code: 'email_exists' });
    }
  });

  it('lists accounts newest first, a page at a time, with pagination headers', async () => {
    const tag = `list${Date.now().toString(36)}`;
    const made: string[] = [];
    for (const n of [1, 2, 3]) made.push((await createStaff(t, `${tag}-${n}`)).email);
    // `filter` narrows to this test's accounts, so other specs' users do not move the pages.
    const page1 = await authFetch(t, `/admin/users?page=1&per_page=2&filter=${tag}`, {
      headers: { Authorization: `Bearer ${t.serviceRoleKey}` },
    });
    expect(page1.status).toBe(200);
    expect(page1.headers.get('x-total-count')).toBe('3');
    expect(page1.headers.get('link')).toBe(
      `</admin/users?filter=${tag}&page=2&per_page=2>; rel="next", ` +
        `</admin/users?filter=${tag}&page=2&per_page=2>; rel="last"`,
    );
    const emails = (page1.body.users as { email: string }[]).map((u) => u.email);
    expect(emails).toEqual([made[2], made[1]]);
    const page2 = await authFetch(t, `/admin/users?page=2&per_page=2&filter=${tag}`, {
      headers: { Authorization: `Bearer ${t.serviceRoleKey}` },
    });
    expect((page2.body.users as { email: string }[]).map((u) => u.email)).toEqual([made[0]]);
    expect(page2.headers.get('link')).not.toContain('rel="next"');

    // And through supabase-js, which reads the same headers.
    const { data, error } = await admin().listUsers({ page: 1, perPage: 2 });
    expect(error).toBeNull();
    expect(data.users).toHaveLength(2);
    expect(data).toMatchObject({ nextPage: 2 });
    expect('total' in data && data.total).toBeGreaterThanOrEqual(3);

    const bad = await authFetch(t, '/admin/users?page=two', {
      headers: { Authorization: `Bearer ${t.serviceRoleKey}` },
    });
    expect(bad).toMatchObject({ status: 400, body: { error_code: 'validation_failed' } });
  });

  it('gets and updates an account: metadata merged, email, password', async () => {
    const staff = await createStaff(t, 'update', { app_metadata: { staff_role: 'workshop' } });
    const got = await admin().getUserById(staff.id);
    expect(got.data.user?.email).toBe(staff.email);

    const { session } = await signIn(t, staff);
    const email = uniqueEmail('updated');
    const { data, error } = await admin().updateUserById(staff.id, {
      email,
      password: 'Loupe-reset-2',
      app_metadata: { staff_role: 'qc', station: 4 },
      user_metadata: { full_name: 'Quinn QC' },
    });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({
      email,
      app_metadata: { provider: 'email', providers: ['email'], staff_role: 'qc', station: 4 },
      user_metadata: { full_name: 'Quinn QC' },
    });
    // A password set by an admin signs the user out everywhere.
    const stale = await authClient(t).auth.refreshSession({ refresh_token: session.refresh_token });
    expect(stale.error).toMatchObject({ status: 400 });
    const fresh = await authClient(t).auth.signInWithPassword({ email, password: 'Loupe-reset-2' });
    expect(fresh.error).toBeNull();

    const missing = await admin().getUserById('00000000-0000-4000-8000-000000000000');
    expect(missing.error).toMatchObject({ status: 404, code: 'user_not_found' });
    const notUuid = await authFetch(t, '/admin/users/not-a-uuid', {
      headers: { Authorization: `Bearer ${t.serviceRoleKey}` },
    });
    expect(notUuid).toMatchObject({ status: 404, body: { error_code: 'validation_failed' } });
  });

  it('deletes an account; a soft-deleted one stays on record but cannot sign in', async () => {
    const hard = await createStaff(t, 'delete');
    expect((await admin().deleteUser(hard.id)).error).toBeNull();
    expect((await admin().getUserById(hard.id)).error).toMatchObject({ status: 404 });
    const gone = await authClient(t).auth.signInWithPassword(hard);
    expect(gone.error).toMatchObject({ code: 'invalid_credentials' });

    const soft = await createStaff(t, 'soft');
    const { session } = await signIn(t, soft);
    expect((await admin().deleteUser(soft.id, true)).error).toBeNull();
    const kept = await admin().getUserById(soft.id);
    expect(kept.data.user?.deleted_at).toBeTruthy();
    expect((await authClient(t).auth.signInWithPassword(soft)).error).toMatchObject({
      code: 'invalid_credentials',
    });
    const refresh = await authClient(t).auth.refreshSession({
      refresh_token: session.refresh_token,
    });
    expect(refresh.error).toMatchObject({ status: 400 });
  });

  it('only the service_role key may use the admin API', async () => {
    const asAnon = await anonClient(t).auth.admin.listUsers();
    expect(asAnon.error).toMatchObject({ status: 403, code: 'not_admin' });
    const staff = await createStaff(t, 'nosy');
    const { session } = await signIn(t, staff);
    const asUser = await anonClient(t, session.access_token).auth.admin.createUser({
      email: uniqueEmail('sneaky'),
    });
    expect(asUser.error).toMatchObject({ status: 403, code: 'not_admin' });
    const noBearer = await authFetch(t, '/admin/users');
    expect(noBearer).toMatchObject({ status: 401, body: { error_code: 'no_authorization' } });
    const noKey = await fetch(`${t.url}/auth/v1/admin/users`, {
      headers: { Authorization: `Bearer ${t.serviceRoleKey}` },
    });
    expect(noKey.status).toBe(401);
  });

  it('sign-up is off: 422 signup_disabled, and /settings says so', async () => {
    const { data, error } = await authClient(t).auth.signUp({
      email: uniqueEmail('walkin'),
      password: 'Walk-in-123',
    });
    expect(data.user).toBeNull();
    expect(error).toMatchObject({ status: 422, code: 'signup_disabled' });
    expect(error?.message).toBe('Signups not allowed for this instance');
    const settings = await authFetch(t, '/settings');
    expect(settings.body).toMatchObject({ disable_signup: true, external: { email: true } });
  });
});

describe('sign-up when the project enables it (own embedded stack)', () => {
  let stack: Stack;
  let dir: string;
  let target: StackTarget;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'loupe-auth-signup-'));
    mkdirSync(join(dir, 'migrations'));
    stack = await startStack({
      port: 0,
      data: 'memory',
      projectDir: dir,
      seedFile: null,
      log: () => undefined,
      configOverrides: (config) => {
        config.auth.enableSignup = true;
      },
    });
    target = {
      engine: 'pglite',
      url: stack.url,
      anonKey: stack.anonKey,
      serviceRoleKey: stack.serviceRoleKey,
      jwtSecret: stack.jwtSecret,
    };
  });
  afterAll(async () => {
    await stack?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a confirmed user and signs them in at once', async () => {
    const email = uniqueEmail('walkin');
    const { data, error } = await authClient(target).auth.signUp({
      email,
      password: 'Walk-in-123',
      options: { data: { full_name: 'Walk In' } },
    });
    expect(error).toBeNull();
    expect(data.session?.access_token).toBeTruthy();
    expect(data.user).toMatchObject({
      email,
      user_metadata: { full_name: 'Walk In' },
      app_metadata: { provider: 'email', providers: ['email'] },
    });
    expect(data.user?.email_confirmed_at).toBeTruthy();
    const again = await authClient(target).auth.signUp({ email, password: 'Walk-in-456' });
    expect(again.error).toMatchObject({ status: 422, code: 'user_already_exists' });
    const weak = await authClient(target).auth.signUp({ email: uniqueEmail('w'), password: '123' });
    expect(weak.error).toMatchObject({ status: 422, code: 'weak_password' });
    const settings = await authFetch(target, '/settings');
    expect(settings.body).toMatchObject({ disable_signup: false });
  });
});
