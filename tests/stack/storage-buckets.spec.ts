// Storage buckets through supabase-js: service_role creates, reads, updates, empties and
// deletes them; API users are refused by RLS on storage.buckets; buckets inserted by a
// migration are there like on Supabase; errors carry Supabase Storage's status codes.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signJwt } from '../../local-supabase/jwt';
import { anonClient, serviceClient, targets } from './support/clients';

const unique = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

function userToken(jwtSecret: string, sub = randomUUID()): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    { sub, role: 'authenticated', aud: 'authenticated', iat: now, exp: now + 3600 },
    jwtSecret,
  );
}

describe.each(targets())('storage buckets on $engine', (t) => {
  it('lists the buckets a migration inserted, with their limits', async () => {
    const { data, error } = await serviceClient(t).storage.listBuckets();
    expect(error).toBeNull();
    const certificates = data?.find((b) => b.id === 'fixture-certificates');
    expect(certificates).toMatchObject({
      name: 'fixture-certificates',
      public: false,
      file_size_limit: 64 * 1024,
      allowed_mime_types: ['application/pdf', 'image/*'],
    });
    expect(data?.find((b) => b.id === 'fixture-public')?.public).toBe(true);
  });

  it('creates, reads, updates and deletes a bucket as service_role', async () => {
    const storage = serviceClient(t).storage;
    const id = unique('cad-renders');
    const created = await storage.createBucket(id, {
      public: false,
      fileSizeLimit: '1MB',
      allowedMimeTypes: ['image/png'],
    });
    expect(created).toEqual({ data: { name: id }, error: null });

    const got = await storage.getBucket(id);
    expect(got.error).toBeNull();
    expect(got.data).toMatchObject({
      id,
      name: id,
      public: false,
      file_size_limit: 1_000_000,
      allowed_mime_types: ['image/png'],
    });

    const updated = await storage.updateBucket(id, { public: true, fileSizeLimit: 2048 });
    expect(updated).toEqual({ data: { message: 'Successfully updated' }, error: null });
    const after = await storage.getBucket(id);
    // Only the settings sent change: the mime list stays.
    expect(after.data).toMatchObject({
      public: true,
      file_size_limit: 2048,
      allowed_mime_types: ['image/png'],
    });

    expect(await storage.deleteBucket(id)).toEqual({
      data: { message: 'Successfully deleted' },
      error: null,
    });
    const gone = await storage.getBucket(id);
    expect(gone.data).toBeNull();
    expect(gone.error).toMatchObject({ message: 'Bucket not found', statusCode: '404' });
  });

  it('refuses a second bucket with the same id as a duplicate', async () => {
    const storage = serviceClient(t).storage;
    const id = unique('dup');
    expect((await storage.createBucket(id)).error).toBeNull();
    const again = await storage.createBucket(id);
    expect(again.error).toMatchObject({
      message: 'The resource already exists',
      statusCode: '409',
      status: 400,
    });
    await storage.deleteBucket(id);
  });

  it('refuses invalid bucket names', async () => {
    const storage = serviceClient(t).storage;
    for (const name of ['a/b', '..', ' padded', 'x'.repeat(101)]) {
      const { error } = await storage.createBucket(name);
      expect(error, name).toMatchObject({ statusCode: '400' });
    }
  });

  it('will not delete a bucket that still holds objects, until it is emptied', async () => {
    const storage = serviceClient(t).storage;
    const id = unique('full');
    await storage.createBucket(id);
    await storage.from(id).upload('a/one.txt', Buffer.from('1'), { contentType: 'text/plain' });
    await storage.from(id).upload('two.txt', Buffer.from('2'), { contentType: 'text/plain' });

    const refused = await storage.deleteBucket(id);
    expect(refused.error).toMatchObject({
      message: 'The bucket you tried to delete is not empty',
      statusCode: '409',
    });
    expect(await storage.emptyBucket(id)).toEqual({
      data: { message: 'Successfully emptied' },
      error: null,
    });
    expect((await storage.from(id).list('')).data).toEqual([]);
    expect((await storage.deleteBucket(id)).error).toBeNull();
  });

  it('lets no anon or signed-in user create, change or delete buckets without a policy', async () => {
    const anon = anonClient(t).storage;
    const user = anonClient(t, userToken(t.jwtSecret)).storage;
    for (const storage of [anon, user]) {
      const created = await storage.createBucket(unique('sneaky'));
      expect(created.error).toMatchObject({
        message: 'new row violates row-level security policy',
        statusCode: '403',
      });
      // RLS hides every bucket from them, so updates and deletes find nothing.
      const updated = await storage.updateBucket('fixture-private', { public: true });
      expect(updated.error).toMatchObject({ message: 'Bucket not found', statusCode: '404' });
      expect((await storage.listBuckets()).data).toEqual([]);
    }
    expect((await serviceClient(t).storage.getBucket('fixture-private')).data?.public).toBe(false);
  });

  it('pages, searches and sorts the bucket list', async () => {
    const storage = serviceClient(t).storage;
    const tag = unique('page');
    const ids = [`${tag}-a`, `${tag}-b`, `${tag}-c`];
    for (const id of ids) await storage.createBucket(id);
    const desc = await storage.listBuckets({ search: tag, sortColumn: 'name', sortOrder: 'desc' });
    expect(desc.data?.map((b) => b.id)).toEqual([...ids].reverse());
    const page = await storage.listBuckets({ search: tag, limit: 1, offset: 1 });
    expect(page.data?.map((b) => b.id)).toEqual([ids[1]]);
    for (const id of ids) await storage.deleteBucket(id);
  });

  it('answers a token signed with another secret with InvalidJWT', async () => {
    const forged = userToken('another-secret-that-is-at-least-32-characters');
    const { error } = await anonClient(t, forged).storage.listBuckets();
    expect(error).toMatchObject({ statusCode: '400', message: 'invalid signature' });
  });
});
