// The session auth hands out is what REST trusts: the access token from sign-in is the Bearer
// that row-level security reads with auth.uid(), and the refresh-token chain it keeps in the
// database is the one GoTrue keeps (checked through a service_role-only fixture function).
import { describe, expect, it } from 'vitest';
import { anonClient, serviceClient, targets } from './support/clients';
import { authClient, createStaff, signIn } from './support/auth-factory';

describe.each(targets())('auth tokens on REST on $engine', (t) => {
  it("a signed-in staff member's token is their identity for RLS on /rest/v1", async () => {
    const ana = await signIn(t, await createStaff(t, 'ana'));
    const ben = await signIn(t, await createStaff(t, 'ben'));
    const asAna = anonClient(t, ana.session.access_token);
    const asBen = anonClient(t, ben.session.access_token);

    const inserted = await asAna.from('auth_notes').insert({ body: 'ring resized' }).select();
    expect(inserted.error).toBeNull();
    expect(inserted.data).toEqual([
      { id: expect.any(Number), owner_id: ana.session.user.id, body: 'ring resized' },
    ]);
    expect((await asBen.from('auth_notes').insert({ body: 'stone set' })).error).toBeNull();
    // Nobody may write a note in someone else's name.
    const forged = await asBen
      .from('auth_notes')
      .insert({ owner_id: ana.session.user.id, body: 'not mine' });
    expect(forged.error?.code).toBe('42501');

    const anaSees = await asAna.from('auth_notes').select('body, owner_id');
    expect(anaSees.data).toEqual([{ body: 'ring resized', owner_id: ana.session.user.id }]);
    const benSees = await asBen.from('auth_notes').select('body');
    expect(benSees.data).toEqual([{ body: 'stone set' }]);
    const anonSees = await anonClient(t).from('auth_notes').select('body');
    expect(anonSees.data ?? []).toEqual([]);

    // A refreshed token carries the same identity.
    const refreshed = await authClient(t).auth.refreshSession({
      refresh_token: ana.session.refresh_token,
    });
    const again = await anonClient(t, refreshed.data.session!.access_token)
      .from('auth_notes')
      .select('body');
    expect(again.data).toEqual([{ body: 'ring resized' }]);
  });

  it('rotation leaves a chain in auth.refresh_tokens: each token the parent of the next', async () => {
    const staff = await createStaff(t, 'chain');
    const { session } = await signIn(t, staff);
    const tab = authClient(t);
    const b = (await tab.auth.refreshSession({ refresh_token: session.refresh_token })).data
      .session!;
    const c = (await tab.auth.refreshSession({ refresh_token: b.refresh_token })).data.session!;

    const { data, error } = await serviceClient(t).rpc('auth_fixture_token_chain', {
      target: staff.id,
    });
    expect(error).toBeNull();
    const rows = data as {
      token: string;
      parent: string | null;
      revoked: boolean;
      session_id: string;
    }[];
    expect(rows.map((r) => [r.token, r.parent, r.revoked])).toEqual([
      [session.refresh_token, null, true],
      [b.refresh_token, session.refresh_token, true],
      [c.refresh_token, b.refresh_token, false],
    ]);
    expect(new Set(rows.map((r) => r.session_id)).size).toBe(1);

    // The fixture function is for the service_role only.
    const denied = await anonClient(t, session.access_token).rpc('auth_fixture_token_chain', {
      target: staff.id,
    });
    expect(denied.error).not.toBeNull();
  });
});
