// Storage throughput and memory: upload (single request and TUS) and download of a large file
// through the stack over HTTP, each as a ratio to streaming the same file from disk to disk
// in this process, plus the server's memory growth while the upload runs. The stack runs in a
// child process (this same file, started with `--serve`), so the client reading and sending
// the file does not share an event loop with the server receiving, hashing and writing it.
// Run directly (`tsx bench/storage.ts [MB]`) or call benchStorage() from
// bench/run.ts.
import { fork, type ChildProcess } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { startStack } from '../local-supabase/server';

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

/** Messages between the bench (parent) and the stack process (child). */
type ToStack = { type: 'close' };
type FromStack = { type: 'ready'; url: string; anonKey: string; serviceRoleKey: string };

/** Resident set size of another process in bytes, from /proc (Linux). */
function rssOf(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) * 1024;
}

/** Peak RSS growth of process `pid` over a baseline while `fn` runs, sampled every 20 ms. */
async function peakRssGrowth<T>(
  pid: number,
  fn: () => Promise<T>,
): Promise<{ result: T; growthMB: number }> {
  const base = rssOf(pid);
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 20);
  try {
    const result = await fn();
    peak = Math.max(peak, rssOf(pid));
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
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  file: string,
): Promise<{ status: number; headers: Record<string, unknown> }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    createReadStream(file).pipe(req);
  });
}

/** The stack process: starts the stack with the bench bucket, reports ready, closes on request. */
async function serve(dir: string, bytes: number): Promise<void> {
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
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= stack.close().then(
      () => process.exit(),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    ));
  process.on('message', (message: ToStack) => {
    if (message.type === 'close') void close();
  });
  // The bench went away without saying so: do not outlive it.
  process.on('disconnect', () => void close());

  const auth = { apikey: stack.serviceRoleKey, authorization: `Bearer ${stack.serviceRoleKey}` };
  const bucket = await fetch(`${stack.url}/storage/v1/bucket`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench' }),
  });
  if (!bucket.ok) {
    console.error(`storage bench: bucket create answered ${bucket.status}`);
    process.exitCode = 1;
    return close();
  }
  process.send!({
    type: 'ready',
    url: stack.url,
    anonKey: stack.anonKey,
    serviceRoleKey: stack.serviceRoleKey,
  } satisfies FromStack);
}

/** Starts the stack process on `dir` and waits for it to be ready. */
async function startStackProcess(
  dir: string,
  bytes: number,
): Promise<{ child: ChildProcess; ready: FromStack }> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', dir, String(bytes)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const ready = await new Promise<FromStack>((resolve, reject) => {
      child.once('message', (m) => resolve(m as FromStack));
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`storage bench stack exited with ${code}`)));
    });
    return { child, ready };
  } catch (error) {
    child.kill();
    throw error;
  }
}

/** Asks the stack process to close its stack (database files consistent), waits for its exit. */
async function stopStackProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  if (child.connected) child.send({ type: 'close' } satisfies ToStack, () => undefined);
  const timeout = new Promise((resolve) => setTimeout(resolve, 10_000).unref());
  if ((await Promise.race([exited.then(() => 'exited'), timeout])) !== 'exited') {
    child.kill();
    await exited;
  }
}

export async function benchStorage(sizeMB = 200): Promise<StorageBench> {
  const dir = mkdtempSync(join(tmpdir(), 'loupe-storage-bench-'));
  const sample = join(dir, 'sample.bin');
  const bytes = sizeMB * 1024 * 1024;
  let child: ChildProcess | undefined;
  try {
    await writeSample(sample, bytes);
    const started = await startStackProcess(dir, bytes);
    child = started.child;
    const pid = child.pid!;
    const stack = started.ready;
    const auth = { apikey: stack.serviceRoleKey, authorization: `Bearer ${stack.serviceRoleKey}` };

    const diskSeconds = await timed(() =>
      pipeline(createReadStream(sample), createWriteStream(join(dir, 'copy.bin'))),
    );
    const diskCopyMBs = sizeMB / diskSeconds;

    let uploadSeconds = 0;
    const upload = await peakRssGrowth(pid, async () => {
      uploadSeconds = await timed(async () => {
        const r = await streamRequest(
          stack.url,
          'POST',
          '/storage/v1/object/bench/plain.bin',
          { ...auth, 'content-type': 'application/octet-stream', 'content-length': String(bytes) },
          sample,
        );
        if (r.status !== 200) throw new Error(`upload answered ${r.status}`);
      });
    });

    let tusSeconds = 0;
    const tus = await peakRssGrowth(pid, async () => {
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
          stack.url,
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
    if (child) await stopStackProcess(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (
  process.argv[1] &&
  fileURLToPath(import.meta.url) === process.argv[1] &&
  process.argv[2] === '--serve'
) {
  serve(process.argv[3]!, Number(process.argv[4])).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
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
