// The local Supabase-compatible stack: one Node HTTP server that mounts REST, Auth (and, as
// they land, Storage and Realtime) over one database, the way Supabase's API gateway fronts
// its services on one port.
import { createServer, type Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Database } from './db/database';
import { openPglite } from './db/pglite';
import { openPostgres } from './db/postgres';
import { expandSeedPaths, migrate, type MigrateReport } from './db/migrate';
import { loadConfig, type StackConfig } from './config';
import { apiKeys } from './jwt';
import { corsHeaders, sendJson } from './http';
import type { Service, ServiceFactory, StackContext } from './context';
import { createRestService } from './rest/service';
import { createAuthService } from './auth/service';
import { createStorageService } from './storage/service';
import { createRealtimeService } from './realtime/service';
import { seedBuckets, type SeedBucketsReport } from './storage/seed-buckets';

export type StackOptions = {
  port?: number;
  host?: string;
  /** A folder for the embedded database and files, or 'memory'. */
  data?: string;
  /** A real Postgres instead of PGlite. */
  databaseUrl?: string;
  /** An already-open database (benchmarks wrap one to record statements); closed with the stack. */
  database?: Database;
  /** The Supabase project folder (holds config.toml, migrations/, seed files). */
  projectDir?: string;
  migrationsDir?: string;
  /** One seed file instead of config.toml's `[db.seed] sql_paths`; null: no seed. */
  seedFile?: string | null;
  configFile?: string;
  /** Overrides config.toml (tests use small limits). */
  configOverrides?: (config: StackConfig) => void;
  extraServices?: ServiceFactory[];
  log?: (line: string) => void;
};

export type Stack = {
  url: string;
  port: number;
  anonKey: string;
  serviceRoleKey: string;
  jwtSecret: string;
  db: Database;
  config: StackConfig;
  migrations: MigrateReport;
  /** Buckets from config.toml set up, and files uploaded from their objects_path, on a fresh
   * seeded database (none otherwise). */
  storageSeed: SeedBucketsReport;
  close(): Promise<void>;
};

