// What every service of the stack is handed: the database, the settings, the keys.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Database } from './db/database';
import type { StackConfig } from './config';

export type StackContext = {
  db: Database;
  config: StackConfig;
  anonKey: string;
  serviceRoleKey: string;
  /** Where the stack keeps files (storage objects), or undefined when running in memory. */
  dataDir: string | undefined;
  /** The stack's public URL, once it listens (http://host:port). */
  publicUrl: () => string;
  log: (line: string) => void;
};

/** One Supabase service mounted under a path prefix (e.g. `/rest/v1`). */
export type Service = {
  prefix: string;
  /** Whether Supabase's gateway requires an `apikey` for this service (Kong key-auth). */
  requiresApiKey: boolean;
  /** `path` is the part after the prefix, without the query string. */
  handle(req: IncomingMessage, res: ServerResponse, path: string, url: URL): Promise<void>;
  upgrade?(req: IncomingMessage, socket: Duplex, head: Buffer, path: string, url: URL): void;
  close?(): Promise<void>;
};

export type ServiceFactory = (ctx: StackContext) => Service | Promise<Service>;
