// Staff sign in, stay signed in and sign out through supabase-js's auth client, as against
// Supabase's GoTrue: password grant, getUser/updateUser, refresh-token rotation with the reuse
// interval and reuse detection, logout scopes, and access tokens that are expired or forged.
import { describe, expect, it } from 'vitest';
import { signJwt, verifyJwt } from '../../local-supabase/jwt';
import { serviceClient, targets } from './support/clients';
import {
  authClient,
  authFetch,
  createStaff,
  jwtPayload,
  signIn,
  sleep,
  uniqueEmail,
} from './support/auth-factory';

/** The test stack's refresh-token reuse interval (global-setup), in ms, plus a margin. */
const PAST_REUSE_INTERVAL_MS = 2_300;

describe.each(targets())('auth sessions on $engine', (t) => {
  it('a staff member created by an admin signs in and gets a session with Supabase claims', async () => {
    const staff = await createStaff(t, 'concierge');
    const client = authClient(t);
    const before = Math.floor(Date.now() / 1000);
    const { data, error } = await client.auth.signInWithPassword({
      email: staff.email.toUpperCase(),
      password: staff.password,
    });
    expect(error).toBeNull();
    const session = data.session!;
    expect(session.token_type).toBe('bearer');
    expect(session.expires_in).toBeGreaterThan(3590);
    expect(session.expires_at).toBeGreaterThanOrEqual(before + 3600);
    expect(session.refresh_token).toMatch(/^\w{12,}$/);
    expect(data.user).toMatchObject({
      id: staff.id,
      email: staff.email,
      aud: 'authenticated',
      role: 'authenticated',
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: { full_name: 'Test concierge' },
    });
    expect(data.user!.last_sign_in_at).toBeTruthy();
    expect(data.user!.identities?.[0]).toMatchObject({ provider: 'email', user_id: staff.id });

    // Signed with the project's JWT secret, with the claims Supabase puts in access tokens.
    const claims = verifyJwt(session.access_token, t.jwtSecret);
    expect(claims).toMatchObject({
      iss: `${t.url}/auth/v1`,
      sub: staff.id,
      aud: 'authenticated',
      role: 'authenticated',
      email: staff.email,
      phone: '',
      aal: 'aal1',
      is_anonymous: false,
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: { full_name: 'Test concierge' },
    });
    expect(claims.exp! - claims.iat!).toBe(3600);
    expect(claims.session_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(claims.amr).toEqual([{ method: 'password', timestamp: expect.any(Number) }]);

    const { data: me, error: meError } = await client.auth.getUser(session.access_token);
    expect(meError).toBeNull();
    expect(me.user?.id).toBe(staff.id);
  });

  it('a staff member seeded with a pgcrypto bcrypt hash signs in', async () => {
    const { data, error } = await authClient(t).auth.signInWithPassword({
      email: 'seeded.setter@auth-fixture.test',
      password: 'pavé-setting-42',
    });
    expect(error).toBeNull();
    expect(data.user?.id).toBe('aaaaaaaa-0000-4000-8000-00000000a001');
    expect(data.user?.user_metadata).toEqual({ full_name: 'Seeded Setter' });
  });

  it('a wrong password and an unknown email get the same answer', async () => {
    const staff = await createStaff(t, 'workshop');
    const client = authClient(t);
    const wrongPassword = await client.auth.signInWithPassword({
      email: staff.email,
      password: 'not-the-password',
    });
    const unknownEmail = await client.auth.signInWithPassword({
      email: uniqueEmail('nobody'),
      password: 'not-the-password',
    });
    for (const { data, error } of [wrongPassword, unknownEmail]) {
      expect(data.session).toBeNull();
      expect(error).toMatchObject({ status: 400, code: 'invalid_credentials' });
      expect(error?.message).toBe('Invalid login credentials');
    }
  });

  it('an email nobody confirmed cannot sign in, even with the right password', async () => {
    const staff = await createStaff(t, 'unconfirmed', { email_confirm: false });
    const { error } = await authClient(t).auth.signInWithPassword(staff);
    expect(error).toMatchObject({ status: 400, code: 'email_not_confirmed' });
  });

  it('errors come in the shape the client asked for (API version header)', async () => {
    const body = { email: uniqueEmail('nobody'), password: 'whatever-it-is' };
    const legacy = await authFetch(t, '/token?grant_type=password', { method: 'POST', body });
    expect(legacy.status).toBe(400);
    expect(legacy.body).toEqual({
      code: 400,
      error_code: 'invalid_credentials',
      msg: 'Invalid login credentials',
    });
    const current = await authFetch(t, '/token?grant_type=password', {
      method: 'POST',
      body,
      headers: { 'X-Supabase-Api-Version': '2024-01-01' },
    });
    expect(current.body).toEqual({
      code: 'invalid_credentials',
      message: 'Invalid login credentials',
    });
    expect(current.headers.get('x-supabase-api-version')).toBe('2024-01-01');
    const missing = await authFetch(t, '/token?grant_type=refresh_token', {
      method: 'POST',
      body: {},
    });
    expect(missing).toMatchObject({
      status: 400,
      body: { error: 'invalid_request', error_description: 'refresh_token required' },
    });
    const badJson = await authFetch(t, '/token?grant_type=password', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: undefined,
    });
    expect(badJson.status).toBe(400);
  });

  it('a staff member updates their profile data and password', async () => {
    const staff = await createStaff(t, 'qc');
    const { client, session } = await signIn(t, staff);
    const other = await signIn(t, staff);

    const { data, error } = await client.auth.updateUser({
      data: { full_name: 'QC Lead', station: 'bench 3' },
    });
    expect(error).toBeNull();
    expect(data.user?.user_metadata).toEqual({ full_name: 'QC Lead', station: 'bench 3' });
    // GoTrue merges user_metadata: a key sent as null is removed, others are kept.
    const removed = await client.auth.updateUser({ data: { station: null } });
    expect(removed.data.user?.user_metadata).toEqual({ full_name: 'QC Lead' });

    const same = await client.auth.updateUser({ password: staff.password });
    expect(same.error).toMatchObject({ status: 422, code: 'same_password' });
    const weak = await client.auth.updateUser({ password: 'abc' });
    expect(weak.error).toMatchObject({ status: 422, code: 'weak_password' });
    // app_metadata is for admins only (staff roles live there): a user cannot promote themself.
    const onlyAdmins = await authFetch(t, '/user', {
      method: 'PUT',
      headers: { Authorization: `Bearer ${session.access_token}` },
      body: { app_metadata: { staff_role: 'manager' } },
    });
    expect(onlyAdmins).toMatchObject({ status: 403, body: { error_code: 'not_admin' } });

    const newPassword = 'Loupe-new-password-1';
    const changed = await client.auth.updateUser({ password: newPassword });
    expect(changed.error).toBeNull();
    const oldPassword = await authClient(t).auth.signInWithPassword(staff);
    expect(oldPassword.error).toMatchObject({ code: 'invalid_credentials' });
    const withNew = await authClient(t).auth.signInWithPassword({
      email: staff.email,
      password: newPassword,
    });
    expect(withNew.error).toBeNull();
    // The other device must sign in again; the device that changed it stays signed in.
    const otherRefresh = await authClient(t).auth.refreshSession({
      refresh_token: other.session.refresh_token,
    });
    expect(otherRefresh.error).toMatchObject({ status: 400 });
    expect((await client.auth.getUser(session.access_token)).error).toBeNull();
  });

  it('a staff member changes their email and signs in with the new one', async () => {
    const staff = await createStaff(t, 'rename');
    const { client } = await signIn(t, staff);
    const taken = await createStaff(t, 'taken');
    const clash = await client.auth.updateUser({ email: taken.email });
    expect(clash.error).toMatchObject({ status: 422, code: 'email_exists' });
    const email = uniqueEmail('renamed');
    const { data, error } = await client.auth.updateUser({ email });
    expect(error).toBeNull();
    expect(data.user?.email).toBe(email);
    const again = await authClient(t).auth.signInWithPassword({ email, password: staff.password });
    expect(again.error).toBeNull();
  });

  it('refreshing rotates the refresh token; a just-rotated token still works briefly', async () => {
    const staff = await createStaff(t, 'rotation');
    const { session } = await signIn(t, staff);
    const client = authClient(t);
    const first = await client.auth.refreshSession({ refresh_token: session.refresh_token });
    expect(first.error).toBeNull();
    const b = first.data.session!;
    expect(b.refresh_token).not.toBe(session.refresh_token);
    expect(jwtPayload(b.access_token).session_id).toBe(jwtPayload(session.access_token).session_id);
    const second = await client.auth.refreshSession({ refresh_token: b.refresh_token });
    expect(second.error).toBeNull();
    // Inside the reuse interval (two tabs refreshing at once) the first token is still honoured.
    const concurrent = await client.auth.refreshSession({ refresh_token: session.refresh_token });
    expect(concurrent.error).toBeNull();
    expect(concurrent.data.session?.refresh_token).not.toBe(second.data.session?.refresh_token);
  });

  it('replaying an old refresh token after the reuse interval revokes the whole session', async () => {
    const staff = await createStaff(t, 'replay');
    const { session: a } = await signIn(t, staff);
    const client = authClient(t);
    const b = (await client.auth.refreshSession({ refresh_token: a.refresh_token })).data.session!;
    await sleep(PAST_REUSE_INTERVAL_MS);
    // The client lost the answer to its last refresh: the same answer is given again.
    const lost = await client.auth.refreshSession({ refresh_token: a.refresh_token });
    expect(lost.error).toBeNull();
    expect(lost.data.session?.refresh_token).toBe(b.refresh_token);

    const c = (await client.auth.refreshSession({ refresh_token: b.refresh_token })).data.session!;
    expect(c.refresh_token).toBeTruthy();
    const replay = await client.auth.refreshSession({ refresh_token: a.refresh_token });
    expect(replay.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' });
    expect(replay.error?.message).toBe('Invalid Refresh Token: Already Used');
    // Whoever holds the newest token is cut off too: the session is over.
    const newest = await client.auth.refreshSession({ refresh_token: c.refresh_token });
    expect(newest.error).toMatchObject({ status: 400, code: 'session_expired' });
    const middle = await client.auth.refreshSession({ refresh_token: b.refresh_token });
    expect(middle.error).toMatchObject({ status: 400 });
    // A different session of the same person is untouched.
    const elsewhere = await signIn(t, staff);
    const ok = await client.auth.refreshSession({
      refresh_token: elsewhere.session.refresh_token,
    });
    expect(ok.error).toBeNull();
  });

  it('several tabs refreshing the same token at once all stay signed in, on one new token', async () => {
    const staff = await createStaff(t, 'tabs');
    const { session } = await signIn(t, staff);
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map(() =>
        authClient(t).auth.refreshSession({ refresh_token: session.refresh_token }),
      ),
    );
    for (const { error } of results) expect(error).toBeNull();
    // The first rotation wins; the others get its answer again (the parent-of-active rule).
    const issued = new Set(results.map((r) => r.data.session?.refresh_token));
    expect(issued.size).toBe(1);
    expect(issued.has(session.refresh_token)).toBe(false);
  });

  it('an unknown refresh token is refused', async () => {
    const { error } = await authClient(t).auth.refreshSession({ refresh_token: 'notatoken123' });
    expect(error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
  });

  it('signing out ends the session: its tokens stop working, other sessions per scope', async () => {
    const staff = await createStaff(t, 'logout');
    const laptop = await signIn(t, staff);
    const tablet = await signIn(t, staff);
    const phone = await signIn(t, staff);
    const probe = authClient(t);

    expect((await laptop.client.auth.signOut({ scope: 'local' })).error).toBeNull();
    const laptopUser = await probe.auth.getUser(laptop.session.access_token);
    expect(laptopUser.data.user).toBeNull();
    expect(laptopUser.error?.name).toBe('AuthSessionMissingError');
    const laptopRefresh = await probe.auth.refreshSession({
      refresh_token: laptop.session.refresh_token,
    });
    expect(laptopRefresh.error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
    expect((await probe.auth.getUser(tablet.session.access_token)).error).toBeNull();

    expect((await tablet.client.auth.signOut({ scope: 'others' })).error).toBeNull();
    expect((await probe.auth.getUser(phone.session.access_token)).data.user).toBeNull();
    expect((await probe.auth.getUser(tablet.session.access_token)).error).toBeNull();

    expect((await tablet.client.auth.signOut()).error).toBeNull();
    expect((await probe.auth.getUser(tablet.session.access_token)).data.user).toBeNull();
    const tabletRefresh = await probe.auth.refreshSession({
      refresh_token: tablet.session.refresh_token,
    });
    expect(tabletRefresh.error).toMatchObject({ status: 400 });

    const bad = await authFetch(t, '/logout?scope=everyone', {
      method: 'POST',
      headers: { Authorization: `Bearer ${phone.session.access_token}` },
    });
    expect(bad).toMatchObject({ status: 400, body: { error_code: 'validation_failed' } });
  });

  it('an expired, forged or missing access token is refused on /user', async () => {
    const staff = await createStaff(t, 'tokens');
    const { session } = await signIn(t, staff);
    const claims = jwtPayload(session.access_token);
    const now = Math.floor(Date.now() / 1000);
    const expired = signJwt({ ...claims, iat: now - 7200, exp: now - 3600 }, t.jwtSecret);
    const forged = signJwt(claims, 'x'.repeat(40));
    const probe = authClient(t);
    for (const token of [expired, forged]) {
      const { data, error } = await probe.auth.getUser(token);
      expect(data.user).toBeNull();
      // GoTrue answers a token it cannot verify with 403 bad_jwt (auth-js signs out on 401/403).
      expect(error).toMatchObject({ status: 403, code: 'bad_jwt' });
    }
    const none = await authFetch(t, '/user');
    expect(none).toMatchObject({ status: 401, body: { error_code: 'no_authorization' } });
    // A token for a user who no longer exists.
    await serviceClient(t).auth.admin.deleteUser(staff.id);
    const gone = await probe.auth.getUser(session.access_token);
    expect(gone.error).toMatchObject({ status: 403, code: 'user_not_found' });
  });
});
