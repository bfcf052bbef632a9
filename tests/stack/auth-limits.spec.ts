// Staff who are banned cannot get in, and nobody can hammer sign-in or refresh: per-address
// limits answer 429 as GoTrue does, without affecting anyone at another address.
import { describe, expect, it } from 'vitest';
import { clientAddress, serviceClient, targets } from './support/clients';
import { authClient, createStaff, signIn, uniqueEmail } from './support/auth-factory';

// The test stack's [auth.rate_limit] (global-setup): per address, per 5 minutes.
const SIGN_IN_LIMIT = 20;
const REFRESH_LIMIT = 30;

describe.each(targets())('auth bans and rate limits on $engine', (t) => {
  it('a banned staff member cannot sign in, refresh or use their token until the ban is lifted', async () => {
    const staff = await createStaff(t, 'banned', { ban_duration: '24h' });
    const client = authClient(t);
    const refused = await client.auth.signInWithPassword(staff);
    expect(refused.error).toMatchObject({ status: 400, code: 'user_banned' });
    // Without the password nothing is revealed about the ban.
    const guess = await client.auth.signInWithPassword({ email: staff.email, password: 'guess-1' });
    expect(guess.error).toMatchObject({ status: 400, code: 'invalid_credentials' });

    const admin = serviceClient(t).auth.admin;
    expect((await admin.updateUserById(staff.id, { ban_duration: 'none' })).error).toBeNull();
    const { session } = await signIn(t, staff);

    // Banned while signed in: the refresh token and the access token stop working.
    const banned = await admin.updateUserById(staff.id, { ban_duration: '1h30m' });
    expect(banned.data.user?.banned_until).toBeTruthy();
    const refresh = await client.auth.refreshSession({ refresh_token: session.refresh_token });
    expect(refresh.error).toMatchObject({ status: 400, code: 'user_banned' });
    const me = await client.auth.getUser(session.access_token);
    expect(me.error).toMatchObject({ status: 403, code: 'user_banned' });
  });

  it(`sign-in attempts: ${SIGN_IN_LIMIT} per address, then 429; other addresses unaffected`, async () => {
    const staff = await createStaff(t, 'limited');
    const attacker = authClient(t, clientAddress());
    for (let i = 0; i < SIGN_IN_LIMIT; i++) {
      const { error } = await attacker.auth.signInWithPassword({
        email: i % 2 ? staff.email : uniqueEmail('spray'),
        password: `wrong-${i}`,
      });
      expect(error).toMatchObject({ status: 400, code: 'invalid_credentials' });
    }
    const blocked = await attacker.auth.signInWithPassword(staff);
    expect(blocked.error).toMatchObject({ status: 429, code: 'over_request_rate_limit' });
    expect(blocked.data.session).toBeNull();
    // The real staff member at their own desk still gets in.
    const desk = await authClient(t, clientAddress()).auth.signInWithPassword(staff);
    expect(desk.error).toBeNull();
    // Refreshing is limited separately: the blocked address can still refresh a session.
    const refreshed = await attacker.auth.refreshSession({
      refresh_token: desk.data.session!.refresh_token,
    });
    expect(refreshed.error).toBeNull();
  });

  it(`token refreshes: ${REFRESH_LIMIT} per address, then 429`, async () => {
    const staff = await createStaff(t, 'refresher');
    let { session } = await signIn(t, staff);
    const tab = authClient(t, clientAddress());
    for (let i = 0; i < REFRESH_LIMIT; i++) {
      const { data, error } = await tab.auth.refreshSession({
        refresh_token: session.refresh_token,
      });
      expect(error).toBeNull();
      session = data.session!;
    }
    const blocked = await tab.auth.refreshSession({ refresh_token: session.refresh_token });
    expect(blocked.error).toMatchObject({ status: 429, code: 'over_request_rate_limit' });
    const elsewhere = await authClient(t, clientAddress()).auth.refreshSession({
      refresh_token: session.refresh_token,
    });
    expect(elsewhere.error).toBeNull();
  });
});
