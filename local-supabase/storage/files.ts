// Object bytes on local disk, laid out like Supabase Storage's file backend: one file per
// object version at `<root>/<bucket>/<key>/<version>`. Uploads stream into a temporary file
// (hashed and size-capped on the way) and are renamed into place only when complete, so an
// aborted or oversized upload never leaves a partial object behind.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { copyFile, link, mkdir, readdir, rename, rm, rmdir, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ERRORS } from './errors';

/** Bytes buffered per upload on the way to disk: big enough for few, large writes (throughput),
 * small enough that memory stays flat whatever the file size. */
export const WRITE_BUFFER = 1024 * 1024;

export type WrittenFile = { tmpPath: string; size: number; eTag: string };

export class FileStore {
  readonly objectsDir: string;
  readonly uploadsDir: string;

  constructor(objectsDir: string, uploadsDir: string) {
    this.objectsDir = resolve(objectsDir);
    this.uploadsDir = resolve(uploadsDir);
  }

  async init(): Promise<void> {
    await mkdir(this.objectsDir, { recursive: true });
    await mkdir(this.uploadsDir, { recursive: true });
    // Temporary files of single-request uploads cut short by a crash: nothing is in flight at
    // start-up, so every one of them is garbage (TUS parts live in their own folder).
    for (const entry of await readdir(this.uploadsDir, { withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.part')) {
        await rm(join(this.uploadsDir, entry.name), { force: true });
      }
    }
  }

  /** The file of one object version. Keys are validated before they get here; this re-checks
   * that the result stays inside the bucket folder (defence in depth against traversal). */
  objectPath(bucket: string, key: string, version: string): string {
    const bucketDir = this.bucketDir(bucket);
    const path = resolve(bucketDir, key, version);
    if (!path.startsWith(bucketDir + sep)) throw ERRORS.InvalidKey(key);
    return path;
  }

  bucketDir(bucket: string): string {
    const dir = resolve(this.objectsDir, bucket);
    if (!dir.startsWith(this.objectsDir + sep)) throw ERRORS.InvalidBucketName();
    return dir;
  }

  tempPath(): string {
    return join(this.uploadsDir, `${randomUUID()}.part`);
  }

  /**
   * Streams `body` into a new temporary file, computing the MD5 eTag and refusing more than
   * `limit` bytes as they arrive (the upload is cut off at once, never buffered). On any
   * failure — client abort, size limit, disk error — the temporary file is removed.
   */
  async writeTemp(body: Readable, limit: number): Promise<WrittenFile> {
    const tmpPath = this.tempPath();
    const hash = createHash('md5');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > limit) {
          done(ERRORS.EntityTooLarge());
          return;
        }
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(
        body,
        meter,
        createWriteStream(tmpPath, { flags: 'wx', highWaterMark: WRITE_BUFFER }),
      );
    } catch (error) {
      await rm(tmpPath, { force: true });
      throw error;
    }
    return { tmpPath, size, eTag: `"${hash.digest('hex')}"` };
  }

  /** Moves a finished temporary file to its version path. */
  async commit(tmpPath: string, bucket: string, key: string, version: string): Promise<void> {
    const target = this.objectPath(bucket, key, version);
    await mkdir(dirname(target), { recursive: true });
    await rename(tmpPath, target);
  }

  async discard(tmpPath: string): Promise<void> {
    await rm(tmpPath, { force: true });
  }

  /** A second name for a version's bytes (move): cheap, and the old name stays valid until
   * the database says the move happened. */
  async linkVersion(
    from: { bucket: string; key: string; version: string },
    to: { bucket: string; key: string; version: string },
  ): Promise<void> {
    const target = this.objectPath(to.bucket, to.key, to.version);
    await mkdir(dirname(target), { recursive: true });
    await link(this.objectPath(from.bucket, from.key, from.version), target);
  }

  /** A copy of a version's bytes into a temporary file (copy writes a new version). */
  async copyToTemp(bucket: string, key: string, version: string): Promise<string> {
    const tmpPath = this.tempPath();
    await copyFile(this.objectPath(bucket, key, version), tmpPath);
    return tmpPath;
  }

  async size(bucket: string, key: string, version: string): Promise<number | undefined> {
    try {
      return (await stat(this.objectPath(bucket, key, version))).size;
    } catch {
      return undefined;
    }
  }

  read(
    bucket: string,
    key: string,
    version: string,
    range?: { start: number; end: number },
  ): ReadStream {
    return createReadStream(this.objectPath(bucket, key, version), range);
  }

  /** Removes a version's file and the folders it leaves empty (never the bucket folder). */
  async removeVersion(bucket: string, key: string, version: string): Promise<void> {
    const path = this.objectPath(bucket, key, version);
    await unlink(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    const stop = this.bucketDir(bucket);
    let dir = dirname(path);
    while (dir !== stop && dir.startsWith(stop + sep)) {
      try {
        await rmdir(dir);
      } catch {
        break; // not empty (another object lives below) or already gone
      }
      dir = dirname(dir);
    }
  }

  async removeBucket(bucket: string): Promise<void> {
    await rm(this.bucketDir(bucket), { recursive: true, force: true });
  }
}
