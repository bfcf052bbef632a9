// Supabase Storage for the local stack, mounted at /storage/v1: buckets, objects, signed URLs
// and TUS resumable uploads over storage.buckets/storage.objects (RLS as the caller) and the
// bytes on local disk. Routes are a table in the order Supabase's router resolves them
// (static prefixes such as /object/sign before the catch-all /object/:bucket/*).
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceFactory } from '../context';
import { sendStorageError, toStorageError } from './errors';
import { ERRORS } from './errors';
import { FileStore } from './files';
import { makeRequest, type Route, type StorageContext } from './route';
import { createBucket } from './routes/bucket/create-bucket';
import { deleteBucket } from './routes/bucket/delete-bucket';
import { emptyBucket } from './routes/bucket/empty-bucket';
import { getBucket } from './routes/bucket/get-bucket';
import { listBuckets } from './routes/bucket/list-buckets';
import { updateBucket } from './routes/bucket/update-bucket';
import { copyObject } from './routes/object/copy-object';
import { deleteObject } from './routes/object/delete-object';
import { deleteObjects } from './routes/object/delete-objects';
import { getObject } from './routes/object/get-object';
import { getObjectInfo } from './routes/object/get-object-info';
import { getPublicObject } from './routes/object/get-public-object';
import { getSignedObject } from './routes/object/get-signed-object';
import { listObjects } from './routes/object/list-objects';
import { moveObject } from './routes/object/move-object';
import { signObjectUrl } from './routes/object/sign-object-url';
import { signObjectUrls } from './routes/object/sign-object-urls';
import { signUploadUrl } from './routes/object/sign-upload-url';
import { uploadObject } from './routes/object/upload-object';
import { uploadSignedObject } from './routes/object/upload-signed-object';
import { tusRoutes } from './routes/tus/index';
import { TusUploads } from './routes/tus/uploads';

const B = '(?<bucket>[^/]+)';
const P = '(?<path>[^/]+/.+)';
const r = (methods: string[], pattern: string, handler: Route['handler']): Route => ({
  methods,
  pattern: new RegExp(`^${pattern}$`),
  handler,
});

const routes: Route[] = [
  r(['GET'], '/bucket/?', listBuckets),
  r(['POST'], '/bucket/?', createBucket),
  r(['POST'], `/bucket/${B}/empty`, emptyBucket),
  r(['GET'], `/bucket/${B}`, getBucket),
  r(['PUT'], `/bucket/${B}`, updateBucket),
  r(['DELETE'], `/bucket/${B}`, deleteBucket),

  r(['POST'], `/object/list/${B}`, listObjects),
  r(['POST'], '/object/move', moveObject),
  r(['POST'], '/object/copy', copyObject),
  r(['POST'], `/object/sign/${B}`, signObjectUrls),
  r(['POST'], `/object/sign/${P}`, signObjectUrl),
  r(['GET', 'HEAD'], `/object/sign/${P}`, getSignedObject),
  r(['POST'], `/object/upload/sign/${P}`, signUploadUrl),
  r(['PUT'], `/object/upload/sign/${P}`, uploadSignedObject),
  r(['GET', 'HEAD'], `/object/public/${P}`, getPublicObject),
  r(['GET', 'HEAD'], `/object/authenticated/${P}`, getObject),
  r(['GET', 'HEAD'], `/object/info/(?<access>public/|authenticated/)?${P}`, getObjectInfo),
  r(['DELETE'], `/object/${B}`, deleteObjects),
  r(['DELETE'], `/object/${P}`, deleteObject),
  r(['POST', 'PUT'], `/object/${P}`, uploadObject),
  r(['GET', 'HEAD'], `/object/${P}`, getObject),
  ...tusRoutes,
];

export const createStorageService: ServiceFactory = async (ctx) => {
  // Bytes live in the data folder; an in-memory stack gets a temporary folder of its own,
  // removed when the stack closes.
  const scratch = ctx.dataDir ? undefined : await mkdtemp(join(tmpdir(), 'loupe-storage-'));
  const base = ctx.dataDir ?? (scratch as string);
  // A process that ends without closing the stack (a killed test run) still cleans up.
  const removeScratch = () => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  };
  if (scratch) process.once('exit', removeScratch);
  const store = new FileStore(join(base, 'storage'), join(base, 'storage-uploads'));
  await store.init();
  const tus = new TusUploads(store.uploadsDir);
  await tus.init();
  const s: StorageContext = { ctx, store, tus };

  return {
    prefix: '/storage/v1',
    // Supabase's gateway runs no key-auth on storage (kong.yml): public and signed URLs work
    // in a plain <img src>, and storage itself reads the JWT (none → anon).
    requiresApiKey: false,
    async handle(req, res, path, url) {
      const method = req.method ?? 'GET';
      let matched: { route: Route; params: Record<string, string> } | undefined;
      for (const route of routes) {
        if (!route.methods.includes(method)) continue;
        const m = route.pattern.exec(path);
        if (!m) continue;
        matched = { route, params: { ...m.groups } };
        break;
      }
      try {
        if (!matched) throw ERRORS.RouteNotFound(method, path).withStatus(404);
        await matched.route.handler(makeRequest(s, req, res, url, matched.params));
      } catch (error) {
        // The client went away mid-request (an aborted upload): nobody to answer.
        if (req.destroyed && !req.complete) {
          res.destroy();
          return;
        }
        const storageError = toStorageError(error, ctx.log);
        // An upload refused mid-body: drain the rest so the client reads the answer.
        if (!req.complete) req.resume();
        sendStorageError(res, storageError);
      }
    },
    async close() {
      if (scratch) {
        process.off('exit', removeScratch);
        await rm(scratch, { recursive: true, force: true });
      }
    },
  };
};
