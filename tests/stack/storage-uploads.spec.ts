// Uploads that do not go smoothly, through the API of the shared stacks and, for what is on
// disk, a stack of this spec's own with a data folder it can look into: a request aborted
// mid-body or cut off by the size limit leaves no object and no file; resumable (TUS) uploads
// as Supabase serves them — chunks, a stop halfway, a dropped connection and a resume, a
// concurrent upload to the same path refused, limits and policies checked at creation.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { Upload } from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signJwt } from '../../local-supabase/jwt';
import { startStack, type Stack } from '../../local-supabase/server';
import { anonClient, serviceClient, targets } from './support/clients';

type Target = { url: string; anonKey: string; serviceRoleKey: string; jwtSecret: string };

function userToken(jwtSecret: string, sub: string): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    { sub, role: 'authenticated', aud: 'authenticated', iat: now, exp: now + 3600 },
    jwtSecret,
  );
}

/** Deterministic bytes, so a resumed upload can be compared byte for byte. */
function bytes(size: number, seed = 1): Buffer {
  const out = Buffer.alloc(size);
  for (let i = 0; i < size; i++) out[i] = (i * 31 + seed) & 0xff;
  return out;
}

const md5 = (data: Buffer) => `"${createHash('md5').update(data).digest('hex')}"`;

/** Sends `sent` bytes of a body declared as `declared` bytes, then drops the connection. */
function abortedRequest(
  t: Target,
  method: string,
  path: string,
  headers: Record<string, string>,
  declared: number,
  sent: Buffer,
): Promise<void> {
  const url = new URL(t.url);
  return new Promise((resolve) => {
    const req = request({
      host: url.hostname,
      port: url.port,
      method,
      path,
      headers: { ...headers, 'content-length': String(declared) },
    });
    req.on('error', () => undefined);
    req.on('response', (res) => res.resume());
    req.write(sent, () => {
      // Give the server time to take the bytes in, then vanish mid-body.
      setTimeout(() => {
        req.destroy();
        setTimeout(resolve, 150);
      }, 150);
    });
  });
}

function tusUpload(
  t: Target,
  token: string,
  data: Buffer,
  metadata: Record<string, string>,
  options: {
    uploadUrl?: string;
    upsert?: boolean;
    chunkSize?: number;
    stopAfter?: number;
    duringCreation?: boolean;
  } = {},
): Promise<{ url: string; stopped: boolean }> {
  return new Promise((resolve, reject) => {
    const upload: Upload = new Upload(data, {
      endpoint: `${t.url}/storage/v1/upload/resumable`,
      uploadUrl: options.uploadUrl ?? null,
      headers: {
        authorization: `Bearer ${token}`,
        apikey: t.anonKey,
        ...(options.upsert ? { 'x-upsert': 'true' } : {}),
      },
      chunkSize: options.chunkSize ?? 256 * 1024,
      retryDelays: [100, 300, 1000],
      uploadDataDuringCreation: options.duringCreation ?? false,
      metadata,
      onError: reject,
      onChunkComplete: (_chunk, accepted) => {
        if (options.stopAfter !== undefined && accepted >= options.stopAfter) {
          void upload.abort().then(() => resolve({ url: upload.url ?? '', stopped: true }));
        }
      },
      onSuccess: () => resolve({ url: upload.url ?? '', stopped: false }),
    });
    upload.start();
  });
}

async function tusHeadOffset(url: string): Promise<number | undefined> {
  const res = await fetch(url, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
  if (res.status !== 200) return undefined;
  return Number(res.headers.get('upload-offset'));
}

async function tusCreate(t: Target, token: string, bucket: string, name: string, length: number) {
  const meta = (k: string, v: string) => `${k} ${Buffer.from(v).toString('base64')}`;
  return fetch(`${t.url}/storage/v1/upload/resumable`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'Tus-Resumable': '1.0.0',
      'Upload-Length': String(length),
      'Upload-Metadata': [
        meta('bucketName', bucket),
        meta('objectName', name),
        meta('contentType', 'application/pdf'),
      ].join(','),
    },
  });
}

