// The house's buckets through supabase-js, signed in as each role: who may upload to which
// bucket, that a file must belong to an existing order (or intake request), the size and type
// limits Storage enforces per bucket, signed URLs for reading, and who may remove a file.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import {
  accessToken,
  callers,
  clientFor,
  dbTargets,
  serviceClient,
  staffId,
  type Caller,
} from './support/clients';
import { createOrder } from './support/factories';

type BucketCase = {
  bucket: string;
  writers: Caller[];
  file: { name: string; type: string };
  /** Files hang off an intake request in this bucket, off an order in the others. */
  owner: 'order' | 'intake';
  limitBytes: number;
  refusedType: string;
};

const buckets: BucketCase[] = [
  {
    bucket: 'intake-references',
    writers: ['concierge', 'manager'],
    file: { name: 'inspiration.png', type: 'image/png' },
    owner: 'intake',
    limitBytes: 15 * 1024 * 1024,
    refusedType: 'application/pdf',
  },
  {
    bucket: 'cad',
    writers: ['workshop', 'concierge', 'manager'],
    file: { name: 'render.pdf', type: 'application/pdf' },
    owner: 'order',
    limitBytes: 50 * 1024 * 1024,
    refusedType: 'video/mp4',
  },
  {
    bucket: 'certificates',
    writers: ['qc', 'manager'],
    file: { name: 'gia-report.pdf', type: 'application/pdf' },
    owner: 'order',
    limitBytes: 20 * 1024 * 1024,
    refusedType: 'image/webp',
  },
  {
    bucket: 'qc-photos',
    writers: ['qc', 'manager'],
    file: { name: 'prongs.jpg', type: 'image/jpeg' },
    owner: 'order',
    limitBytes: 25 * 1024 * 1024,
    refusedType: 'video/mp4',
  },
  {
    bucket: 'qc-videos',
    writers: ['qc', 'manager'],
    file: { name: 'unboxing.mp4', type: 'video/mp4' },
    owner: 'order',
    limitBytes: 500 * 1024 * 1024,
    refusedType: 'image/gif',
  },
  {
    bucket: 'shipping-labels',
    writers: ['concierge', 'workshop', 'manager'],
    file: { name: 'label.pdf', type: 'application/pdf' },
    owner: 'order',
    limitBytes: 5 * 1024 * 1024,
    refusedType: 'image/jpeg',
  },
];

const small = (type: string) => new Blob([new Uint8Array(2048).fill(7)], { type });

