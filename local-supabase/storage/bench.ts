// Storage throughput and memory: upload (single request and TUS) and download of a large file
// through the stack over HTTP, each as a ratio to streaming the same file from disk to disk
// in this process, plus the process's memory growth while the upload runs. Run directly
// (`tsx local-supabase/storage/bench.ts [MB]`) or call benchStorage() from bench/run.ts.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { startStack, type Stack } from '../server';

export type StorageBench = {
  sizeMB: number;
  diskCopyMBs: number;
  upload: { MBs: number; ratio: number; rssGrowthMB: number };
  tusUpload: { MBs: number; ratio: number; rssGrowthMB: number };
  download: { MBs: number; ratio: number };
};

async function writeSample(path: string, bytes: number): Promise<void> {
  const chunk = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 7) & 0xff;
  const out = createWriteStream(path);
  for (let written = 0; written < bytes; written += chunk.length) {
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(r));
}

/** Peak RSS growth over a baseline while `fn` runs, sampled every 20 ms. */
async function peakRssGrowth<T>(fn: () => Promise<T>): Promise<{ result: T; growthMB: number }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growthMB: (peak - base) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
}

/** Streams a file as one request body (no buffering on the client either). */
function streamRequest(
  stack: Stack,
  method: string,
  path: string,
  headers: Record<string, string>,
  file: string,
): Promise<{ status: number; headers: Record<string, unknown> }> {
  const url = new URL(stack.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    createReadStream(file).pipe(req);
  });
}

export async function benchStorage(sizeMB = 200): Promise<StorageBench> {
  const dir = mkdtempSync(join(tmpdir(), 'loupe-storage-bench-'));
  const sample = join(dir, 'sample.bin');
  const bytes = sizeMB * 1024 * 1024;
  await writeSample(sample, bytes);
  const stack = await startStack({
    port: 0,
    data: join(dir, 'data'),
    projectDir: join(dir, 'project'),
    seedFile: null,
    log: () => undefined,
    configOverrides: (c) => {
      c.storage.fileSizeLimit = bytes * 2;
    },
  });
  try {
    const auth = { apikey: stack.serviceRoleKey, authorization: `Bearer ${stack.serviceRoleKey}` };
    await fetch(`${stack.url}/storage/v1/bucket`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bench' }),
    });

    const diskSeconds = await timed(() =>
      pipeline(createReadStream(sample), createWriteStream(join(dir, 'copy.bin'))),
    );
    const diskCopyMBs = sizeMB / diskSeconds;

    let uploadSeconds = 0;
    const upload = await peakRssGrowth(async () => {
      uploadSeconds = await timed(async () => {
        const r = await streamRequest(
          stack,
          'POST',
          '/storage/v1/object/bench/plain.bin',
          { ...auth, 'content-type': 'application/octet-stream', 'content-length': String(bytes) },
          sample,
        );
        if (r.status !== 200) throw new Error(`upload answered ${r.status}`);
      });
    });

    let tusSeconds = 0;
    const tus = await peakRssGrowth(async () => {
      tusSeconds = await timed(async () => {
        const meta = ['bucketName bench', 'objectName tus.bin']
          .map((pair) => {
            const [k, v] = pair.split(' ') as [string, string];
            return `${k} ${Buffer.from(v).toString('base64')}`;
          })
          .join(',');
        const created = await fetch(`${stack.url}/storage/v1/upload/resumable`, {
          method: 'POST',
          headers: {
            ...auth,
            'Tus-Resumable': '1.0.0',
            'Upload-Length': String(bytes),
            'Upload-Metadata': meta,
          },
        });
        const location = created.headers.get('location');
        if (created.status !== 201 || !location) throw new Error(`TUS create ${created.status}`);
        const r = await streamRequest(
          stack,
          'PATCH',
          new URL(location).pathname,
          {
            ...auth,
            'Tus-Resumable': '1.0.0',
            'Upload-Offset': '0',
            'Content-Type': 'application/offset+octet-stream',
            'Content-Length': String(bytes),
          },
          sample,
        );
        if (r.status !== 204) throw new Error(`TUS PATCH answered ${r.status}`);
      });
    });

    const target = join(dir, 'downloaded.bin');
    const downloadSeconds = await timed(
      () =>
        new Promise<void>((resolve, reject) => {
          const url = new URL(`${stack.url}/storage/v1/object/bench/plain.bin`);
          request(
            { host: url.hostname, port: url.port, path: url.pathname, headers: auth },
            (res) => {
              pipeline(res, createWriteStream(target)).then(resolve, reject);
            },
          )
            .on('error', reject)
            .end();
        }),
    );
    if (statSync(target).size !== bytes) throw new Error('download size mismatch');

    const mbs = (seconds: number) => sizeMB / seconds;
    return {
      sizeMB,
      diskCopyMBs,
      upload: {
        MBs: mbs(uploadSeconds),
        ratio: mbs(uploadSeconds) / diskCopyMBs,
        rssGrowthMB: upload.growthMB,
      },
      tusUpload: {
        MBs: mbs(tusSeconds),
        ratio: mbs(tusSeconds) / diskCopyMBs,
        rssGrowthMB: tus.growthMB,
      },
      download: { MBs: mbs(downloadSeconds), ratio: mbs(downloadSeconds) / diskCopyMBs },
    };
  } finally {
    await stack.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sizeMB = Number(process.argv[2] ?? 200);
  benchStorage(sizeMB).then(
    (r) =>
      console.log(
        JSON.stringify(
          r,
          (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v),
          2,
        ),
      ),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
