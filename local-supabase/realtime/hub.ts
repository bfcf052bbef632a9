// The in-memory pub/sub every channel joins: members per topic (public and private topics of the
// same name are separate, as Realtime keeps them), broadcast fan-out, Phoenix presence state and
// diffs, and the set of channels listening to postgres_changes.
import { randomBytes } from 'node:crypto';
import type { ChannelAuth } from './auth';
import type { ChangeFilter } from './filters';

export type PgBinding = {
  id: number;
  event: 'INSERT' | 'UPDATE' | 'DELETE' | '*';
  schema: string;
  /** undefined: every table of the schema. */
  table: string | undefined;
  filter: ChangeFilter | undefined;
};

export interface ChannelMember {
  readonly topicKey: string;
  readonly selfBroadcast: boolean;
  /** Sends a user broadcast to this member's client. */
  sendBroadcast(event: string, payload: unknown): void;
  /** Pushes a channel event (presence_diff, postgres_changes...) to this member's client. */
  push(event: string, payload: unknown): void;
}

export interface ChangeListener extends ChannelMember {
  /** Active postgres_changes bindings (validated at join). */
  readonly pgBindings: PgBinding[];
  readonly auth: ChannelAuth;
  /** Sends one postgres_changes message carrying the ids of the bindings it satisfies. */
  sendChange(ids: number[], data: unknown): void;
}

export type PresenceMeta = Record<string, unknown> & { phx_ref: string };
type Presences = Record<string, { metas: PresenceMeta[] }>;

export function topicKey(topic: string, isPrivate: boolean): string {
  return (isPrivate ? 'private:' : 'public:') + topic;
}

export class Hub {
  private members = new Map<string, Set<ChannelMember>>();
  private presence = new Map<
    string,
    Map<ChannelMember, { key: string; meta: PresenceMeta; payloadJson: string }>
  >();
  readonly changeListeners = new Set<ChangeListener>();

  add(member: ChannelMember): void {
    let set = this.members.get(member.topicKey);
    if (!set) {
      set = new Set();
      this.members.set(member.topicKey, set);
    }
    set.add(member);
  }

  remove(member: ChannelMember): void {
    this.changeListeners.delete(member as ChangeListener);
    const set = this.members.get(member.topicKey);
    set?.delete(member);
    if (set?.size === 0) this.members.delete(member.topicKey);
    // After leaving the topic: the others learn it left, the leaver gets nothing more.
    this.untrack(member);
  }

  /** Sends to every member of the topic; the sender too only if it asked for `self`. */
  broadcast(key: string, from: ChannelMember | undefined, event: string, payload: unknown): number {
    let sent = 0;
    for (const member of this.members.get(key) ?? []) {
      if (member === from && !member.selfBroadcast) continue;
      member.sendBroadcast(event, payload);
      sent++;
    }
    return sent;
  }

  private pushAll(key: string, event: string, payload: unknown): void {
    for (const member of this.members.get(key) ?? []) member.push(event, payload);
  }

  presenceState(key: string): Presences {
    const state: Presences = {};
    for (const { key: presenceKey, meta } of this.presence.get(key)?.values() ?? []) {
      (state[presenceKey] ??= { metas: [] }).metas.push(meta);
    }
    return state;
  }

  /**
   * Phoenix.Presence track, or update when this channel already tracks: one presence_diff where
   * the new meta (fresh phx_ref, phx_ref_prev) joins and the old one leaves. Tracking the same
   * payload again changes nothing, as in Realtime's PresenceHandler.
   */
  track(member: ChannelMember, presenceKey: string, payload: Record<string, unknown>): void {
    let topic = this.presence.get(member.topicKey);
    if (!topic) {
      topic = new Map();
      this.presence.set(member.topicKey, topic);
    }
    const previous = topic.get(member);
    const payloadJson = JSON.stringify(payload);
    if (previous && previous.payloadJson === payloadJson) return;
    const meta: PresenceMeta = { ...payload, phx_ref: randomBytes(8).toString('base64url') };
    const leaves: Presences = {};
    if (previous) {
      meta.phx_ref_prev = previous.meta.phx_ref;
      leaves[previous.key] = { metas: [previous.meta] };
    }
    topic.set(member, { key: presenceKey, meta, payloadJson });
    this.pushAll(member.topicKey, 'presence_diff', {
      joins: { [presenceKey]: { metas: [meta] } },
      leaves,
    });
  }

  untrack(member: ChannelMember): void {
    const topic = this.presence.get(member.topicKey);
    const previous = topic?.get(member);
    if (!topic || !previous) return;
    topic.delete(member);
    if (topic.size === 0) this.presence.delete(member.topicKey);
    this.pushAll(member.topicKey, 'presence_diff', {
      joins: {},
      leaves: { [previous.key]: { metas: [previous.meta] } },
    });
  }
}
