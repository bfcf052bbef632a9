// One realtime websocket: decodes Phoenix frames, answers heartbeats on the `phoenix` topic,
// routes joins and channel messages, replies `unmatched topic` like Phoenix for topics it has
// not joined, and cleans every channel up when the socket goes away.
import type { WebSocket } from 'ws';
import { Channel, type ChannelSocket } from './channel';
import { decodeFrame, encodeBroadcast, encodeMessage, ProtocolError } from './protocol';
import type { PhxMessage, Vsn } from './protocol';
import type { RealtimeContext } from './context';

/** Phoenix drops a socket that sent nothing (not even a heartbeat) for this long. */
const IDLE_TIMEOUT_MS = 60_000;
/** Realtime's default max_channels_per_client. */
const MAX_CHANNELS = 100;

export class Connection implements ChannelSocket {
  private channels = new Map<string, Channel>();
  private idleTimer: NodeJS.Timeout;
  /** Messages of one socket are handled in order, even when a join awaits the database. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: RealtimeContext,
    private readonly ws: WebSocket,
    private readonly vsn: Vsn,
    readonly apikey: string,
  ) {
    this.idleTimer = setTimeout(() => ws.terminate(), IDLE_TIMEOUT_MS);
    this.idleTimer.unref();
    ws.on('message', (data, isBinary) => {
      this.idleTimer.refresh();
      const buffer = Array.isArray(data)
        ? Buffer.concat(data)
        : Buffer.isBuffer(data)
          ? data
          : Buffer.from(data);
      this.queue = this.queue.then(() => this.onFrame(buffer, isBinary));
    });
    ws.on('close', () => {
      clearTimeout(this.idleTimer);
      this.closeAll();
    });
    ws.on('error', () => this.closeAll());
  }

  send(message: PhxMessage): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(encodeMessage(this.vsn, message));
  }

  sendBroadcast(topic: string, event: string, payload: unknown): void {
    if (this.ws.readyState === this.ws.OPEN) {
      this.ws.send(encodeBroadcast(this.vsn, topic, event, payload));
    }
  }

  dropChannel(channel: Channel): void {
    if (this.channels.get(channel.topic) === channel) this.channels.delete(channel.topic);
  }

  private async onFrame(data: Buffer, isBinary: boolean): Promise<void> {
    let message: PhxMessage;
    try {
      message = decodeFrame(data, isBinary);
    } catch (error) {
      if (error instanceof ProtocolError) {
        // Phoenix closes a socket that sends undecodable frames.
        this.ws.close(1003, 'invalid message');
        return;
      }
      throw error;
    }
    try {
      await this.dispatch(message);
    } catch (error) {
      this.ctx.log(
        `realtime: error handling ${message.event}: ${(error as Error)?.stack ?? error}`,
      );
      if (message.ref) {
        this.send({
          joinRef: message.joinRef,
          ref: message.ref,
          topic: message.topic,
          event: 'phx_reply',
          payload: { status: 'error', response: { reason: 'internal error' } },
        });
      }
    }
  }

  private async dispatch(message: PhxMessage): Promise<void> {
    if (message.topic === 'phoenix') {
      if (message.event === 'heartbeat') {
        this.send({ ...message, event: 'phx_reply', payload: { status: 'ok', response: {} } });
      }
      return;
    }
    if (message.event === 'phx_join') {
      if (!message.topic.startsWith('realtime:')) {
        this.unmatched(message);
        return;
      }
      // Phoenix closes an existing channel on the same topic before joining again.
      const existing = this.channels.get(message.topic);
      if (!existing && this.channels.size >= MAX_CHANNELS) {
        this.send({
          ...message,
          event: 'phx_reply',
          payload: {
            status: 'error',
            response: { reason: 'ChannelRateLimitReached: Too many channels' },
          },
        });
        return;
      }
      if (existing) {
        existing.push('phx_close', {});
        existing.close();
      }
      const channel = await Channel.join(this.ctx, this, message);
      if (channel) {
        if (this.ws.readyState !== this.ws.OPEN) channel.close();
        else this.channels.set(message.topic, channel);
      }
      return;
    }
    const channel = this.channels.get(message.topic);
    if (!channel || (message.joinRef && channel.joinRef && message.joinRef !== channel.joinRef)) {
      this.unmatched(message);
      return;
    }
    await channel.handle(message);
  }

  private unmatched(message: PhxMessage): void {
    if (message.event === 'phx_leave') {
      // Leaving a channel that is already gone is fine for the client.
      this.send({
        ...message,
        event: 'phx_reply',
        payload: { status: 'ok', response: {} },
      });
      return;
    }
    this.send({
      ...message,
      event: 'phx_reply',
      payload: { status: 'error', response: { reason: 'unmatched topic' } },
    });
  }

  private closeAll(): void {
    for (const channel of [...this.channels.values()]) channel.close();
    this.channels.clear();
  }

  /** Server shutdown: close the socket so clients reconnect (to the next server). */
  terminate(): void {
    this.closeAll();
    this.ws.terminate();
  }
}
