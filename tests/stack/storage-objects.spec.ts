// Storage objects through supabase-js as service_role: upload (raw body and FormData),
// duplicates and upserts, downloads (authenticated, public, ranges), info, list with
// prefix/limit/offset/sortBy/search and folder entries, move, copy, bulk remove, signed
// download and upload URLs with expiry, size and mime limits, and traversal attempts.
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceClient, targets } from './support/clients';
import type { StackTarget } from './global-setup';

const text = (s: string) => Buffer.from(s, 'utf8');
const plain = { contentType: 'text/plain' };

/** A raw HTTP request whose path is sent exactly as written (fetch would normalise it). */
function rawRequest(
  t: StackTarget,
  method: string,
  path: string,
  body?: Buffer,
): Promise<{ status: number; json: unknown }> {
  const url = new URL(t.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: {
          apikey: t.serviceRoleKey,
          authorization: `Bearer ${t.serviceRoleKey}`,
          'content-type': 'text/plain',
          ...(body ? { 'content-length': String(body.length) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          let json: unknown = raw;
          try {
            json = JSON.parse(raw);
          } catch {
            // not JSON
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe.each(targets())('storage objects on $engine', (t) => {
  const bucket = `objects-${randomUUID().slice(0, 8)}`;
  const storage = () => serviceClient(t).storage;
  const files = () => storage().from(bucket);

  beforeAll(async () => {
    const { error } = await storage().createBucket(bucket, { public: false });
    expect(error).toBeNull();
  });
  afterAll(async () => {
    await storage().emptyBucket(bucket);
    await storage().deleteBucket(bucket);
  });

  it('uploads a raw body and downloads the same bytes with its content type', async () => {
    const up = await files().upload('orders/LP-1001/spec.txt', text('18k rose gold, size 6'), {
      contentType: 'text/plain',
      cacheControl: '120',
    });
    expect(up.error).toBeNull();
    expect(up.data).toMatchObject({
      path: 'orders/LP-1001/spec.txt',
      fullPath: `${bucket}/orders/LP-1001/spec.txt`,
    });
    expect(up.data?.id).toMatch(/^[0-9a-f-]{36}$/);

    const down = await files().download('orders/LP-1001/spec.txt');
    expect(down.error).toBeNull();
    expect(await down.data?.text()).toBe('18k rose gold, size 6');
    expect(down.data?.type).toBe('text/plain');

    const info = await files().info('orders/LP-1001/spec.txt');
    expect(info.error).toBeNull();
    expect(info.data).toMatchObject({
      id: up.data?.id,
      name: 'orders/LP-1001/spec.txt',
      bucketId: bucket,
      size: 21,
      contentType: 'text/plain',
      cacheControl: 'max-age=120',
    });
    expect(info.data?.etag).toMatch(/^"[0-9a-f]{32}"$/);
  });

  it('uploads a Blob as multipart form data, with user metadata', async () => {
    const blob = new Blob([text('%PDF-1.7 certificate')], { type: 'application/pdf' });
    const up = await files().upload('certs/igi-1.pdf', blob, {
      metadata: { lab: 'IGI', report: '1' },
    });
    expect(up.error).toBeNull();
    const info = await files().info('certs/igi-1.pdf');
    expect(info.data).toMatchObject({
      contentType: 'application/pdf',
      size: 20,
      metadata: { lab: 'IGI', report: '1' },
    });
    expect(await (await files().download('certs/igi-1.pdf')).data?.text()).toBe(
      '%PDF-1.7 certificate',
    );
  });

  it('refuses a second upload to the same path unless it is an upsert, which replaces the bytes', async () => {
    await files().upload('dup/a.txt', text('first'), plain);
    const again = await files().upload('dup/a.txt', text('second'), plain);
    expect(again.error).toMatchObject({
      message: 'The resource already exists',
      statusCode: '409',
    });
    expect(await (await files().download('dup/a.txt')).data?.text()).toBe('first');

    const upsert = await files().upload('dup/a.txt', text('third'), { ...plain, upsert: true });
    expect(upsert.error).toBeNull();
    expect(await (await files().download('dup/a.txt')).data?.text()).toBe('third');

    const updated = await files().update(
      'dup/a.txt',
      new Blob([text('fourth')], { type: 'text/plain' }),
    );
    expect(updated.error).toBeNull();
    expect(await (await files().download('dup/a.txt')).data?.text()).toBe('fourth');
  });

  it('answers a missing object with Object not found', async () => {
    const down = await files().download('nope/missing.txt');
    expect(down.error).toMatchObject({ status: 400 });
    const info = await files().info('nope/missing.txt');
    expect(info.error).toMatchObject({ message: 'Object not found', statusCode: '404' });
    expect((await files().exists('nope/missing.txt')).data).toBe(false);
    expect(
      (await storage().from('no-such-bucket-x').upload('a.txt', text('x'), plain)).error,
    ).toMatchObject({
      message: 'Bucket not found',
      statusCode: '404',
    });
  });

  it('lists one folder level with folders as null-id entries, paging, sorting and search', async () => {
    for (const name of [
      'list/b.txt',
      'list/a.txt',
      'list/c.txt',
      'list/sub/x.txt',
      'list/sub/deeper/y.txt',
      'list/Zeta.txt',
    ]) {
      expect((await files().upload(name, text(name), plain)).error).toBeNull();
    }
    const all = await files().list('list');
    expect(all.error).toBeNull();
    expect(all.data?.map((e) => [e.name, e.id === null])).toEqual([
      ['Zeta.txt', false],
      ['a.txt', false],
      ['b.txt', false],
      ['c.txt', false],
      ['sub', true],
    ]);
    expect(all.data?.find((e) => e.name === 'a.txt')?.metadata).toMatchObject({
      size: 10,
      mimetype: 'text/plain',
    });

    const page = await files().list('list', { limit: 2, offset: 1 });
    expect(page.data?.map((e) => e.name)).toEqual(['a.txt', 'b.txt']);
    const desc = await files().list('list', { sortBy: { column: 'name', order: 'desc' } });
    expect(desc.data?.map((e) => e.name)).toEqual(['sub', 'c.txt', 'b.txt', 'a.txt', 'Zeta.txt']);
    const search = await files().list('list', { search: 'zet' });
    expect(search.data?.map((e) => e.name)).toEqual(['Zeta.txt']);
    const nested = await files().list('list/sub/');
    expect(nested.data?.map((e) => e.name)).toEqual(['deeper', 'x.txt']);
    const byDate = await files().list('list', { sortBy: { column: 'created_at', order: 'desc' } });
    // Folders first, then files newest first.
    expect(byDate.data?.map((e) => e.name)).toEqual(['sub', 'Zeta.txt', 'c.txt', 'a.txt', 'b.txt']);
  });

  it('moves an object (bytes follow, the old path is gone) and refuses to move onto an existing one', async () => {
    await files().upload('move/from.txt', text('moving'), plain);
    await files().upload('move/taken.txt', text('taken'), plain);
    expect(await files().move('move/from.txt', 'move/to.txt')).toEqual({
      data: { message: 'Successfully moved' },
      error: null,
    });
    expect(await (await files().download('move/to.txt')).data?.text()).toBe('moving');
    expect((await files().info('move/from.txt')).error).toMatchObject({ statusCode: '404' });

    const clash = await files().move('move/to.txt', 'move/taken.txt');
    expect(clash.error).toMatchObject({ statusCode: '409' });
    expect(await (await files().download('move/to.txt')).data?.text()).toBe('moving');
    expect(await (await files().download('move/taken.txt')).data?.text()).toBe('taken');
    expect((await files().move('move/absent.txt', 'move/x.txt')).error).toMatchObject({
      statusCode: '404',
    });
  });

  it('copies an object into the same or another bucket as an independent object', async () => {
    await files().upload('copy/src.txt', text('original'), plain);
    const copied = await files().copy('copy/src.txt', 'copy/dst.txt');
    expect(copied).toEqual({ data: { path: `${bucket}/copy/dst.txt` }, error: null });
    await files().update('copy/src.txt', text('changed'), plain);
    expect(await (await files().download('copy/dst.txt')).data?.text()).toBe('original');

    const across = await files().copy('copy/dst.txt', 'from-objects.txt', {
      destinationBucket: 'fixture-public',
    });
    expect(across.error).toBeNull();
    const pub = storage().from('fixture-public').getPublicUrl('from-objects.txt');
    const res = await fetch(pub.data.publicUrl);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('original');
    await storage().from('fixture-public').remove(['from-objects.txt']);
  });

  it('removes many objects at once and answers the ones removed', async () => {
    await files().upload('rm/1.txt', text('1'), plain);
    await files().upload('rm/2.txt', text('2'), plain);
    const removed = await files().remove(['rm/1.txt', 'rm/2.txt', 'rm/never-existed.txt']);
    expect(removed.error).toBeNull();
    expect(removed.data?.map((o) => o.name).sort()).toEqual(['rm/1.txt', 'rm/2.txt']);
    expect((await files().list('rm')).data).toEqual([]);
  });

  it('serves public buckets without a token and private buckets only to the authorised', async () => {
    await storage()
      .from('fixture-public')
      .upload(`${bucket}/ring.txt`, text('photo'), { ...plain, upsert: true });
    const open = await fetch(
      storage().from('fixture-public').getPublicUrl(`${bucket}/ring.txt`).data.publicUrl,
    );
    expect(open.status).toBe(200);
    expect(await open.text()).toBe('photo');

    await files().upload('private.txt', text('secret'), plain);
    const closed = await fetch(files().getPublicUrl('private.txt').data.publicUrl);
    expect(closed.status).toBe(400);
    expect(await closed.json()).toMatchObject({ statusCode: '404', message: 'Bucket not found' });
    await storage()
      .from('fixture-public')
      .remove([`${bucket}/ring.txt`]);
  });

  it('answers exists() and serves downloads as attachments when asked', async () => {
    await files().upload('attach/LP-1003 cert.txt', text('certificate'), plain);
    expect(await files().exists('attach/LP-1003 cert.txt')).toEqual({ data: true, error: null });
    const signed = await files().createSignedUrl('attach/LP-1003 cert.txt', 60, {
      download: 'certificate.txt',
    });
    const res = await fetch(signed.data!.signedUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('filename=certificate.txt');
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    const plainDownload = await fetch(
      `${t.url}/storage/v1/object/${bucket}/attach/LP-1003%20cert.txt?download`,
      { headers: { authorization: `Bearer ${t.serviceRoleKey}` } },
    );
    expect(plainDownload.headers.get('content-disposition')).toContain('LP-1003%20cert.txt');
    // Unchanged since the ETag the client holds: 304, no body.
    const again = await fetch(signed.data!.signedUrl, {
      headers: { 'if-none-match': res.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });

  it('serves byte ranges', async () => {
    await files().upload('range.txt', text('0123456789'), plain);
    const res = await fetch(`${t.url}/storage/v1/object/authenticated/${bucket}/range.txt`, {
      headers: { authorization: `Bearer ${t.serviceRoleKey}`, range: 'bytes=2-5' },
    });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 2-5/10');
    expect(await res.text()).toBe('2345');
  });

  it('signs download URLs that work without a token, only for the signed path', async () => {
    await files().upload('signed/a.txt', text('signed bytes'), plain);
    const signed = await files().createSignedUrl('signed/a.txt', 60);
    expect(signed.error).toBeNull();
    const res = await fetch(signed.data!.signedUrl);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('signed bytes');

    const token = new URL(signed.data!.signedUrl).searchParams.get('token');
    const other = await fetch(
      `${t.url}/storage/v1/object/sign/${bucket}/signed/b.txt?token=${token}`,
    );
    expect(other.status).toBe(400);
    expect(await other.json()).toMatchObject({ statusCode: '400', error: 'InvalidSignature' });

    // Flip a character in the middle of the signature (the last one may only hold padding bits).
    const [head, payload, signature] = token!.split('.') as [string, string, string];
    const flipped = signature.slice(0, 5) + (signature[5] === 'A' ? 'B' : 'A') + signature.slice(6);
    const tampered = await fetch(
      `${t.url}/storage/v1/object/sign/${bucket}/signed/a.txt?token=${head}.${payload}.${flipped}`,
    );
    expect(tampered.status).toBe(400);

    const many = await files().createSignedUrls(['signed/a.txt', 'signed/missing.txt'], 60);
    expect(many.data?.[0]?.error).toBeNull();
    expect(await (await fetch(many.data![0]!.signedUrl!)).text()).toBe('signed bytes');
    expect(many.data?.[1]).toMatchObject({
      path: 'signed/missing.txt',
      signedUrl: null,
      error: 'Either the object does not exist or you do not have access to it',
    });
    expect((await files().createSignedUrl('signed/missing.txt', 60)).error).toMatchObject({
      statusCode: '404',
    });
  });

  it('refuses a signed URL once it has expired', async () => {
    await files().upload('signed/expiring.txt', text('soon gone'), plain);
    const signed = await files().createSignedUrl('signed/expiring.txt', 1);
    expect((await fetch(signed.data!.signedUrl)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2100));
    const late = await fetch(signed.data!.signedUrl);
    expect(late.status).toBe(400);
    expect(await late.json()).toMatchObject({
      statusCode: '400',
      error: 'InvalidJWT',
      message: 'jwt expired',
    });
  });

  it('uploads through a signed upload URL, once', async () => {
    const signed = await files().createSignedUploadUrl('via-url/upload.txt');
    expect(signed.error).toBeNull();
    const up = await files().uploadToSignedUrl(
      'via-url/upload.txt',
      signed.data!.token,
      text('through the url'),
      plain,
    );
    expect(up).toEqual({
      data: { path: 'via-url/upload.txt', fullPath: `${bucket}/via-url/upload.txt` },
      error: null,
    });
    expect(await (await files().download('via-url/upload.txt')).data?.text()).toBe(
      'through the url',
    );
    const twice = await files().uploadToSignedUrl(
      'via-url/upload.txt',
      signed.data!.token,
      text('again'),
      plain,
    );
    expect(twice.error).toMatchObject({ statusCode: '409' });
    const wrongPath = await files().uploadToSignedUrl(
      'via-url/other.txt',
      signed.data!.token,
      text('x'),
      plain,
    );
    expect(wrongPath.error).toMatchObject({ statusCode: '400' });
  });

  it('enforces the bucket size limit and mime types', async () => {
    const certs = storage().from('fixture-certificates');
    const path = `${bucket}/limits`;
    const tooBig = await certs.upload(`${path}/big.pdf`, Buffer.alloc(64 * 1024 + 1), {
      contentType: 'application/pdf',
    });
    expect(tooBig.error).toMatchObject({
      statusCode: '413',
      message: 'The object exceeded the maximum allowed size',
    });
    const tooBigForm = await certs.upload(
      `${path}/big-form.pdf`,
      new Blob([Buffer.alloc(64 * 1024 + 1)], { type: 'application/pdf' }),
    );
    expect(tooBigForm.error).toMatchObject({ statusCode: '413' });
    const fits = await certs.upload(`${path}/fits.pdf`, Buffer.alloc(64 * 1024), {
      contentType: 'application/pdf',
    });
    expect(fits.error).toBeNull();

    const wrongType = await certs.upload(`${path}/notes.txt`, text('x'), plain);
    expect(wrongType.error).toMatchObject({
      statusCode: '415',
      message: 'mime type text/plain is not supported',
    });
    const wildcard = await certs.upload(`${path}/photo.jpg`, text('jpeg'), {
      contentType: 'image/jpeg',
    });
    expect(wildcard.error).toBeNull();

    const listed = await certs.list(path);
    expect(listed.data?.map((e) => e.name)).toEqual(['fits.pdf', 'photo.jpg']);
    await certs.remove([`${path}/fits.pdf`, `${path}/photo.jpg`]);
  });

  it('refuses traversal and invalid keys, however they are spelled', async () => {
    const attempts = [
      `/storage/v1/object/${bucket}/a%2F..%2F..%2Fescape.txt`,
      `/storage/v1/object/${bucket}/..%2Fescape.txt`,
      `/storage/v1/object/${bucket}/a%5C..%5Cescape.txt`,
      `/storage/v1/object/${bucket}/nul%00byte.txt`,
      `/storage/v1/object/${bucket}/%2Fabsolute.txt`,
      `/storage/v1/object/${bucket}/a//double.txt`,
      `/storage/v1/object/${bucket}/bad%ZZescape.txt`,
    ];
    for (const path of attempts) {
      const res = await rawRequest(t, 'POST', path, text('x'));
      expect(res.status, path).toBe(400);
      expect(res.json, path).toMatchObject({ statusCode: '400', error: 'InvalidKey' });
    }
    const move = await files().move('dup/a.txt', '../../escape.txt');
    expect(move.error).toMatchObject({ statusCode: '400' });
    const viaClient = await files().upload('../outside.txt', text('x'), plain);
    expect(viaClient.error).not.toBeNull();
    const listed = await files().list('');
    expect(listed.data?.map((e) => e.name)).not.toContain('escape.txt');
    expect(listed.data?.map((e) => e.name)).not.toContain('outside.txt');
  });
});
