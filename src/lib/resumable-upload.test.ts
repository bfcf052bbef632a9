// Resumable uploads against a TUS server that behaves like Supabase Storage's (MSW): a dropped
// connection mid-upload resumes from the offset the server kept, and an upload cut short in an
// earlier page visit continues from where it stopped instead of starting over.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { uploadResumable } from './resumable-upload';

// The browser build of tus-js-client (XMLHttpRequest, localStorage), as the app runs it; Node's
// build would be picked otherwise and cannot read a Blob. jsdom's XMLHttpRequest makes real
// requests, so the server below sees real sockets, and a dropped connection is a real one.
vi.mock('tus-js-client', async () => {
  // @ts-expect-error: the browser build ships no declarations of its own (same API as the package's)
  return (await import('tus-js-client/lib.esm/browser/index.js')) as unknown;
});

type Stored = { metadata: string; length: number; bytes: Buffer[]; headers: IncomingHttpHeaders };
const uploads = new Map<string, Stored>();
const log: string[] = [];
/** PATCHes whose connection drops after the server has kept this many bytes. */
let dropAfter: number[] = [];
/** Answer the creation POST with this status and body instead (a refusal). */
let refuseCreation: { status: number; body: string } | null = null;

const offsetOf = (u: Stored) => u.bytes.reduce((n, b) => n + b.length, 0);
const cors = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST,HEAD,PATCH,DELETE,OPTIONS',
  'Access-Control-Allow-Headers':
    'authorization,apikey,x-upsert,tus-resumable,upload-length,upload-metadata,upload-offset,content-type',
  'Access-Control-Expose-Headers': 'location,upload-offset,upload-length,tus-resumable',
  'Tus-Resumable': '1.0.0',
};

