// Row-level security and JWT handling over REST, as on Supabase: each request runs as the
// token's role with its claims, so two users see different rows, anon sees none, service_role
// sees all; refused writes are 401/403 42501; expired, forged or malformed tokens are 401.
import { describe, expect, it } from 'vitest';
import { signJwt } from '../../local-supabase/jwt';
import { anonClient, serviceClient, targets } from './support/clients';
import { expectPgrstError, restFetch, unique, userToken, USER_A, USER_B } from './support/rest';

type Row = Record<string, unknown>;

describe.each(targets())('REST row-level security and JWTs on $engine', (t) => {
  const alpha = anonClient(t, userToken(t, USER_A));
  const bravo = anonClient(t, userToken(t, USER_B));
  const anon = anonClient(t);
  const admin = serviceClient(t);

  describe('reads', () => {
    it('each user sees only their own notes', async () => {
      const a = await alpha.from('notes').select('owner_id, body').order('id');
      expect(a.error).toBeNull();
      expect(a.data!.every((r: Row) => r.owner_id === USER_A.id)).toBe(true);
      const aBodies = a.data!.map((r: Row) => r.body);
      expect(aBodies).toEqual(expect.arrayContaining(['alpha note one', 'alpha note two']));
      expect(aBodies).not.toContain('bravo note one');

      const b = await bravo.from('notes').select('owner_id, body');
      expect(b.data!.every((r: Row) => r.owner_id === USER_B.id)).toBe(true);
      expect(b.data!.map((r: Row) => r.body)).toContain('bravo note one');
    });

    it('anon sees none (no policy for anon), even with a filter that would match', async () => {
      const { data, error } = await anon.from('notes').select('*').eq('body', 'alpha note one');
      expect(error).toBeNull();
      expect(data).toEqual([]);
      const count = await anon.from('notes').select('*', { count: 'exact', head: true });
      expect(count.count).toBe(0);
    });

    it('service_role bypasses RLS and sees every owner', async () => {
      const { data } = await admin.from('notes').select('owner_id, body');
      const bodies = data!.map((r: Row) => r.body);
      expect(bodies).toEqual(
        expect.arrayContaining(['alpha note one', 'alpha note two', 'bravo note one']),
      );
    });

    it('the claims reach SQL: auth.uid(), auth.role(), auth.email()', async () => {
      const me = await alpha.rpc('whoami').single();
      expect(me.data).toEqual({ uid: USER_A.id, role: 'authenticated', email: USER_A.email });
      const nobody = await anon.rpc('whoami').single();
      expect(nobody.data).toEqual({ uid: null, role: 'anon', email: null });
      const service = await admin.rpc('whoami').single();
      expect(service.data).toMatchObject({ uid: null, role: 'service_role' });
    });
  });

  describe('writes', () => {
    it('a user inserts a note; the owner defaults to auth.uid(); the other user cannot see it', async () => {
      const body = unique('alpha insert');
      const { data, error, status } = await alpha
        .from('notes')
        .insert({ body })
        .select('owner_id, body')
        .single();
      expect(error).toBeNull();
      expect(status).toBe(201);
      expect(data).toEqual({ owner_id: USER_A.id, body });
      expect((await bravo.from('notes').select('id').eq('body', body)).data).toEqual([]);
      expect((await admin.from('notes').select('owner_id').eq('body', body)).data).toEqual([
        { owner_id: USER_A.id },
      ]);
    });

    it('inserting a row for someone else is refused by the policy: 403 42501, nothing stored', async () => {
      const body = unique('forged owner');
      const { error, status } = await alpha.from('notes').insert({ body, owner_id: USER_B.id });
      expect(status).toBe(403);
      const e = expectPgrstError(error, '42501');
      expect(e.message).toBe('new row violates row-level security policy for table "notes"');
      expect((await admin.from('notes').select('id').eq('body', body)).data).toEqual([]);
    });

    it('anon inserting is refused: 401 42501', async () => {
      const { error, status } = await anon
        .from('notes')
        .insert({ body: unique('anon note'), owner_id: USER_A.id });
      expect(status).toBe(401);
      expectPgrstError(error, '42501');
    });

    it("updating or deleting another user's row matches nothing and changes nothing", async () => {
      const body = unique('bravo private');
      const { data: created } = await bravo.from('notes').insert({ body }).select('id').single();
      const id = created!.id as number;

      const upd = await alpha.from('notes').update({ body: 'hijacked' }).eq('id', id).select();
      expect(upd.error).toBeNull();
      expect(upd.data).toEqual([]);
      const del = await alpha.from('notes').delete().eq('id', id).select();
      expect(del.error).toBeNull();
      expect(del.data).toEqual([]);

      expect((await admin.from('notes').select('body').eq('id', id)).data).toEqual([{ body }]);
    });

    it('a user updates and deletes their own row', async () => {
      const body = unique('alpha own');
      const { data: created } = await alpha.from('notes').insert({ body }).select('id').single();
      const id = created!.id as number;
      const upd = await alpha
        .from('notes')
        .update({ body: body + ' edited' })
        .eq('id', id)
        .select('body');
      expect(upd.data).toEqual([{ body: body + ' edited' }]);
      // The WITH CHECK of the update policy: giving the row away is refused.
      const giveAway = await alpha.from('notes').update({ owner_id: USER_B.id }).eq('id', id);
      expect(giveAway.status).toBe(403);
      expectPgrstError(giveAway.error, '42501');
      const del = await alpha.from('notes').delete().eq('id', id).select('id');
      expect(del.data).toEqual([{ id }]);
    });
  });

  describe('concurrency', () => {
    it('interleaved requests of two users, anon and failing writes never see each other’s role or rows', async () => {
      type Probe = () => Promise<string | null>;
      const ownRows =
        (client: typeof alpha, owner: string, who: string): Probe =>
        async () => {
          const { data, error } = await client.from('notes').select('owner_id');
          if (error) return `${who}: ${error.message}`;
          if (!data || data.length === 0) return `${who}: no rows`;
          return data.every((r: Row) => r.owner_id === owner)
            ? null
            : `${who}: saw another owner's rows`;
        };
      const identity =
        (client: typeof alpha, uid: string | null, who: string): Probe =>
        async () => {
          const { data } = await client.rpc('whoami').single();
          return (data as Row | null)?.uid === uid
            ? null
            : `${who}: whoami ${JSON.stringify(data)}`;
        };
      const anonSeesNothing: Probe = async () => {
        const { data } = await anon.from('notes').select('id');
        return data?.length === 0 ? null : `anon saw ${data?.length} rows`;
      };
      const refusedWrite: Probe = async () => {
        const { status } = await alpha
          .from('notes')
          .insert({ body: unique('race'), owner_id: USER_B.id });
        return status === 403 ? null : `refused write answered ${status}`;
      };
      const probes: Probe[] = [
        ownRows(alpha, USER_A.id, 'alpha'),
        ownRows(bravo, USER_B.id, 'bravo'),
        anonSeesNothing,
        identity(alpha, USER_A.id, 'alpha'),
        identity(bravo, USER_B.id, 'bravo'),
        identity(anon, null, 'anon'),
        refusedWrite,
      ];
      const results = await Promise.all(
        Array.from({ length: 84 }, (_, i) => probes[i % probes.length]!()),
      );
      expect(results.filter((r) => r !== null)).toEqual([]);
    });
  });

  describe('JWT validation', () => {
    it('an expired token → 401 PGRST303 "JWT expired" with WWW-Authenticate', async () => {
      const token = userToken(t, USER_A, { expiresIn: -120 });
      const res = await restFetch(t, '/notes?select=id', { token });
      expect(res.status).toBe(401);
      const e = expectPgrstError(await res.json(), 'PGRST303');
      expect(e.message).toBe('JWT expired');
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
      const viaClient = await anonClient(t, token).from('notes').select('id');
      expect(viaClient.status).toBe(401);
      expect(viaClient.error?.code).toBe('PGRST303');
    });

    it('a token expired by less than the 30 s clock skew is still accepted', async () => {
      const { error, status } = await anonClient(t, userToken(t, USER_A, { expiresIn: -10 }))
        .from('notes')
        .select('id');
      expect(error).toBeNull();
      expect(status).toBe(200);
    });

    it('a token not valid yet (nbf) or issued in the future (iat) → 401 PGRST303', async () => {
      const now = Math.floor(Date.now() / 1000);
      for (const claims of [{ nbf: now + 300 }, { iat: now + 300 }]) {
        const res = await restFetch(t, '/notes?select=id', {
          token: userToken(t, USER_A, { claims }),
        });
        expect(res.status).toBe(401);
        expectPgrstError(await res.json(), 'PGRST303');
      }
    });

    it('a signed token without a role claim runs as anon', async () => {
      const now = Math.floor(Date.now() / 1000);
      const token = signJwt({ sub: USER_A.id, aud: 'authenticated', exp: now + 600 }, t.jwtSecret);
      const { data, error } = await anonClient(t, token).from('notes').select('id');
      expect(error).toBeNull();
      expect(data).toEqual([]);
      const who = await anonClient(t, token).rpc('whoami').single();
      expect(who.data).toMatchObject({ uid: USER_A.id, role: null });
    });

    it('a token signed with another secret → 401 PGRST301', async () => {
      const forged = userToken(t, USER_A, { secret: 'x'.repeat(40) });
      const res = await restFetch(t, '/notes?select=id', { token: forged });
      expect(res.status).toBe(401);
      expectPgrstError(await res.json(), 'PGRST301');
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    });

    it('a token whose payload was edited after signing → 401 PGRST301', async () => {
      const [h, , s] = userToken(t, USER_A).split('.');
      const payload = Buffer.from(
        JSON.stringify({ sub: USER_B.id, role: 'service_role' }),
      ).toString('base64url');
      const res = await restFetch(t, '/notes?select=id', { token: `${h}.${payload}.${s}` });
      expect(res.status).toBe(401);
      expectPgrstError(await res.json(), 'PGRST301');
    });

    it('a malformed token → 401 PGRST301', async () => {
      const res = await restFetch(t, '/notes?select=id', { token: 'not-a-jwt' });
      expect(res.status).toBe(401);
      expect(expectPgrstError(await res.json(), 'PGRST301').message).toBe(
        'Expected 3 parts in JWT; got 1',
      );
    });

    it('a validly signed token for a role that does not exist → 401', async () => {
      const res = await restFetch(t, '/notes?select=id', {
        token: userToken(t, USER_A, { role: 'nobody' }),
      });
      expect(res.status).toBe(401);
      expectPgrstError(await res.json(), '22023');
    });
  });
});