const defaultFactories: ServiceFactory[] = [
  createRestService,
  createAuthService,
  createStorageService,
  createRealtimeService,
];

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const log = options.log ?? ((line: string) => console.log(line));
  const projectDir = resolve(options.projectDir ?? 'supabase');
  const config = loadConfig(options.configFile ?? join(projectDir, 'config.toml'));
  options.configOverrides?.(config);
  const data = options.data ?? '.loupe/data';
  const dataDir = data === 'memory' ? undefined : resolve(data);

  let db: Database;
  if (options.database) {
    db = options.database;
  } else if (options.databaseUrl) {
    db = await openPostgres(options.databaseUrl);
  } else {
    if (dataDir) mkdirSync(join(dataDir, 'pgdata'), { recursive: true });
    db = await openPglite(dataDir ? join(dataDir, 'pgdata') : 'memory');
  }

  let migrations: MigrateReport;
  try {
    migrations = await migrate(db, {
      migrationsDir: options.migrationsDir ?? join(projectDir, 'migrations'),
      seedFiles:
        options.seedFile === null
          ? []
          : options.seedFile
            ? [options.seedFile]
            : await expandSeedPaths(projectDir, config.db.seedPaths),
      log,
    });
  } catch (error) {
    await db.close();
    throw error;
  }

  const { anonKey, serviceRoleKey } = apiKeys(config.auth.jwtSecret);
  let publicUrl = '';
  const ctx: StackContext = {
    db,
    config,
    anonKey,
    serviceRoleKey,
    dataDir,
    publicUrl: () => publicUrl,
    log,
  };
  const services: Service[] = [];
  for (const factory of [...defaultFactories, ...(options.extraServices ?? [])]) {
    services.push(await factory(ctx));
  }

  const route = (pathname: string) => {
    for (const service of services) {
      if (pathname === service.prefix || pathname.startsWith(service.prefix + '/')) {
        return { service, path: pathname.slice(service.prefix.length) || '/' };
      }
    }
    return undefined;
  };

  const server: Server = createServer((req, res) => {
    for (const [k, v] of Object.entries(corsHeaders)) res.setHeader(k, v);
    // Supabase's gateway (Kong's cors plugin with no `headers` set) allows whatever headers a
    // preflight asks for, so a client's own global.headers (e.g. a review link's token header,
    // read by policies through request.headers) work from the browser as they do there.
    const asked = req.headers['access-control-request-headers'];
    if (req.method === 'OPTIONS' && typeof asked === 'string' && /^[\w\s,-]{1,2000}$/.test(asked)) {
      res.setHeader('Access-Control-Allow-Headers', asked);
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') {
      sendJson(res, 200, { status: 'ok' });
      return;
    }
    const match = route(url.pathname);
    if (!match) {
      sendJson(res, 404, { message: 'no Route matched with those values' });
      return;
    }
    // Supabase's gateway (Kong key-auth) rejects requests without a known API key.
    if (match.service.requiresApiKey) {
      const key = req.headers.apikey ?? url.searchParams.get('apikey');
      if (!key) {
        sendJson(res, 401, { message: 'No API key found in request' });
        return;
      }
      if (key !== anonKey && key !== serviceRoleKey) {
        sendJson(res, 401, { message: 'Invalid API key' });
        return;
      }
    }
    match.service.handle(req, res, match.path, url).catch((error: unknown) => {
      // A bug must never leak SQL or stack traces to a client; log it, answer plainly.
      log(`unhandled error on ${req.method} ${url.pathname}: ${(error as Error)?.stack ?? error}`);
      if (!res.headersSent) sendJson(res, 500, { message: 'Internal server error' });
      else res.destroy();
    });
  });
  // Upgraded (websocket) sockets are no longer HTTP connections: closeAllConnections() does not
  // end them and server.close() would wait for them forever, so close() destroys them itself.
  const upgraded = new Set<{ destroy(): void }>();
  server.on('upgrade', (req, socket, head) => {
    upgraded.add(socket);
    socket.once('close', () => upgraded.delete(socket));
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = route(url.pathname);
    if (!match?.service.upgrade) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    match.service.upgrade(req, socket, head, match.path, url);
  });
  server.keepAliveTimeout = 65_000;

  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 54321, options.host ?? '127.0.0.1', () => resolveListen());
    });
  } catch (error) {
    // e.g. the port is taken: release what was opened so the data folder is closed cleanly.
    for (const service of services) await service.close?.();
    await db.close();
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'EADDRINUSE'
        ? `Port ${options.port ?? 54321} is already in use (is another stack running?).`
        : (error as Error).message,
      { cause: error },
    );
  }
  const address = server.address() as AddressInfo;
  publicUrl = `http://${options.host ?? '127.0.0.1'}:${address.port}`;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
        for (const socket of upgraded) socket.destroy();
      });
      for (const service of services) await service.close?.();
      // Last: the database waits for queued work, then closes so its files stay consistent.
      await db.close();
    })();
    return closing;
  };

  // The storage half of the seed, as `supabase db reset` runs `seed buckets` after the SQL
  // seed: through the Storage API, so it needs the server listening. Only when the database
  // was just seeded, so a restart never re-uploads over files changed since.
  let storageSeed: SeedBucketsReport = { buckets: [], objects: 0 };
  if (migrations.seeded) {
    try {
      storageSeed = await seedBuckets(publicUrl, serviceRoleKey, config.storage.buckets, log);
    } catch (error) {
      await close();
      throw error;
    }
  }

  return {
    url: publicUrl,
    port: address.port,
    anonKey,
    serviceRoleKey,
    jwtSecret: config.auth.jwtSecret,
    db,
    config,
    migrations,
    storageSeed,
    close,
  };
}
