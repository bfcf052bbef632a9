// Broadcast and presence between real supabase-js clients: self and ack options, the binary
// (vsn 2.0.0) and JSON (vsn 1.0.0) serializers talking to each other, the REST broadcast
// endpoints, and presence sync/join/leave for "who else is looking at this order".
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RealtimePresenceState, SupabaseClient } from '@supabase/supabase-js';
import { serviceClient, targets } from './support/clients';
import {
  Inbox,
  closeAll,
  realtimeClient,
  signedInClient,
  sleep,
  subscribe,
} from './support/realtime';

type Broadcast = { type: string; event: string; payload: Record<string, unknown> };
type PresenceEvent = {
  event: string;
  key?: string;
  newPresences?: Record<string, unknown>[];
  leftPresences?: Record<string, unknown>[];
};

describe.each(targets())('realtime broadcast and presence on $engine', (t) => {
  const clients: SupabaseClient[] = [];
  afterAll(() => closeAll(clients));

  async function client(vsn?: '1.0.0' | '2.0.0') {
    const c = realtimeClient(t, vsn ? { vsn } : {});
    clients.push(c);
    return c;
  }

  it('a broadcast reaches the other clients on the topic, not the sender by default', async () => {
    const topic = `order-${crypto.randomUUID()}`;
    const [a, b, c] = [await client(), await client(), await client()];
    const inboxes = [new Inbox<Broadcast>(), new Inbox<Broadcast>(), new Inbox<Broadcast>()];
    const channels = [a, b, c].map((x, i) =>
      x.channel(topic).on('broadcast', { event: 'moved' }, inboxes[i]!.push),
    );
    for (const ch of channels) await subscribe(ch);
    // Another topic must not hear it.
    const elsewhere = new Inbox<Broadcast>();
    await subscribe(
      (await client())
        .channel(`other-${topic}`)
        .on('broadcast', { event: 'moved' }, elsewhere.push),
    );

    expect(
      await channels[0]!.send({ type: 'broadcast', event: 'moved', payload: { to: 'qc' } }),
    ).toBe('ok');
    const got = await inboxes[1]!.waitFor();
    expect(got).toMatchObject({ type: 'broadcast', event: 'moved', payload: { to: 'qc' } });
    await inboxes[2]!.waitFor();
    await sleep(100);
    expect(inboxes[0]!.items).toEqual([]);
    expect(elsewhere.items).toEqual([]);
  });

  it('self: true echoes to the sender; ack: true waits for the server', async () => {
    const topic = `self-${crypto.randomUUID()}`;
    const a = await client();
    const inbox = new Inbox<Broadcast>();
    const channel = a
      .channel(topic, { config: { broadcast: { self: true, ack: true } } })
      .on('broadcast', { event: '*' }, inbox.push);
    await subscribe(channel);
    expect(await channel.send({ type: 'broadcast', event: 'ping', payload: { n: 1 } })).toBe('ok');
    expect(await inbox.waitFor()).toMatchObject({ event: 'ping', payload: { n: 1 } });
  });

  it('vsn 1.0.0 (JSON) and vsn 2.0.0 (binary broadcast frames) clients talk to each other', async () => {
    const topic = `mixed-${crypto.randomUUID()}`;
    const v1 = await client('1.0.0');
    const v2 = await client('2.0.0');
    const onV1 = new Inbox<Broadcast>();
    const onV2 = new Inbox<Broadcast>();
    const ch1 = v1.channel(topic).on('broadcast', { event: 'note' }, onV1.push);
    const ch2 = v2.channel(topic).on('broadcast', { event: 'note' }, onV2.push);
    await subscribe(ch1);
    await subscribe(ch2);
    await ch2.send({ type: 'broadcast', event: 'note', payload: { from: 'v2', gem: 'ruby' } });
    await ch1.send({ type: 'broadcast', event: 'note', payload: { from: 'v1', carat: 1.5 } });
    expect((await onV1.waitFor()).payload).toEqual({ from: 'v2', gem: 'ruby' });
    expect((await onV2.waitFor()).payload).toEqual({ from: 'v1', carat: 1.5 });
  });

  it('the REST broadcast endpoints deliver to subscribed clients', async () => {
    const topic = `rest-${crypto.randomUUID()}`;
    const listener = await client();
    const inbox = new Inbox<Broadcast>();
    await subscribe(listener.channel(topic).on('broadcast', { event: '*' }, inbox.push));

    // send() on a channel that has not joined falls back to POST /api/broadcast.
    const sender = await client();
    const unjoined = sender.channel(topic);
    const warn = console.warn;
    console.warn = () => undefined; // realtime-js warns about the fallback
    try {
      expect(await unjoined.send({ type: 'broadcast', event: 'fallback', payload: { a: 1 } })).toBe(
        'ok',
      );
    } finally {
      console.warn = warn;
    }
    expect((await inbox.waitFor((m) => m.event === 'fallback')).payload).toEqual({ a: 1 });

    expect(await unjoined.httpSend('direct', { b: 2 })).toEqual({ success: true });
    expect((await inbox.waitFor((m) => m.event === 'direct')).payload).toEqual({ b: 2 });
    await sender.removeChannel(unjoined);

    const bad = await fetch(`${t.url}/realtime/v1/api/broadcast`, {
      method: 'POST',
      headers: { apikey: t.anonKey, 'content-type': 'application/json' },
      body: '{"messages": "nope"}',
    });
    expect(bad.status).toBe(422);
    const noKey = await fetch(`${t.url}/realtime/v1/api/broadcast`, { method: 'POST', body: '{}' });
    expect(noKey.status).toBe(401);
  });

  it('broadcast from the database (realtime.send) reaches public or private channels', async () => {
    const service = serviceClient(t);
    const room = `db-${crypto.randomUUID()}`;
    const member = await signedInClient(t);
    clients.push(member.client);
    expect(
      (await service.from('rt_room_members').insert({ room, member: member.sub })).error,
    ).toBeNull();
    const onPublic = new Inbox<Broadcast>();
    const onPrivate = new Inbox<Broadcast>();
    await subscribe(
      member.client.channel(room).on('broadcast', { event: 'announcement' }, onPublic.push),
    );
    const listener = await client();
    await listener.realtime.setAuth(member.token);
    await subscribe(
      listener
        .channel(room, { config: { private: true } })
        .on('broadcast', { event: 'announcement' }, onPrivate.push),
    );
    const send = (message: string, isPrivate: boolean) =>
      service.rpc('rt_announce', { topic: room, message, is_private: isPrivate });
    expect((await send('open to all', false)).error).toBeNull();
    expect((await send('members only', true)).error).toBeNull();
    expect((await onPublic.waitFor()).payload).toEqual({ message: 'open to all' });
    expect((await onPrivate.waitFor()).payload).toEqual({ message: 'members only' });
    await sleep(100);
    expect(onPublic.items).toHaveLength(1);
    expect(onPrivate.items).toHaveLength(1);
  });

  it('Phoenix socket rules: unmatched topics, 100 channels per socket, bad keys refused', async () => {
    const url = `${t.url.replace('http', 'ws')}/realtime/v1/websocket`;
    const ws = new WebSocket(`${url}?apikey=${t.anonKey}&vsn=2.0.0`);
    const replies = new Inbox<unknown[]>();
    ws.on('message', (d) => replies.push(JSON.parse(String(d)) as unknown[]));
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify(['1', '1', 'realtime:nowhere', 'broadcast', { event: 'x' }]));
    expect((await replies.waitFor((m) => m[1] === '1'))[4]).toEqual({
      status: 'error',
      response: { reason: 'unmatched topic' },
    });
    for (let i = 0; i < 101; i++) {
      ws.send(JSON.stringify([`j${i}`, `j${i}`, `realtime:many-${i}`, 'phx_join', { config: {} }]));
    }
    expect((await replies.waitFor((m) => m[1] === 'j99'))[4]).toMatchObject({ status: 'ok' });
    expect((await replies.waitFor((m) => m[1] === 'j100'))[4]).toEqual({
      status: 'error',
      response: { reason: 'ChannelRateLimitReached: Too many channels' },
    });
    ws.close();

    for (const query of ['vsn=2.0.0', `apikey=not-a-key&vsn=2.0.0`]) {
      const refused = new WebSocket(`${url}?${query}`);
      const status = await new Promise<number | undefined>((resolve) => {
        refused.once('unexpected-response', (_req, res) => resolve(res.statusCode));
        refused.once('open', () => resolve(undefined));
        refused.once('error', () => undefined);
      });
      expect(status).toBe(401);
      refused.terminate();
    }
  });

  it('presence: each client sees who else is on the order, joins and leaves', async () => {
    const topic = `presence-${crypto.randomUUID()}`;
    const a = await signedInClient(t);
    const b = await signedInClient(t);
    clients.push(a.client, b.client);
    const eventsA = new Inbox<PresenceEvent>();
    const chA = a.client
      .channel(topic, { config: { presence: { key: 'ana' } } })
      .on('presence', { event: 'sync' }, () => eventsA.push({ event: 'sync' }))
      .on('presence', { event: 'join' }, (p) => eventsA.push(p as PresenceEvent))
      .on('presence', { event: 'leave' }, (p) => eventsA.push(p as PresenceEvent));
    await subscribe(chA);
    expect(await chA.track({ name: 'Ana', role: 'qc' })).toBe('ok');
    await eventsA.waitFor((e) => e.event === 'join' && e.key === 'ana');

    const chB = b.client.channel(topic, { config: { presence: { key: 'ben' } } });
    const bSynced = new Inbox<RealtimePresenceState>();
    chB.on('presence', { event: 'sync' }, () => bSynced.push(chB.presenceState()));
    await subscribe(chB);
    // The newcomer gets the current state (presence_state) on join.
    const initial = await bSynced.waitFor((s) => 'ana' in s);
    expect(initial.ana).toEqual([expect.objectContaining({ name: 'Ana', role: 'qc' })]);
    expect(initial.ana?.[0]).toHaveProperty('presence_ref');

    await chB.track({ name: 'Ben', role: 'workshop' });
    const join = await eventsA.waitFor((e) => e.event === 'join' && e.key === 'ben');
    expect(join.newPresences).toEqual([expect.objectContaining({ name: 'Ben' })]);
    await bSynced.waitFor((s) => 'ana' in s && 'ben' in s);
    expect(Object.keys(chA.presenceState()).sort()).toEqual(['ana', 'ben']);

    await chB.untrack();
    const leave = await eventsA.waitFor((e) => e.event === 'leave' && e.key === 'ben');
    expect(leave.leftPresences).toEqual([expect.objectContaining({ name: 'Ben' })]);
    expect(Object.keys(chA.presenceState())).toEqual(['ana']);

    await chB.track({ name: 'Ben again' });
    await eventsA.waitFor((e) => e.event === 'join' && e.newPresences?.[0]?.name === 'Ben again');
    // Disconnecting is leaving.
    b.client.realtime.disconnect();
    await eventsA.waitFor((e) => e.event === 'leave' && e.leftPresences?.[0]?.name === 'Ben again');
    expect(Object.keys(chA.presenceState())).toEqual(['ana']);
  });

  it('presence: tracking again updates in one diff (new meta joins, old meta leaves)', async () => {
    const topic = `presence-update-${crypto.randomUUID()}`;
    const watcher = await client();
    const events = new Inbox<PresenceEvent>();
    const chW = watcher
      .channel(topic)
      .on('presence', { event: 'join' }, (p) => events.push(p as PresenceEvent))
      .on('presence', { event: 'leave' }, (p) => events.push(p as PresenceEvent));
    await subscribe(chW);
    const mover = await client();
    const chM = mover.channel(topic, { config: { presence: { key: 'mia' } } });
    await subscribe(chM);
    await chM.track({ viewing: 'ORD-1' });
    await events.waitFor((e) => e.event === 'join' && e.newPresences?.[0]?.viewing === 'ORD-1');
    // The same payload again is a no-op on the server: no diff at all.
    await chM.track({ viewing: 'ORD-1' });
    await chM.track({ viewing: 'ORD-2' });
    await events.waitFor((e) => e.event === 'join' && e.newPresences?.[0]?.viewing === 'ORD-2');
    const left = await events.waitFor((e) => e.event === 'leave');
    expect(left.leftPresences).toEqual([expect.objectContaining({ viewing: 'ORD-1' })]);
    expect(events.items.map((e) => e.event)).toEqual(['join', 'join', 'leave']);
  });
});
