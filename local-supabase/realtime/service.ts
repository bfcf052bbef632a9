// Supabase Realtime for the local stack (`/realtime/v1`): the Phoenix websocket at
// `/realtime/v1/websocket` (broadcast, presence, postgres_changes with per-subscriber RLS) and
// the REST broadcast endpoint `POST /realtime/v1/api/broadcast` that realtime-js falls back to.
import { WebSocketServer } from 'ws';
import type { ServiceFactory, StackContext } from '../context';
import type { Database } from '../db/database';
import { applyScope, loadRoleSets } from '../db/scope';
import { BodyTooLargeError, readBody, sendJson } from '../http';
import { authorizeToken, type ChannelAuth } from './auth';
import { Catalog } from './catalog';
import { ChangeFeed } from './changes';
import { Connection } from './connection';
import { listenForDatabaseBroadcasts } from './db-broadcast';
import type { RealtimeContext } from './context';
import { Hub, topicKey } from './hub';
import type { Vsn } from './protocol';

export type RealtimeServiceOptions = {
  /** Realtime's max_record_bytes: bigger records arrive trimmed with Error 413. */
  maxRecordBytes?: number;
};

/** A malformed %-escape must be a 4xx, not a crash: keep the raw text. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

class Rollback {
  constructor(readonly allowed: boolean) {}
}

/**
 * Realtime Authorization for private channels: probe rows for the topic are inserted, then read
 * (or written) as the user with `realtime.topic()` set; the transaction always rolls back.
 */
async function privateAccess(
  db: Database,
  subTopic: string,
  auth: ChannelAuth,
  kind: 'read' | 'write',
): Promise<boolean> {
  try {
    await db.transaction(async (tx) => {
      await tx.query(
        `insert into realtime.messages (topic, extension, private)
         values ($1, 'broadcast', true), ($1, 'presence', true)`,
        [subTopic],
      );
      await applyScope(tx, { role: auth.role, claims: auth.claims });
      await tx.query(`select set_config('realtime.topic', $1, true)`, [subTopic]);
      if (kind === 'read') {
        const r = await tx.query<{ ok: boolean }>(
          `select exists (select 1 from realtime.messages where topic = $1) as ok`,
          [subTopic],
        );
        throw new Rollback(r.rows[0]?.ok === true);
      }
      await tx.query(
        `insert into realtime.messages (topic, extension, private) values ($1, 'broadcast', true)`,
        [subTopic],
      );
      throw new Rollback(true);
    });
  } catch (error) {
    if (error instanceof Rollback) return error.allowed;
    // A refused insert (42501) or a policy that raises: no access.
    return false;
  }
  return false;
}

