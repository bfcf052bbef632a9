// The state of resumable (TUS) uploads: one record and one growing part file per upload, in
// the stack's uploads folder (never in a bucket folder), so an interrupted upload can resume
// — even after a restart — and leaves no object until its last byte has arrived. Records
// expire after 24 hours like Supabase's TUS URLs; a path being uploaded is reserved so a
// second upload to it is refused (409) rather than racing the first.
import { randomUUID, type Hash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export type TusUpload = {
  id: string;
  bucket: string;
  key: string;
  version: string;
  length: number;
  contentType: string;
  cacheControl: string;
  userMetadata: Record<string, unknown> | undefined;
  upsert: boolean;
  expiresAt: number;
  /** Last creation or PATCH; an upload untouched for ACTIVE_WINDOW_MS no longer holds its path. */
  touchedAt: number;
};

export const ACTIVE_WINDOW_MS = 10 * 60 * 1000;

export const TUS_EXPIRY_MS = 24 * 60 * 60 * 1000;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,2048}$/;

export class TusUploads {
  readonly dir: string;
  /** Uploads with a PATCH streaming right now (one at a time per upload). */
  private readonly busy = new Set<string>();
  /** The running MD5 of each upload's bytes, valid while `offset` matches the part file — so a
   * finished upload needs no second pass over the file (it falls back to one after a restart
   * or a dropped chunk). */
  readonly hashes = new Map<string, { hash: Hash; offset: number }>();
  /** `<bucket>/<key>` being created right now, so two simultaneous POSTs cannot both pass. */
  private readonly creating = new Set<string>();

  constructor(uploadsDir: string) {
    this.dir = join(uploadsDir, 'tus');
  }

  async init(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await this.sweep();
  }

  /** Supabase's upload id: base64url of `<bucket>/<key>/<version>`. */
  newId(bucket: string, key: string): { id: string; version: string } {
    const version = randomUUID();
    return { id: Buffer.from(`${bucket}/${key}/${version}`).toString('base64url'), version };
  }

  isValidId(id: string): boolean {
    return ID_PATTERN.test(id) && id.length <= 255;
  }

  partPath(id: string): string {
    return join(this.dir, `${id}.part`);
  }

  private recordPath(id: string): string {
    return join(this.dir, `${id}.json`);
  }

  async create(upload: TusUpload): Promise<void> {
    await writeFile(this.partPath(upload.id), Buffer.alloc(0), { flag: 'wx' });
    await writeFile(this.recordPath(upload.id), JSON.stringify(upload));
  }

  async get(id: string): Promise<TusUpload | undefined> {
    if (!this.isValidId(id)) return undefined;
    try {
      const upload = JSON.parse(await readFile(this.recordPath(id), 'utf8')) as TusUpload;
      if (upload.expiresAt < Date.now()) {
        await this.remove(id);
        return undefined;
      }
      return upload;
    } catch {
      return undefined;
    }
  }

  /** Bytes received so far: the part file's size is the offset, whatever interrupted it. */
  async offset(id: string): Promise<number> {
    return (await stat(this.partPath(id))).size;
  }

  async touch(upload: TusUpload): Promise<void> {
    upload.touchedAt = Date.now();
    await writeFile(this.recordPath(upload.id), JSON.stringify(upload));
  }

  /** Another unfinished upload to the same path that is still being worked on, if any (an
   * abandoned one stops blocking the path after ACTIVE_WINDOW_MS, and expires after a day). */
  async activeFor(bucket: string, key: string, except?: string): Promise<TusUpload | undefined> {
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      if (!name.endsWith('.json')) continue;
      const id = name.slice(0, -5);
      if (id === except) continue;
      const upload = await this.get(id);
      if (!upload || upload.bucket !== bucket || upload.key !== key) continue;
      if (this.busy.has(id) || Date.now() - upload.touchedAt < ACTIVE_WINDOW_MS) return upload;
    }
    return undefined;
  }

  tryReservePath(bucket: string, key: string): boolean {
    const path = `${bucket}/${key}`;
    if (this.creating.has(path)) return false;
    this.creating.add(path);
    return true;
  }

  releasePath(bucket: string, key: string): void {
    this.creating.delete(`${bucket}/${key}`);
  }

  tryLock(id: string): boolean {
    if (this.busy.has(id)) return false;
    this.busy.add(id);
    return true;
  }

  unlock(id: string): void {
    this.busy.delete(id);
  }

  /** Forgets an upload and whatever bytes of it are left. */
  async remove(id: string): Promise<void> {
    this.hashes.delete(id);
    await rm(this.recordPath(id), { force: true });
    await rm(this.partPath(id), { force: true });
  }

  /** Drops expired uploads and stray part files. */
  async sweep(): Promise<void> {
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      const id = name.replace(/\.(json|part)$/, '');
      if (this.busy.has(id)) continue;
      if (!(await this.get(id))) await this.remove(id);
    }
  }
}