describe.each(dbTargets())('storage buckets on $engine', (t) => {
  const svc = serviceClient(t);

  async function folderFor(c: BucketCase): Promise<string> {
    if (c.owner === 'order') return (await createOrder(svc, 'qc')).id;
    const { data: customer } = await svc
      .from('customers')
      .insert({ display_name: 'Files F.' })
      .select('id')
      .single();
    const { data: request, error } = await svc
      .from('intake_requests')
      .insert({
        customer_id: (customer as { id: string }).id,
        source: 'concierge_form',
        base: 'bespoke_ring',
        metal: 'platinum',
      })
      .select('id')
      .single();
    expect(error).toBeNull();
    return (request as { id: string }).id;
  }

  it('has every bucket private, with its limits', async () => {
    const { data, error } = await svc.storage.listBuckets();
    expect(error).toBeNull();
    const ours = (data ?? []).filter((b) => buckets.some((c) => c.bucket === b.id));
    expect(ours).toHaveLength(buckets.length);
    for (const b of ours) {
      expect(b.public).toBe(false);
      expect(b.file_size_limit).toBe(buckets.find((c) => c.bucket === b.id)?.limitBytes);
    }
  });

  describe.each(buckets)('$bucket', (c) => {
    it.each(callers.map((who) => [who] as const))('upload as %s', async (who) => {
      const folder = await folderFor(c);
      const path = `${folder}/${who}-${c.file.name}`;
      const { error } = await clientFor(t, who)
        .storage.from(c.bucket)
        .upload(path, small(c.file.type), { contentType: c.file.type });
      if (c.writers.includes(who)) {
        expect(error).toBeNull();
      } else {
        expect(error).not.toBeNull();
        const listed = await svc.storage.from(c.bucket).list(folder);
        expect(listed.data ?? []).toEqual([]);
      }
    });

    it('refuses a file that belongs to no known record', async () => {
      const writer = clientFor(t, c.writers[0] as Caller);
      const stray = await writer.storage
        .from(c.bucket)
        .upload(`${crypto.randomUUID()}/${c.file.name}`, small(c.file.type), {
          contentType: c.file.type,
        });
      expect(stray.error).not.toBeNull();
      const loose = await writer.storage
        .from(c.bucket)
        .upload(c.file.name, small(c.file.type), { contentType: c.file.type });
      expect(loose.error).not.toBeNull();
    });

    it('refuses the wrong file type (415)', async () => {
      const folder = await folderFor(c);
      const { error } = await clientFor(t, 'manager')
        .storage.from(c.bucket)
        .upload(`${folder}/wrong`, small(c.refusedType), { contentType: c.refusedType });
      expect((error as { statusCode?: string } | null)?.statusCode).toBe('415');
    });
  });

  /** An upload that announces `bytes` and sends none of them: Storage judges the declared
   * size before reading the body, as Supabase Storage does, so even the 500 MB video bucket is
   * tested without moving half a gigabyte. */
  function declareUpload(bucket: string, path: string, type: string, bytes: number) {
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${t.url}/storage/v1/object/${bucket}/${path}`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${accessToken(t, staffId('manager'))}`,
          apikey: t.anonKey,
          'Content-Type': type,
          'Content-Length': String(bytes),
        },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body });
          req.destroy();
        });
      });
      req.on('error', reject);
      req.flushHeaders();
    });
  }

  it.each(buckets)('refuses a file one byte over $bucket’s limit (413)', async (c) => {
    const folder = await folderFor(c);
    const over = await declareUpload(c.bucket, `${folder}/big`, c.file.type, c.limitBytes + 1);
    expect(JSON.parse(over.body)).toMatchObject({ statusCode: '413', error: 'Payload too large' });
    const listed = await svc.storage.from(c.bucket).list(folder);
    expect(listed.data ?? []).toEqual([]);
  });

  it('refuses a file over the bucket’s limit (413)', async () => {
    const folder = (await createOrder(svc, 'shipping')).id;
    const tooBig = new Blob([new Uint8Array(5 * 1024 * 1024 + 1)], { type: 'application/pdf' });
    const { error } = await clientFor(t, 'workshop')
      .storage.from('shipping-labels')
      .upload(`${folder}/label.pdf`, tooBig, { contentType: 'application/pdf' });
    expect((error as { statusCode?: string } | null)?.statusCode).toBe('413');
  });

  it('lets every staff role read through a signed URL, and nobody anonymous', async () => {
    const folder = (await createOrder(svc, 'qc')).id;
    const path = `${folder}/report.pdf`;
    const upload = await clientFor(t, 'qc')
      .storage.from('certificates')
      .upload(path, small('application/pdf'), { contentType: 'application/pdf' });
    expect(upload.error).toBeNull();
    for (const who of ['concierge', 'workshop', 'qc', 'manager'] as const) {
      const { data, error } = await clientFor(t, who)
        .storage.from('certificates')
        .createSignedUrl(path, 60);
      expect(error).toBeNull();
      const response = await fetch(data?.signedUrl ?? '');
      expect(response.status).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBe(2048);
    }
    const anon = await clientFor(t, 'anon').storage.from('certificates').createSignedUrl(path, 60);
    expect(anon.error).not.toBeNull();
  });

  it('lets the uploader or a manager remove a file, nobody else', async () => {
    const folder = (await createOrder(svc, 'qc')).id;
    const put = async (client: SupabaseClient, name: string) =>
      client.storage
        .from('qc-photos')
        .upload(`${folder}/${name}`, small('image/jpeg'), { contentType: 'image/jpeg' });
    expect((await put(clientFor(t, 'qc'), 'a.jpg')).error).toBeNull();
    expect((await put(clientFor(t, 'qc'), 'b.jpg')).error).toBeNull();

    const stranger = await clientFor(t, 'workshop')
      .storage.from('qc-photos')
      .remove([`${folder}/a.jpg`]);
    expect(stranger.data ?? []).toEqual([]);
    const own = await clientFor(t, 'qc')
      .storage.from('qc-photos')
      .remove([`${folder}/a.jpg`]);
    expect(own.data).toHaveLength(1);
    const manager = await clientFor(t, 'manager')
      .storage.from('qc-photos')
      .remove([`${folder}/b.jpg`]);
    expect(manager.data).toHaveLength(1);
    const left = await svc.storage.from('qc-photos').list(folder);
    expect(left.data ?? []).toEqual([]);
  });
});