export function realtimeService(options: RealtimeServiceOptions = {}): ServiceFactory {
  return async (stack: StackContext) => {
    const hub = new Hub();
    const catalog = new Catalog(stack.db);
    const ctx: RealtimeContext = {
      hub,
      catalog,
      jwtSecret: stack.config.auth.jwtSecret,
      roles: (await loadRoleSets(stack.db)).assumable,
      anonKey: stack.anonKey,
      serviceRoleKey: stack.serviceRoleKey,
      log: stack.log,
      canJoinPrivate: (subTopic, auth) => privateAccess(stack.db, subTopic, auth, 'read'),
    };
    const feed = new ChangeFeed(stack.db, catalog, hub, {
      maxRecordBytes: options.maxRecordBytes,
      log: stack.log,
    });
    await feed.start();
    const stopDatabaseBroadcasts = await listenForDatabaseBroadcasts(stack.db, hub, stack.log);

    const wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 * 1024 });
    const connections = new Set<Connection>();

    return {
      prefix: '/realtime/v1',
      requiresApiKey: true,

      upgrade(req, socket, head, path, url) {
        const refuse = (status: string, message: string) => {
          const body = JSON.stringify({ message });
          socket.end(
            `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
          );
        };
        if (path !== '/websocket' && path !== '/websocket/') {
          refuse('404 Not Found', 'no Route matched with those values');
          return;
        }
        // The gateway's key-auth, as for every Supabase service.
        const header = req.headers.apikey;
        const apikey = url.searchParams.get('apikey') ?? (typeof header === 'string' ? header : '');
        if (!apikey) {
          refuse('401 Unauthorized', 'No API key found in request');
          return;
        }
        if (apikey !== stack.anonKey && apikey !== stack.serviceRoleKey) {
          refuse('401 Unauthorized', 'Invalid API key');
          return;
        }
        // Phoenix picks the serializer from `vsn`; without it, the 1.0.0 JSON object format.
        const vsn = url.searchParams.get('vsn') ?? '1.0.0';
        if (vsn !== '1.0.0' && vsn !== '2.0.0') {
          refuse('400 Bad Request', `unsupported vsn ${vsn}`);
          return;
        }
        wss.handleUpgrade(req, socket, head, (ws) => {
          const connection = new Connection(ctx, ws, vsn as Vsn, apikey);
          connections.add(connection);
          ws.on('close', () => connections.delete(connection));
        });
      },

      async handle(req, res, path, url) {
        // `/api/broadcast` takes {messages: [...]} (send() before joining);
        // `/api/broadcast/<topic>/events/<event>` takes one payload (httpSend()).
        const single = /^\/api\/broadcast\/([^/]+)\/events\/([^/]+)$/.exec(path);
        if (path !== '/api/broadcast' && !single) {
          sendJson(res, 404, { message: 'no Route matched with those values' });
          return;
        }
        if (req.method !== 'POST') {
          sendJson(res, 405, { message: 'Method not allowed' });
          return;
        }
        const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
        const header = req.headers.apikey;
        const authorized = authorizeToken(
          bearer ?? (typeof header === 'string' ? header : ''),
          ctx.jwtSecret,
          ctx.roles,
        );
        if (!authorized.ok) {
          sendJson(res, 401, { message: authorized.failure.message });
          return;
        }
        let body: unknown;
        try {
          body = JSON.parse((await readBody(req, 1024 * 1024)).toString('utf8'));
        } catch (error) {
          if (error instanceof BodyTooLargeError) {
            sendJson(res, 413, { message: 'Payload too large' });
            return;
          }
          sendJson(res, 400, { message: 'Request body must be JSON' });
          return;
        }
        const messages = single
          ? [
              {
                topic: safeDecode(single[1] as string),
                event: safeDecode(single[2] as string),
                payload: body,
                private: url.searchParams.get('private') === 'true',
              },
            ]
          : (body as { messages?: unknown })?.messages;
        if (!Array.isArray(messages)) {
          sendJson(res, 422, { message: 'messages must be a list' });
          return;
        }
        for (const m of messages as Record<string, unknown>[]) {
          if (typeof m?.topic !== 'string' || typeof m.event !== 'string') {
            sendJson(res, 422, { message: 'each message needs a topic and an event' });
            return;
          }
        }
        for (const m of messages as {
          topic: string;
          event: string;
          payload?: unknown;
          private?: unknown;
        }[]) {
          const isPrivate = m.private === true;
          // Private topics take only messages the user's write policy admits; others are dropped.
          if (isPrivate && !(await privateAccess(stack.db, m.topic, authorized.auth, 'write'))) {
            continue;
          }
          hub.broadcast(
            topicKey(`realtime:${m.topic}`, isPrivate),
            undefined,
            m.event,
            m.payload ?? {},
          );
        }
        res.writeHead(202).end();
      },

      async close() {
        await stopDatabaseBroadcasts();
        await feed.stop();
        for (const connection of connections) connection.terminate();
        connections.clear();
        wss.close();
      },
    };
  };
}

export const createRealtimeService: ServiceFactory = realtimeService();