// A TUS server that keeps what it receives the way Supabase Storage does (one file per upload,
// the offset is what arrived, even from a request cut short).
const server: Server = createServer((req, res) => {
  const path = req.url ?? '';
  const id = /\/resumable\/(\w+)$/.exec(path)?.[1];
  if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
  if (req.method === 'POST') {
    log.push('POST');
    if (refuseCreation)
      return void res.writeHead(refuseCreation.status, cors).end(refuseCreation.body);
    const newId = `u${uploads.size + 1}`;
    uploads.set(newId, {
      metadata: String(req.headers['upload-metadata'] ?? ''),
      length: Number(req.headers['upload-length']),
      bytes: [],
      headers: req.headers,
    });
    return void res.writeHead(201, { ...cors, Location: `${endpoint}/${newId}` }).end();
  }
  const u = id ? uploads.get(id) : undefined;
  if (!u) return void res.writeHead(404, cors).end();
  if (req.method === 'HEAD') {
    log.push(`HEAD ${offsetOf(u)}`);
    return void res
      .writeHead(200, {
        ...cors,
        'Upload-Offset': String(offsetOf(u)),
        'Upload-Length': String(u.length),
        'Cache-Control': 'no-store',
      })
      .end();
  }
  if (req.method === 'PATCH') {
    const offset = Number(req.headers['upload-offset']);
    const drop = dropAfter.shift();
    let got = 0;
    let dropped = false;
    req.on('data', (chunk: Buffer) => {
      if (dropped) return;
      if (drop !== undefined && got + chunk.length >= drop) {
        dropped = true;
        u.bytes.push(chunk.subarray(0, drop - got));
        got = drop;
        log.push(`PATCH ${offset}, dropped after ${drop}`);
        req.socket.destroy();
        return;
      }
      got += chunk.length;
      u.bytes.push(chunk);
    });
    req.on('end', () => {
      if (dropped) return;
      log.push(`PATCH ${offset}+${got}`);
      res.writeHead(204, { ...cors, 'Upload-Offset': String(offsetOf(u)) }).end();
    });
    return;
  }
  res.writeHead(405, cors).end();
});
let endpoint = '';
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  endpoint = `${base}/storage/v1/upload/resumable`;
});
afterEach(() => {
  uploads.clear();
  log.length = 0;
  dropAfter = [];
  refuseCreation = null;
  localStorage.clear();
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function video(size: number): File {
  const data = new Uint8Array(size);
  for (let i = 0; i < size; i++) data[i] = (i * 7 + 3) % 251;
  return new File([data], 'unboxing.mp4', { type: 'video/mp4', lastModified: 1_700_000_000_000 });
}

function received(id: string): Uint8Array {
  return new Uint8Array(Buffer.concat(uploads.get(id)!.bytes));
}

const common = {
  get supabaseUrl() {
    return base;
  },
  accessToken: 'user-token',
  apiKey: 'anon-key',
  bucket: 'qc-videos',
  contentType: 'video/mp4',
  retryDelays: [0, 10, 10],
};

describe('uploadResumable', () => {
  it('sends Supabase the token, bucket, object name and type it needs', async () => {
    const file = video(1000);
    const progress: number[] = [];
    const result = await uploadResumable({
      ...common,
      path: 'order-1/video/a.mp4',
      file,
      onProgress: (sent) => progress.push(sent),
    });

    expect(result.path).toBe('order-1/video/a.mp4');
    const u = uploads.get('u1')!;
    expect(u.headers.authorization).toBe('Bearer user-token');
    expect(u.headers['x-upsert']).toBe('false');
    const meta = Object.fromEntries(
      u.metadata.split(',').map((pair) => {
        const [key, value] = pair.split(' ');
        return [key, atob(value ?? '')];
      }),
    );
    expect(meta).toMatchObject({
      bucketName: 'qc-videos',
      objectName: 'order-1/video/a.mp4',
      contentType: 'video/mp4',
    });
    expect(received('u1')).toEqual(new Uint8Array(await file.arrayBuffer()));
    expect(progress.at(-1)).toBe(1000);
  });

  it('resumes from the offset the server kept after a dropped connection', async () => {
    const file = video(50_000);
    dropAfter = [20_000];

    await uploadResumable({ ...common, path: 'order-1/video/b.mp4', file });

    // One upload created; the retry asked where it stood and sent only the rest.
    expect(log).toEqual([
      'POST',
      'PATCH 0, dropped after 20000',
      'HEAD 20000',
      'PATCH 20000+30000',
    ]);
    expect(received('u1')).toEqual(new Uint8Array(await file.arrayBuffer()));
  });

  it('gives up with a plain sentence when the connection keeps dropping', async () => {
    // Nothing gets through: tus-js-client counts retries only while no progress is made.
    dropAfter = [0, 0, 0, 0];
    await expect(
      uploadResumable({ ...common, path: 'order-1/video/c.mp4', file: video(5000) }),
    ).rejects.toMatchObject({
      code: 'network',
      message: expect.stringMatching(/connection dropped/),
    });
  });

  it('continues an upload cut short in an earlier visit instead of starting over', async () => {
    const file = video(40_000);
    dropAfter = [15_000, 0, 0, 0, 0];
    // First visit: the connection drops and stays down, the person closes the tab.
    await expect(
      uploadResumable({ ...common, path: 'order-1/video/first-try.mp4', file }),
    ).rejects.toMatchObject({ code: 'network' });
    log.length = 0;
    dropAfter = [];

    // Later: the same file into the same folder (a fresh name proposed by the app).
    const result = await uploadResumable({ ...common, path: 'order-1/video/second-try.mp4', file });

    expect(result.path).toBe('order-1/video/first-try.mp4');
    expect(log).toEqual(['HEAD 15000', 'PATCH 15000+25000']);
    expect(uploads.size).toBe(1);
    expect(received('u1')).toEqual(new Uint8Array(await file.arrayBuffer()));
  });

  it('explains a refusal by the server', async () => {
    refuseCreation = { status: 403, body: 'new row violates row-level security policy' };
    await expect(
      uploadResumable({ ...common, path: 'order-1/video/d.mp4', file: video(100) }),
    ).rejects.toMatchObject({
      code: 'storage_403',
      message: "You don't have permission to do that.",
    });
  });
});
