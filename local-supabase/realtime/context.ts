// What the realtime sockets and channels share: the hub, the catalog, the keys, and the check
// for private channels.
import type { Catalog } from './catalog';
import type { Hub } from './hub';
import type { ChannelAuth } from './auth';

export type RealtimeContext = {
  hub: Hub;
  catalog: Catalog;
  jwtSecret: string;
  /** Roles a token may name (those the authenticator may become), loaded at start. */
  roles: Set<string>;
  anonKey: string;
  serviceRoleKey: string;
  log: (line: string) => void;
  /** Whether the user may read a private channel topic (RLS on realtime.messages). */
  canJoinPrivate(subTopic: string, auth: ChannelAuth): Promise<boolean>;
};
