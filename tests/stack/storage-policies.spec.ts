// Storage authorised by the project's RLS policies on storage.objects, as on Supabase: two
// signed-in users each own the folder named after their id (fixture policies written with
// storage.foldername and auth.uid()); anon has no policy; an upsert needs insert, select and
// update policies, so the insert-only dropbox refuses one.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { signJwt } from '../../local-supabase/jwt';
import { anonClient, serviceClient, targets } from './support/clients';

const text = (s: string) => Buffer.from(s, 'utf8');
const plain = { contentType: 'text/plain' };

function userToken(jwtSecret: string, sub: string, expiresIn = 3600): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    { sub, role: 'authenticated', aud: 'authenticated', iat: now, exp: now + expiresIn },
    jwtSecret,
  );
}

describe.each(targets())('storage policies on $engine', (t) => {
  const alice = randomUUID();
  const bob = randomUUID();
  const asAlice = () =>
    anonClient(t, userToken(t.jwtSecret, alice)).storage.from('fixture-private');
  const asBob = () => anonClient(t, userToken(t.jwtSecret, bob)).storage.from('fixture-private');
  const asAnon = () => anonClient(t).storage.from('fixture-private');

  afterAll(async () => {
    const admin = serviceClient(t).storage;
    for (const who of [alice, bob]) {
      for (const b of ['fixture-private', 'fixture-dropbox']) {
        const listed = await admin.from(b).list(who, { limit: 1000 });
        const names = (listed.data ?? []).map((e) => `${who}/${e.name}`);
        if (names.length) await admin.from(b).remove(names);
      }
    }
  });

  it('lets each user upload into their own folder only', async () => {
    expect(
      (await asAlice().upload(`${alice}/ring.txt`, text('alice ring'), plain)).error,
    ).toBeNull();
    expect((await asBob().upload(`${bob}/ring.txt`, text('bob ring'), plain)).error).toBeNull();

    const intoBobs = await asAlice().upload(`${bob}/planted.txt`, text('x'), plain);
    expect(intoBobs.error).toMatchObject({
      statusCode: '403',
      message: 'new row violates row-level security policy',
    });
    const anon = await asAnon().upload(`${alice}/anon.txt`, text('x'), plain);
    expect(anon.error).toMatchObject({ statusCode: '403' });
    // Nothing was written for the refused uploads.
    const bobs = await serviceClient(t).storage.from('fixture-private').list(bob);
    expect(bobs.data?.map((e) => e.name)).toEqual(['ring.txt']);
  });

  it("never shows, signs, lists or serves one user's files to the other", async () => {
    await asAlice().upload(`${alice}/cad/v1.txt`, text('alice cad'), { ...plain, upsert: true });
    expect(await (await asAlice().download(`${alice}/cad/v1.txt`)).data?.text()).toBe('alice cad');

    const bobReads = await asBob().download(`${alice}/cad/v1.txt`);
    expect(bobReads.data).toBeNull();
    expect((await asBob().info(`${alice}/cad/v1.txt`)).error).toMatchObject({
      statusCode: '404',
      message: 'Object not found',
    });
    expect((await asBob().createSignedUrl(`${alice}/cad/v1.txt`, 60)).error).toMatchObject({
      statusCode: '404',
    });
    const signedMany = await asBob().createSignedUrls([`${alice}/cad/v1.txt`], 60);
    expect(signedMany.data?.[0]?.signedUrl).toBeNull();
    expect((await asBob().list(alice)).data).toEqual([]);
    expect((await asBob().list('')).data?.map((e) => e.name)).toEqual([bob]);
    expect((await asAnon().list(alice)).data).toEqual([]);

    const aliceSees = await asAlice().list(alice);
    expect(aliceSees.data?.map((e) => e.name)).toEqual(['cad', 'ring.txt']);
  });

  it("refuses to let one user move, copy, overwrite or delete the other's files", async () => {
    await asAlice().upload(`${alice}/keep.txt`, text('keep me'), { ...plain, upsert: true });

    expect((await asBob().move(`${alice}/keep.txt`, `${bob}/stolen.txt`)).error).toMatchObject({
      statusCode: '404',
    });
    expect((await asBob().copy(`${alice}/keep.txt`, `${bob}/copied.txt`)).error).toMatchObject({
      statusCode: '404',
    });
    const overwrite = await asBob().upload(`${alice}/keep.txt`, text('overwritten'), {
      ...plain,
      upsert: true,
    });
    expect(overwrite.error).not.toBeNull();
    const removed = await asBob().remove([`${alice}/keep.txt`]);
    expect(removed).toEqual({ data: [], error: null });
    // Alice cannot move her own file into Bob's folder either (the update's WITH CHECK).
    expect((await asAlice().move(`${alice}/keep.txt`, `${bob}/gift.txt`)).error).toMatchObject({
      statusCode: '403',
    });

    expect(await (await asAlice().download(`${alice}/keep.txt`)).data?.text()).toBe('keep me');
    const bobs = await serviceClient(t).storage.from('fixture-private').list(bob);
    expect(bobs.data?.map((e) => e.name)).toEqual(['ring.txt']);
  });

  it('lets a user move, copy, replace and delete within their own folder', async () => {
    const mine = asAlice();
    await mine.upload(`${alice}/own/a.txt`, text('a'), plain);
    expect((await mine.move(`${alice}/own/a.txt`, `${alice}/own/b.txt`)).error).toBeNull();
    expect((await mine.copy(`${alice}/own/b.txt`, `${alice}/own/c.txt`)).error).toBeNull();
    expect((await mine.update(`${alice}/own/c.txt`, text('c2'), plain)).error).toBeNull();
    expect(await (await mine.download(`${alice}/own/c.txt`)).data?.text()).toBe('c2');
    const removed = await mine.remove([`${alice}/own/b.txt`, `${alice}/own/c.txt`]);
    expect(removed.data?.map((o) => o.name).sort()).toEqual([
      `${alice}/own/b.txt`,
      `${alice}/own/c.txt`,
    ]);
    expect((await mine.list(`${alice}/own`)).data).toEqual([]);
  });

  it('refuses an upsert where the policies allow inserting but not reading and updating', async () => {
    const dropbox = anonClient(t, userToken(t.jwtSecret, alice)).storage.from('fixture-dropbox');
    expect((await dropbox.upload(`${alice}/drop.txt`, text('one'), plain)).error).toBeNull();
    const upsert = await dropbox.upload(`${alice}/drop.txt`, text('two'), {
      ...plain,
      upsert: true,
    });
    expect(upsert.error).not.toBeNull();
    expect(upsert.error).toMatchObject({ status: 400 });
    const fresh = await dropbox.upload(`${alice}/fresh.txt`, text('x'), { ...plain, upsert: true });
    expect(fresh.error).not.toBeNull();
    // The original bytes are untouched; the user cannot read them back.
    const admin = serviceClient(t).storage.from('fixture-dropbox');
    expect(await (await admin.download(`${alice}/drop.txt`)).data?.text()).toBe('one');
    expect((await admin.info(`${alice}/fresh.txt`)).error).toMatchObject({ statusCode: '404' });
    expect((await dropbox.download(`${alice}/drop.txt`)).data).toBeNull();
  });

  it('signs upload URLs only for paths the signer may write, with the signer as owner', async () => {
    const refused = await asBob().createSignedUploadUrl(`${alice}/via-bob.txt`);
    expect(refused.error).toMatchObject({ statusCode: '403' });

    const signed = await asAlice().createSignedUploadUrl(`${alice}/via-url.txt`);
    expect(signed.error).toBeNull();
    // Anyone holding the URL may use it (that is its point), even without a session.
    const used = await asAnon().uploadToSignedUrl(
      `${alice}/via-url.txt`,
      signed.data!.token,
      text('signed upload'),
      plain,
    );
    expect(used.error).toBeNull();
    const info = await asAlice().info(`${alice}/via-url.txt`);
    expect(info.data).toMatchObject({ size: 13 });
    const row = await serviceClient(t).storage.from('fixture-private').list(alice, {
      search: 'via-url',
    });
    expect(row.data?.map((e) => e.name)).toEqual(['via-url.txt']);
  });

  it('records the uploader as owner, visible in the objects the user removes', async () => {
    await asBob().upload(`${bob}/owned.txt`, text('mine'), plain);
    const removed = await asBob().remove([`${bob}/owned.txt`]);
    expect(removed.data?.[0]).toMatchObject({ owner: bob, owner_id: bob });
  });

  it('answers an expired user token with InvalidJWT, not as anon', async () => {
    const expired = userToken(t.jwtSecret, alice, -120);
    const res = await anonClient(t, expired).storage.from('fixture-private').list(alice);
    expect(res.error).toMatchObject({ statusCode: '400', message: 'jwt expired' });
  });
});
