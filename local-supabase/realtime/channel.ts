// One joined `realtime:<name>` channel on one socket, mirroring RealtimeWeb.RealtimeChannel:
// join (token check, broadcast/presence/postgres_changes config, reply with subscription ids,
// then the "Subscribed to PostgreSQL" system message and presence_state), broadcast with
// self/ack, presence track/untrack, access_token refresh, token expiry, leave.
import { createHash } from 'node:crypto';
import { authorizeToken, expiredMessage, type ChannelAuth } from './auth';
import { FilterError, parseFilter } from './filters';
import { topicKey, type ChangeListener, type PgBinding } from './hub';
import type { PhxMessage } from './protocol';
import type { RealtimeContext } from './context';

/** What a channel needs from its socket. */
export interface ChannelSocket {
  readonly apikey: string;
  send(message: PhxMessage): void;
  sendBroadcast(topic: string, event: string, payload: unknown): void;
  dropChannel(channel: Channel): void;
}

type JoinConfig = {
  broadcast?: { self?: unknown; ack?: unknown };
  presence?: { key?: unknown; enabled?: unknown };
  postgres_changes?: unknown;
  private?: unknown;
};

type ChangeParams = { event?: unknown; schema?: unknown; table?: unknown; filter?: unknown };

const EVENTS = new Set(['INSERT', 'UPDATE', 'DELETE', '*']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Realtime answers with :erlang.phash2(params), an integer below 2^27; any stable hash of the
 * params serves the client, which only matches ids it was given.
 */
function bindingId(params: unknown): number {
  return createHash('sha1').update(JSON.stringify(params)).digest().readUInt32BE(0) >>> 5;
}

function joinError(code: string, message: string) {
  return { reason: `${code}: ${message}` };
}

export class Channel implements ChangeListener {
  readonly topicKey: string;
  readonly subTopic: string;
  selfBroadcast = false;
  private ackBroadcast = false;
  private presenceKey = '';
  private presenceEnabled = false;
  pgBindings: PgBinding[] = [];
  private expiryTimer: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(
    private readonly ctx: RealtimeContext,
    private readonly socket: ChannelSocket,
    readonly topic: string,
    readonly joinRef: string | null,
    public auth: ChannelAuth,
    readonly isPrivate: boolean,
  ) {
    this.topicKey = topicKey(topic, isPrivate);
    this.subTopic = topic.slice('realtime:'.length);
  }

  /** Handles phx_join; returns the joined channel, or undefined after replying with an error. */
  static async join(
    ctx: RealtimeContext,
    socket: ChannelSocket,
    message: PhxMessage,
  ): Promise<Channel | undefined> {
    const reply = (status: 'ok' | 'error', response: unknown) =>
      socket.send({
        joinRef: message.joinRef,
        ref: message.ref,
        topic: message.topic,
        event: 'phx_reply',
        payload: { status, response },
      });
    if (message.topic === 'realtime:') {
      reply('error', joinError('TopicNameRequired', 'You must provide a topic name'));
      return undefined;
    }
    const payload = isRecord(message.payload) ? message.payload : {};
    const config: JoinConfig = isRecord(payload.config) ? payload.config : {};
    const token =
      typeof payload.access_token === 'string' && payload.access_token !== ''
        ? payload.access_token
        : socket.apikey;
    const authorized = authorizeToken(token, ctx.jwtSecret, ctx.roles);
    if (!authorized.ok) {
      reply('error', joinError(authorized.failure.code, authorized.failure.message));
      return undefined;
    }
    const isPrivate = config.private === true;
    const channel = new Channel(
      ctx,
      socket,
      message.topic,
      message.joinRef,
      authorized.auth,
      isPrivate,
    );
    if (isPrivate && !(await ctx.canJoinPrivate(channel.subTopic, authorized.auth))) {
      reply(
        'error',
        joinError(
          'Unauthorized',
          `You do not have permissions to read from this Channel topic: ${channel.subTopic}`,
        ),
      );
      return undefined;
    }
    channel.selfBroadcast = config.broadcast?.self === true;
    channel.ackBroadcast = config.broadcast?.ack === true;
    const key = config.presence?.key;
    channel.presenceKey = typeof key === 'string' && key !== '' ? key : crypto.randomUUID();
    channel.presenceEnabled = config.presence?.enabled === true;

    const params: ChangeParams[] = Array.isArray(config.postgres_changes)
      ? config.postgres_changes.filter(isRecord)
      : [];
    const echoed = params.map((p) => ({ ...p, id: bindingId(p) }));

    // Bindings are checked and live before the reply, so a write made right after SUBSCRIBED
    // is never missed (Realtime subscribes just after replying; the reply is what clients wait
    // for). The system message follows the reply, as on Realtime.
    const subscribeError = params.length > 0 ? await channel.subscribeChanges(params) : undefined;
    ctx.hub.add(channel);
    reply('ok', { postgres_changes: echoed });
    channel.armExpiry();
    if (params.length > 0) {
      if (subscribeError) channel.system('postgres_changes', 'error', subscribeError);
      else channel.system('postgres_changes', 'ok', 'Subscribed to PostgreSQL');
    }
    if (channel.presenceEnabled) {
      channel.push('presence_state', ctx.hub.presenceState(channel.topicKey));
    }
    return channel;
  }

  /**
   * Validates each postgres_changes binding against the catalog, as Realtime's subscription
   * insert does (unknown table or column, bad filter → a system error, no events). Returns the
   * error text, or undefined once the bindings are live.
   */
  private async subscribeChanges(params: ChangeParams[]): Promise<string | undefined> {
    const bindings: PgBinding[] = [];
    try {
      for (const p of params) {
        const event = typeof p.event === 'string' ? p.event.toUpperCase() : '';
        const schema = typeof p.schema === 'string' ? p.schema : '';
        const table = typeof p.table === 'string' && p.table !== '*' ? p.table : undefined;
        if (!EVENTS.has(event) || schema === '') throw new FilterError('invalid parameters');
        const filter = parseFilter(typeof p.filter === 'string' ? p.filter : undefined);
        if (table === undefined) {
          if (filter || !(await this.ctx.catalog.schemaExists(schema))) {
            throw new FilterError('unknown schema');
          }
        } else {
          const meta = await this.ctx.catalog.table(schema, table);
          if (!meta) throw new FilterError('unknown table');
          if (filter && !meta.columns.some((c) => c.name === filter.column)) {
            throw new FilterError('unknown column');
          }
        }
        bindings.push({
          id: bindingId(p),
          event: event as PgBinding['event'],
          schema,
          table,
          filter,
        });
      }
    } catch (error) {
      if (!(error instanceof FilterError)) throw error;
      const described = params
        .map(
          (p) =>
            `[event: ${String(p.event)}, schema: ${String(p.schema)}, table: ${String(p.table ?? '*')}, filters: ${p.filter ? `[${String(p.filter)}]` : '[]'}]`,
        )
        .join(', ');
      return `Unable to subscribe to changes with given parameters. Please check Realtime is enabled for the given connect parameters: ${described}`;
    }
    this.pgBindings = bindings;
    this.ctx.hub.changeListeners.add(this);
    return undefined;
  }

  /** Messages after join: broadcast, presence, access_token, phx_leave. */
  async handle(message: PhxMessage): Promise<void> {
    const payload = isRecord(message.payload) ? message.payload : {};
    switch (message.event) {
      case 'broadcast': {
        const event = typeof payload.event === 'string' ? payload.event : '';
        this.ctx.hub.broadcast(this.topicKey, this, event, payload.payload);
        if (this.ackBroadcast) this.reply(message, 'ok', {});
        return;
      }
      case 'presence': {
        if (payload.event === 'track') {
          const meta = isRecord(payload.payload) ? payload.payload : {};
          this.ctx.hub.track(this, this.presenceKey, meta);
          // A channel that joined without presence gets the current state on its first track.
          if (!this.presenceEnabled) {
            this.presenceEnabled = true;
            this.push('presence_state', this.ctx.hub.presenceState(this.topicKey));
          }
        } else if (payload.event === 'untrack') {
          this.ctx.hub.untrack(this);
        } else {
          this.reply(message, 'error', { reason: 'unknown presence event' });
          return;
        }
        this.reply(message, 'ok', {});
        return;
      }
      case 'access_token':
        return this.refreshToken(payload.access_token);
      case 'phx_leave':
        this.reply(message, 'ok', {});
        this.close();
        return;
      default:
        // Realtime logs and ignores messages it does not know.
        return;
    }
  }

  private refreshToken(token: unknown): void {
    if (token == null || token === this.auth.token) return;
    const authorized = authorizeToken(token, this.ctx.jwtSecret, this.ctx.roles);
    if (!authorized.ok) {
      this.shutdown(authorized.failure.message);
      return;
    }
    this.auth = authorized.auth;
    this.armExpiry();
    // Realtime re-subscribes with the new claims and says so again.
    if (this.pgBindings.length > 0) {
      this.system('postgres_changes', 'ok', 'Subscribed to PostgreSQL');
    }
  }

  /** Realtime re-checks the token when it expires and shuts the channel down if not renewed. */
  private armExpiry(): void {
    clearTimeout(this.expiryTimer);
    const ms = Math.min(this.auth.exp * 1000 - Date.now(), 2 ** 31 - 1);
    this.expiryTimer = setTimeout(
      () => {
        if (this.auth.exp * 1000 <= Date.now()) this.shutdown(expiredMessage(this.auth.exp));
        else this.armExpiry();
      },
      Math.max(0, ms),
    );
    this.expiryTimer.unref();
  }

  /** Realtime's shutdown_response: a system error, then the channel closes (phx_close). */
  shutdown(reason: string): void {
    if (this.closed) return;
    this.system('system', 'error', reason);
    this.push('phx_close', {});
    this.close();
  }

  /** Leaves the hub (presence leave diff to the others) and forgets the channel. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.expiryTimer);
    this.ctx.hub.remove(this);
    this.socket.dropChannel(this);
  }

  private system(extension: string, status: 'ok' | 'error', text: string): void {
    this.push('system', { extension, status, message: text, channel: this.subTopic });
  }

  private reply(message: PhxMessage, status: 'ok' | 'error', response: unknown): void {
    this.socket.send({
      joinRef: this.joinRef,
      ref: message.ref,
      topic: this.topic,
      event: 'phx_reply',
      payload: { status, response },
    });
  }

  push(event: string, payload: unknown): void {
    if (this.closed && event !== 'phx_close') return;
    this.socket.send({ joinRef: this.joinRef, ref: null, topic: this.topic, event, payload });
  }

  sendBroadcast(event: string, payload: unknown): void {
    if (!this.closed) this.socket.sendBroadcast(this.topic, event, payload);
  }

  /** A postgres_changes message (Realtime fastlanes them without join_ref). */
  sendChange(ids: number[], data: unknown): void {
    if (this.closed) return;
    this.socket.send({
      joinRef: null,
      ref: null,
      topic: this.topic,
      event: 'postgres_changes',
      payload: { ids, data },
    });
  }
}