describe.each(targets())('storage uploads on $engine', (t) => {
  const bucket = `uploads-${randomUUID().slice(0, 8)}`;
  const admin = () => serviceClient(t).storage;
  const files = () => admin().from(bucket);
  const auth = { apikey: t.serviceRoleKey, authorization: `Bearer ${t.serviceRoleKey}` };

  beforeAll(async () => {
    expect(
      (await admin().createBucket(bucket, { public: false, fileSizeLimit: 4 * 1024 * 1024 })).error,
    ).toBeNull();
  });
  afterAll(async () => {
    await admin().emptyBucket(bucket);
    await admin().deleteBucket(bucket);
  });

  it('leaves no object when a raw upload is aborted mid-body, and the path stays free', async () => {
    await abortedRequest(
      t,
      'POST',
      `/storage/v1/object/${bucket}/aborted/raw.bin`,
      { ...auth, 'content-type': 'application/octet-stream' },
      1024 * 1024,
      bytes(300 * 1024),
    );
    expect((await files().info('aborted/raw.bin')).error).toMatchObject({ statusCode: '404' });
    expect((await files().list('aborted')).data).toEqual([]);
    const retry = await files().upload('aborted/raw.bin', bytes(1024), {
      contentType: 'application/octet-stream',
    });
    expect(retry.error).toBeNull();
  });

  it('leaves no object when a multipart upload is aborted mid-file', async () => {
    const boundary = '----loupe' + randomUUID();
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="cacheControl"\r\n\r\n3600\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name=""; filename="v.mp4"\r\n` +
        `Content-Type: video/mp4\r\n\r\n`,
    );
    await abortedRequest(
      t,
      'POST',
      `/storage/v1/object/${bucket}/aborted/form.mp4`,
      { ...auth, 'content-type': `multipart/form-data; boundary=${boundary}` },
      2 * 1024 * 1024,
      Buffer.concat([head, bytes(400 * 1024)]),
    );
    expect((await files().info('aborted/form.mp4')).error).toMatchObject({ statusCode: '404' });
  });

  it('cuts off a streamed upload of unknown length at the size limit and answers 413', async () => {
    const limit = 4 * 1024 * 1024;
    // A stream has no Content-Length, so the limit can only be enforced while reading.
    const stream = Readable.from(
      (function* () {
        for (let sent = 0; sent <= limit; sent += 256 * 1024) yield bytes(256 * 1024, sent);
      })(),
    );
    const up = await files().upload('too-big/stream.bin', stream, {
      contentType: 'application/octet-stream',
      duplex: 'half',
    });
    expect(up.error).toMatchObject({
      statusCode: '413',
      message: 'The object exceeded the maximum allowed size',
    });
    expect((await files().info('too-big/stream.bin')).error).toMatchObject({ statusCode: '404' });
  });

  it('lets exactly one of several simultaneous uploads to a path win; the others get 409', async () => {
    const bodies = [0, 1, 2, 3, 4].map((i) => bytes(64 * 1024, i));
    const results = await Promise.all(
      bodies.map((body) =>
        files().upload('race/one.bin', body, { contentType: 'application/octet-stream' }),
      ),
    );
    const winners = results.flatMap((r, i) => (r.error ? [] : [i]));
    expect(winners).toHaveLength(1);
    for (const r of results.filter((r) => r.error)) {
      expect(r.error).toMatchObject({ statusCode: '409' });
    }
    const down = await files().download('race/one.bin');
    expect(Buffer.from(await down.data!.arrayBuffer()).equals(bodies[winners[0]!]!)).toBe(true);
  });

  it('uploads resumably in chunks over TUS, with the metadata Supabase reads', async () => {
    const data = bytes(1024 * 1024 + 123);
    const { stopped } = await tusUpload(t, t.serviceRoleKey, data, {
      bucketName: bucket,
      objectName: 'tus/full.mp4',
      contentType: 'video/mp4',
      cacheControl: '600',
      metadata: JSON.stringify({ order: 'LP-1002' }),
    });
    expect(stopped).toBe(false);
    const info = await files().info('tus/full.mp4');
    expect(info.data).toMatchObject({
      size: data.length,
      contentType: 'video/mp4',
      cacheControl: 'max-age=600',
      metadata: { order: 'LP-1002' },
      etag: md5(data),
    });
    const down = await files().download('tus/full.mp4');
    expect(Buffer.from(await down.data!.arrayBuffer()).equals(data)).toBe(true);
  });

  it("takes the first chunk in the creation request, as in Supabase's tus-js-client example", async () => {
    const data = bytes(600 * 1024, 5);
    const meta = {
      bucketName: bucket,
      objectName: 'tus/with-creation.bin',
      contentType: 'video/mp4',
    };
    const done = await tusUpload(t, t.serviceRoleKey, data, meta, { duringCreation: true });
    expect(done.stopped).toBe(false);
    const down = await files().download('tus/with-creation.bin');
    expect(Buffer.from(await down.data!.arrayBuffer()).equals(data)).toBe(true);

    // A file smaller than one chunk is finished by the POST alone.
    const small = bytes(1000, 6);
    await tusUpload(
      t,
      t.serviceRoleKey,
      small,
      { ...meta, objectName: 'tus/one-shot.bin' },
      {
        duringCreation: true,
      },
    );
    expect((await files().info('tus/one-shot.bin')).data).toMatchObject({ size: 1000 });
  });

  it('keeps no object for a TUS upload stopped halfway, and resumes it from the offset', async () => {
    const data = bytes(1024 * 1024, 7);
    const meta = {
      bucketName: bucket,
      objectName: 'tus/halfway.bin',
      contentType: 'application/octet-stream',
    };
    const first = await tusUpload(t, t.serviceRoleKey, data, meta, { stopAfter: 512 * 1024 });
    expect(first.stopped).toBe(true);
    expect(await tusHeadOffset(first.url)).toBe(512 * 1024);
    expect((await files().info('tus/halfway.bin')).error).toMatchObject({ statusCode: '404' });
    expect((await files().list('tus')).data?.map((e) => e.name)).not.toContain('halfway.bin');

    const resumed = await tusUpload(t, t.serviceRoleKey, data, meta, { uploadUrl: first.url });
    expect(resumed).toEqual({ url: first.url, stopped: false });
    const down = await files().download('tus/halfway.bin');
    expect(Buffer.from(await down.data!.arrayBuffer()).equals(data)).toBe(true);
    // Its eTag is the MD5 of all the bytes, however many requests brought them.
    expect((await files().info('tus/halfway.bin')).data?.etag).toBe(md5(data));
    // The finished upload is gone from the TUS endpoint.
    expect(await tusHeadOffset(first.url)).toBeUndefined();
  });

  it('resumes a TUS upload after the connection dropped mid-chunk', async () => {
    const data = bytes(900 * 1024, 3);
    const create = await tusCreate(t, t.serviceRoleKey, bucket, 'tus/dropped.pdf', data.length);
    expect(create.status).toBe(201);
    const location = create.headers.get('location')!;
    await abortedRequest(
      t,
      'PATCH',
      new URL(location).pathname,
      {
        ...auth,
        'tus-resumable': '1.0.0',
        'upload-offset': '0',
        'content-type': 'application/offset+octet-stream',
      },
      data.length,
      data.subarray(0, 300 * 1024),
    );
    const offset = await tusHeadOffset(location);
    // Whatever reached the server before the drop is kept; nothing beyond what was sent.
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(300 * 1024);
    expect((await files().info('tus/dropped.pdf')).error).toMatchObject({ statusCode: '404' });

    await tusUpload(
      t,
      t.serviceRoleKey,
      data,
      { bucketName: bucket, objectName: 'tus/dropped.pdf', contentType: 'application/pdf' },
      { uploadUrl: location },
    );
    const down = await files().download('tus/dropped.pdf');
    expect(Buffer.from(await down.data!.arrayBuffer()).equals(data)).toBe(true);
    expect((await files().info('tus/dropped.pdf')).data?.etag).toBe(md5(data));
  });

  it('refuses a second concurrent TUS upload to the same path with 409', async () => {
    const first = await tusCreate(t, t.serviceRoleKey, bucket, 'tus/contended.pdf', 1000);
    expect(first.status).toBe(201);
    const second = await tusCreate(t, t.serviceRoleKey, bucket, 'tus/contended.pdf', 1000);
    expect(second.status).toBe(409);
    expect(await second.text()).toBe('Another upload to this object is in progress');

    // Abandoning the first (TUS termination) frees the path.
    const terminated = await fetch(first.headers.get('location')!, {
      method: 'DELETE',
      headers: { ...auth, 'Tus-Resumable': '1.0.0' },
    });
    expect(terminated.status).toBe(204);
    const third = await tusCreate(t, t.serviceRoleKey, bucket, 'tus/contended.pdf', 1000);
    expect(third.status).toBe(201);
  });

  it('refuses at creation what the bucket, the existing object or the policies refuse', async () => {
    await files().upload('tus/exists.pdf', bytes(10), { contentType: 'application/pdf' });
    const duplicate = await tusCreate(t, t.serviceRoleKey, bucket, 'tus/exists.pdf', 10);
    expect(duplicate.status).toBe(409);
    expect(await duplicate.text()).toBe('The resource already exists');

    const tooBig = await tusCreate(
      t,
      t.serviceRoleKey,
      bucket,
      'tus/huge.pdf',
      4 * 1024 * 1024 + 1,
    );
    expect(tooBig.status).toBe(413);

    const pdfOnly = await tusCreate(
      t,
      t.serviceRoleKey,
      'fixture-certificates',
      `${bucket}/a.pdf`,
      10,
    );
    expect(pdfOnly.status).toBe(201);
    const meta = (k: string, v: string) => `${k} ${Buffer.from(v).toString('base64')}`;
    const wrongType = await fetch(`${t.url}/storage/v1/upload/resumable`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${t.serviceRoleKey}`,
        'Tus-Resumable': '1.0.0',
        'Upload-Length': '10',
        'Upload-Metadata': [
          meta('bucketName', 'fixture-certificates'),
          meta('objectName', `${bucket}/b.txt`),
          meta('contentType', 'text/plain'),
        ].join(','),
      },
    });
    expect(wrongType.status).toBe(415);

    const alice = randomUUID();
    const intoOthers = await tusCreate(
      t,
      userToken(t.jwtSecret, alice),
      'fixture-private',
      `${randomUUID()}/v.pdf`,
      10,
    );
    expect(intoOthers.status).toBe(403);
    expect(await intoOthers.text()).toBe('new row violates row-level security policy');
    const own = await tusUpload(t, userToken(t.jwtSecret, alice), bytes(5000), {
      bucketName: 'fixture-private',
      objectName: `${alice}/v.pdf`,
      contentType: 'application/pdf',
    });
    expect(own.stopped).toBe(false);
    const mine = await anonClient(t, userToken(t.jwtSecret, alice))
      .storage.from('fixture-private')
      .info(`${alice}/v.pdf`);
    expect(mine.data).toMatchObject({ size: 5000 });
    await admin()
      .from('fixture-private')
      .remove([`${alice}/v.pdf`]);

    const traversal = await tusCreate(t, t.serviceRoleKey, bucket, 'tus/../../escape.pdf', 10);
    expect(traversal.status).toBe(400);
  });

  it('answers TUS protocol errors as tus-js-client expects', async () => {
    const noVersion = await fetch(`${t.url}/storage/v1/upload/resumable`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.serviceRoleKey}`, 'Upload-Length': '1' },
    });
    expect(noVersion.status).toBe(412);
    const create = await tusCreate(t, t.serviceRoleKey, bucket, 'tus/proto.pdf', 4);
    const location = create.headers.get('location')!;
    const wrongOffset = await fetch(location, {
      method: 'PATCH',
      headers: {
        ...auth,
        'Tus-Resumable': '1.0.0',
        'Upload-Offset': '2',
        'Content-Type': 'application/offset+octet-stream',
      },
      body: Buffer.from('ab'),
    });
    expect(wrongOffset.status).toBe(409);
    const unknown = await fetch(`${t.url}/storage/v1/upload/resumable/bm9wZQ`, {
      method: 'HEAD',
      headers: { 'Tus-Resumable': '1.0.0' },
    });
    expect(unknown.status).toBe(404);
    const preflight = await fetch(`${t.url}/storage/v1/upload/resumable`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('upload-offset');
  });
});

/** This spec's own stack, in the shape the shared client helpers take. */
const asTarget = (s: Stack) => ({ ...s, engine: s.db.engine });

describe('storage bytes on disk', () => {
  let stack: Stack;
  let dir: string;
  const bucket = 'disk';
  const files = () => serviceClient(asTarget(stack)).storage.from(bucket);
  const auth = () => ({
    apikey: stack.serviceRoleKey,
    authorization: `Bearer ${stack.serviceRoleKey}`,
  });
  /** Every file in the stack's storage folders, relative to the data folder. */
  const onDisk = (sub: string) => {
    const root = join(dir, sub);
    const out: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else out.push(relative(root, join(d, e.name)));
      }
    };
    if (existsSync(root)) walk(root);
    return out.sort();
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'loupe-storage-spec-'));
    stack = await startStack({
      port: 0,
      data: dir,
      projectDir: join(dir, 'project'),
      seedFile: null,
      log: () => undefined,
    });
    expect(
      (
        await serviceClient(asTarget(stack)).storage.createBucket(bucket, {
          public: false,
          fileSizeLimit: 1024 * 1024,
        })
      ).error,
    ).toBeNull();
  });
  afterAll(async () => {
    await stack?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps one file per object version under <data>/storage/<bucket>/<key>/', async () => {
    const up = await files().upload('a/b.txt', Buffer.from('one'), { contentType: 'text/plain' });
    expect(up.error).toBeNull();
    const [first] = onDisk('storage');
    expect(first).toMatch(/^disk\/a\/b\.txt\/[0-9a-f-]{36}$/);
    expect(statSync(join(dir, 'storage', first!)).size).toBe(3);

    await files().upload('a/b.txt', Buffer.from('two!'), {
      contentType: 'text/plain',
      upsert: true,
    });
    const afterUpsert = onDisk('storage');
    expect(afterUpsert).toHaveLength(1);
    expect(afterUpsert[0]).not.toBe(first);

    await files().move('a/b.txt', 'c/d.txt');
    expect(onDisk('storage')).toEqual([expect.stringMatching(/^disk\/c\/d\.txt\//)]);
    await files().remove(['c/d.txt']);
    expect(onDisk('storage')).toEqual([]);
    expect(onDisk('storage-uploads')).toEqual([]);
  });

  it('keeps exactly one file when simultaneous upserts replace the same object', async () => {
    const bodies = [0, 1, 2, 3, 4, 5].map((i) => bytes(32 * 1024, i));
    const results = await Promise.all(
      bodies.map((body) =>
        files().upload('race/upsert.bin', body, {
          contentType: 'application/octet-stream',
          upsert: true,
        }),
      ),
    );
    expect(results.map((r) => r.error)).toEqual(bodies.map(() => null));
    const left = onDisk('storage');
    expect(left).toHaveLength(1);
    const down = await files().download('race/upsert.bin');
    const stored = Buffer.from(await down.data!.arrayBuffer());
    expect(bodies.some((b) => b.equals(stored))).toBe(true);
    await files().remove(['race/upsert.bin']);
    expect(onDisk('storage')).toEqual([]);
  });

  it('leaves no partial file behind for aborted, oversized or refused uploads', async () => {
    await abortedRequest(
      stack,
      'POST',
      `/storage/v1/object/${bucket}/partial.bin`,
      { ...auth(), 'content-type': 'application/octet-stream' },
      900 * 1024,
      bytes(200 * 1024),
    );
    const oversized = await files().upload(
      'big.bin',
      Readable.from([bytes(600 * 1024), bytes(600 * 1024)]),
      { contentType: 'application/octet-stream', duplex: 'half' },
    );
    expect(oversized.error).toMatchObject({ statusCode: '413' });
    await files().upload('dup.txt', Buffer.from('x'), { contentType: 'text/plain' });
    const dup = await files().upload('dup.txt', Buffer.from('y'), { contentType: 'text/plain' });
    expect(dup.error).toMatchObject({ statusCode: '409' });

    expect(onDisk('storage')).toEqual([expect.stringMatching(/^disk\/dup\.txt\//)]);
    expect(onDisk('storage-uploads')).toEqual([]);
    await files().remove(['dup.txt']);
  });

  it('holds a stopped TUS upload outside the bucket folder, resumes it after a restart, and cleans up', async () => {
    const data = bytes(700 * 1024, 9);
    const meta = { bucketName: bucket, objectName: 'video/unboxing.mp4', contentType: 'video/mp4' };
    const first = await tusUpload(stack, stack.serviceRoleKey, data, meta, {
      stopAfter: 256 * 1024,
    });
    expect(first.stopped).toBe(true);
    expect(onDisk('storage')).toEqual([]);
    expect(onDisk('storage-uploads').some((f) => f.endsWith('.part'))).toBe(true);

    // The stack goes down and comes back on the same data folder.
    const port = stack.port;
    await stack.close();
    stack = await startStack({
      port,
      data: dir,
      projectDir: join(dir, 'project'),
      seedFile: null,
      log: () => undefined,
    });
    expect(await tusHeadOffset(first.url)).toBe(256 * 1024);

    await tusUpload(stack, stack.serviceRoleKey, data, meta, { uploadUrl: first.url });
    const down = await files().download('video/unboxing.mp4');
    expect(Buffer.from(await down.data!.arrayBuffer()).equals(data)).toBe(true);
    expect((await files().info('video/unboxing.mp4')).data?.etag).toBe(md5(data));
    expect(onDisk('storage')).toEqual([expect.stringMatching(/^disk\/video\/unboxing\.mp4\//)]);
    expect(onDisk('storage-uploads')).toEqual([]);

    // Terminating an unfinished upload removes its bytes.
    const abandoned = await tusUpload(
      stack,
      stack.serviceRoleKey,
      data,
      { ...meta, objectName: 'video/other.mp4' },
      {
        stopAfter: 256 * 1024,
      },
    );
    const del = await fetch(abandoned.url, {
      method: 'DELETE',
      headers: { ...auth(), 'Tus-Resumable': '1.0.0' },
    });
    expect(del.status).toBe(204);
    expect(onDisk('storage-uploads')).toEqual([]);
  });
});
