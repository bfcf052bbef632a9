// postgres_changes through the real supabase-js: payload shape per event type, replica identity,
// filters, row-level security per subscriber at delivery time (over many changes), writes via
// rpc, tables outside the publication, token expiry and refresh, private channels.
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type {
  RealtimePostgresChangesPayload,
  RealtimeChannel,
  SupabaseClient,
} from '@supabase/supabase-js';
import { serviceClient, targets } from './support/clients';
import {
  Inbox,
  closeAll,
  realtimeClient,
  signedInClient,
  subscribe,
  subscribeError,
  userToken,
} from './support/realtime';

type Row = Record<string, unknown>;
type Change = RealtimePostgresChangesPayload<Row>;
type System = { extension: string; status: string; message: string; channel: string };

describe.each(targets())('realtime postgres_changes on $engine', (t) => {
  const service = serviceClient(t);
  const clients: SupabaseClient[] = [];
  afterAll(() => closeAll(clients));

  /** A channel on `client` listening to `filter`, with its inbox and system messages. */
  async function listen(
    client: SupabaseClient,
    filter: { event: '*' | 'INSERT' | 'UPDATE' | 'DELETE'; table: string; filter?: string },
    name = `changes-${crypto.randomUUID()}`,
  ) {
    const inbox = new Inbox<Change>();
    const system = new Inbox<System>();
    const channel = client
      .channel(name)
      .on(
        'postgres_changes' as never,
        { schema: 'public', ...filter },
        inbox.push as (p: unknown) => void,
      )
      .on('system', {}, system.push as (p: unknown) => void);
    await subscribe(channel);
    return { inbox, system, channel };
  }

  async function user() {
    const u = await signedInClient(t);
    clients.push(u.client);
    return u;
  }

  async function insertNote(values: Row): Promise<Row> {
    const { data, error } = await service.from('rt_notes').insert(values).select().single();
    expect(error).toBeNull();
    return data as Row;
  }

  it('insert, update and delete arrive with the payload Supabase sends', async () => {
    const a = await user();
    const { inbox, system } = await listen(a.client, { event: '*', table: 'rt_notes' });
    await system.waitFor((m) => m.message === 'Subscribed to PostgreSQL');

    const note = await insertNote({
      owner: a.sub,
      body: 'polish the band',
      priority: 2,
      tags: ['ring', 'rush'],
      meta: { size: 6.5 },
      due_at: '2026-02-01T10:00:00+00:00',
      internal_note: 'hidden from API roles',
    });
    const inserted = await inbox.waitFor((c) => c.eventType === 'INSERT');
    expect(inserted).toMatchObject({
      schema: 'public',
      table: 'rt_notes',
      eventType: 'INSERT',
      old: {},
      errors: null,
      new: {
        id: note.id,
        owner: a.sub,
        body: 'polish the band',
        priority: 2,
        done: false,
        tags: ['ring', 'rush'],
        meta: { size: 6.5 },
      },
    });
    expect(new Date(inserted.commit_timestamp).toString()).not.toBe('Invalid Date');
    expect(inserted.commit_timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Date.parse(String((inserted.new as Row).due_at))).toBe(
      Date.parse('2026-02-01T10:00:00Z'),
    );
    // Column privileges: the role may not select internal_note, so it is not sent.
    expect(inserted.new).not.toHaveProperty('internal_note');

    await service.from('rt_notes').update({ body: 'polished', done: true }).eq('id', note.id);
    const updated = await inbox.waitFor((c) => c.eventType === 'UPDATE');
    expect(updated.new).toMatchObject({ id: note.id, body: 'polished', done: true });
    // Default replica identity: the old row carries only the primary key.
    expect(updated.old).toEqual({ id: note.id });

    await service.from('rt_notes').delete().eq('id', note.id);
    const deleted = await inbox.waitFor((c) => c.eventType === 'DELETE');
    expect(deleted.old).toEqual({ id: note.id });
    expect(deleted.new).toEqual({});
    expect(inbox.items.map((c) => c.eventType)).toEqual(['INSERT', 'UPDATE', 'DELETE']);
  });

  it('exposes `columns` with Postgres type names on the wire, minus unselectable columns', async () => {
    const sub = crypto.randomUUID();
    const token = userToken(t, sub);
    const ws = new WebSocket(
      `${t.url.replace('http', 'ws')}/realtime/v1/websocket?apikey=${t.anonKey}&vsn=2.0.0`,
    );
    const frames: unknown[][] = [];
    ws.on('message', (d) => frames.push(JSON.parse(String(d)) as unknown[]));
    await new Promise((r) => ws.once('open', r));
    const config = {
      postgres_changes: [{ event: 'INSERT', schema: 'public', table: 'rt_notes' }],
    };
    ws.send(
      JSON.stringify(['1', '1', 'realtime:raw', 'phx_join', { config, access_token: token }]),
    );
    const waitFrame = async (test: (f: unknown[]) => boolean) => {
      for (let i = 0; i < 500; i++) {
        const f = frames.find(test);
        if (f) return f;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error('frame not received');
    };
    const reply = await waitFrame((f) => f[3] === 'phx_reply' && f[1] === '1');
    const response = (reply[4] as { status: string; response: { postgres_changes: Row[] } })
      .response;
    expect((reply[4] as { status: string }).status).toBe('ok');
    expect(response.postgres_changes).toEqual([
      { event: 'INSERT', schema: 'public', table: 'rt_notes', id: expect.any(Number) },
    ]);
    const note = await insertNote({ owner: sub, body: 'raw' });
    const change = await waitFrame((f) => f[3] === 'postgres_changes');
    expect(change[2]).toBe('realtime:raw');
    const { ids, data } = change[4] as { ids: number[]; data: Row };
    expect(ids).toEqual([response.postgres_changes[0]?.id]);
    expect(data).toMatchObject({
      schema: 'public',
      table: 'rt_notes',
      type: 'INSERT',
      errors: null,
    });
    expect(data).not.toHaveProperty('old_record');
    expect((data.record as Row).id).toBe(note.id);
    expect(data.columns).toEqual([
      { name: 'id', type: 'int8' },
      { name: 'owner', type: 'uuid' },
      { name: 'body', type: 'text' },
      { name: 'priority', type: 'int4' },
      { name: 'done', type: 'bool' },
      { name: 'tags', type: '_text' },
      { name: 'meta', type: 'jsonb' },
      { name: 'due_at', type: 'timestamptz' },
    ]);
    // Heartbeats on the phoenix topic are answered.
    ws.send(JSON.stringify([null, '9', 'phoenix', 'heartbeat', {}]));
    const beat = await waitFrame((f) => f[1] === '9');
    expect(beat).toEqual([null, '9', 'phoenix', 'phx_reply', { status: 'ok', response: {} }]);
    ws.close();
  });

  it('replica identity full: updates carry the whole old row; deletes under RLS only the key', async () => {
    const a = await user();
    const { inbox } = await listen(a.client, { event: '*', table: 'rt_cards' });
    const id = Math.floor(Math.random() * 1e9);
    await service.from('rt_cards').insert({ id, title: 'Solitaire', stage: 'cad', position: 1 });
    await inbox.waitFor((c) => c.eventType === 'INSERT');
    await service.from('rt_cards').update({ stage: 'production', position: 4 }).eq('id', id);
    const updated = await inbox.waitFor((c) => c.eventType === 'UPDATE');
    expect(updated.old).toEqual({ id, title: 'Solitaire', stage: 'cad', position: 1 });
    expect(updated.new).toEqual({ id, title: 'Solitaire', stage: 'production', position: 4 });
    await service.from('rt_cards').delete().eq('id', id);
    const deleted = await inbox.waitFor((c) => c.eventType === 'DELETE');
    expect(deleted.old).toEqual({ id });
  });

  it('a policy that raises for one subscriber costs only that subscriber its event', async () => {
    const calm = await user();
    const exploding = realtimeClient(t);
    clients.push(exploding);
    await exploding.realtime.setAuth(userToken(t, crypto.randomUUID(), { explode: 'yes' }));
    const onCalm = await listen(calm.client, { event: 'INSERT', table: 'rt_cards' });
    const onExploding = await listen(exploding, { event: 'INSERT', table: 'rt_cards' });
    const id = Math.floor(Math.random() * 1e9);
    await service.from('rt_cards').insert({ id, title: 'Pavé band' });
    await onCalm.inbox.waitFor((c) => (c.new as Row).id === id);
    const second = id + 1;
    await service.from('rt_cards').insert({ id: second, title: 'Signet' });
    await onCalm.inbox.waitFor((c) => (c.new as Row).id === second);
    expect(onExploding.inbox.items).toEqual([]);
  });

  it('without RLS and with replica identity full, a delete carries the whole old row', async () => {
    const anon = realtimeClient(t);
    clients.push(anon);
    const { inbox } = await listen(anon, { event: 'DELETE', table: 'rt_lookup' });
    const code = `c-${crypto.randomUUID()}`;
    await service.from('rt_lookup').insert({ code, label: 'Platinum' });
    await service.from('rt_lookup').delete().eq('code', code);
    const deleted = await inbox.waitFor();
    expect(deleted.old).toEqual({ code, label: 'Platinum' });
    expect(inbox.items).toHaveLength(1); // the INSERT did not match event DELETE
  });

  it('filters eq, neq, lt, lte, gt, gte and in are respected', async () => {
    const a = await user();
    const tag = crypto.randomUUID().slice(0, 8);
    const filters = {
      eq: 'priority=eq.3',
      neq: 'priority=neq.3',
      lt: 'priority=lt.3',
      lte: 'priority=lte.3',
      gt: 'priority=gt.3',
      gte: 'priority=gte.3',
      in: 'priority=in.(1,5)',
      text: `body=eq.${tag}-4`,
    };
    const inboxes = Object.fromEntries(
      await Promise.all(
        Object.entries(filters).map(async ([k, filter]) => {
          const { inbox } = await listen(a.client, { event: 'INSERT', table: 'rt_notes', filter });
          return [k, inbox] as const;
        }),
      ),
    );
    const all = await listen(a.client, { event: 'INSERT', table: 'rt_notes' });
    for (const priority of [1, 2, 3, 4, 5]) {
      await insertNote({ owner: a.sub, body: `${tag}-${priority}`, priority });
    }
    // One socket delivers in order: once the unfiltered channel has the last row, every
    // filtered channel has had its chance.
    await all.inbox.waitFor((c) => (c.new as Row).body === `${tag}-5`);
    const seen = (k: string) => inboxes[k]!.items.map((c) => (c.new as Row).priority);
    expect(seen('eq')).toEqual([3]);
    expect(seen('neq')).toEqual([1, 2, 4, 5]);
    expect(seen('lt')).toEqual([1, 2]);
    expect(seen('lte')).toEqual([1, 2, 3]);
    expect(seen('gt')).toEqual([4, 5]);
    expect(seen('gte')).toEqual([3, 4, 5]);
    expect(seen('in')).toEqual([1, 5]);
    expect(seen('text')).toEqual([4]);
  });

  it('RLS: over 60 changes, B never receives A’s rows while A receives every one', async () => {
    const a = await user();
    const b = await user();
    const anon = realtimeClient(t);
    clients.push(anon);
    const onA = await listen(a.client, { event: '*', table: 'rt_notes' });
    const onB = await listen(b.client, { event: '*', table: 'rt_notes' });
    const onAnon = await listen(anon, { event: '*', table: 'rt_notes' });

    const ids: unknown[] = [];
    for (let i = 0; i < 40; i++) {
      ids.push((await insertNote({ owner: a.sub, body: `a-${i}`, priority: i })).id);
    }
    for (let i = 0; i < 20; i++) {
      await service
        .from('rt_notes')
        .update({ priority: 100 + i })
        .eq('id', ids[i] as number);
    }
    // B's own row, written last: when it arrives, every earlier change has been decided for B.
    const sentinel = await insertNote({ owner: b.sub, body: 'b-sentinel' });
    await onB.inbox.waitFor((c) => (c.new as Row).id === sentinel.id);
    await onA.inbox.count(60);

    expect(onB.inbox.items.map((c) => (c.new as Row).owner)).toEqual([b.sub]);
    expect(onA.inbox.items).toHaveLength(60);
    expect(onA.inbox.items.every((c) => (c.new as Row).owner === a.sub)).toBe(true);
    expect(onA.inbox.items.filter((c) => c.eventType === 'UPDATE')).toHaveLength(20);
    // anon has no policy on rt_notes: nothing at all.
    expect(onAnon.inbox.items).toEqual([]);
  });

  it('a write through rpc streams like any other', async () => {
    const a = await user();
    const note = await insertNote({ owner: a.sub, body: 'rpc', priority: 1 });
    const { inbox } = await listen(a.client, {
      event: 'UPDATE',
      table: 'rt_notes',
      filter: `id=eq.${String(note.id)}`,
    });
    const { data, error } = await service.rpc('rt_bump_priority', {
      note_id: note.id,
      by_amount: 5,
    });
    expect(error).toBeNull();
    expect(data).toBe(6);
    const change = await inbox.waitFor();
    expect(change.new).toMatchObject({ id: note.id, priority: 6 });
  });

  it('tables outside the supabase_realtime publication never stream', async () => {
    const a = await user();
    const hidden = new Inbox<Change>();
    const notes = new Inbox<Change>();
    const channel: RealtimeChannel = a.client
      .channel(`hidden-${crypto.randomUUID()}`)
      .on('postgres_changes', { event: '*', schema: 'public', table: 'rt_hidden' }, hidden.push)
      .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'rt_notes' }, notes.push);
    await subscribe(channel);
    const id = Math.floor(Math.random() * 1e9);
    expect((await service.from('rt_hidden').insert({ id, body: 'x' })).error).toBeNull();
    const sentinel = await insertNote({ owner: a.sub, body: 'after hidden' });
    await notes.waitFor((c) => (c.new as Row).id === sentinel.id);
    expect(hidden.items).toEqual([]);
  });

  it('a row too big for one NOTIFY (8000 bytes) still arrives whole', async () => {
    const a = await user();
    const { inbox } = await listen(a.client, { event: 'INSERT', table: 'rt_notes' });
    const body = 'sapphire '.repeat(3000); // ~27 kB
    const note = await insertNote({ owner: a.sub, body, meta: { sketches: [body.slice(0, 500)] } });
    const change = await inbox.waitFor();
    expect(change.new).toMatchObject({ id: note.id, body });
    expect(change.errors).toBeNull();
  });

  it('an unknown table is refused with a system message, as Realtime does', async () => {
    const a = await user();
    const { system } = await listen(a.client, { event: '*', table: 'no_such_table' });
    const message = await system.waitFor();
    expect(message).toMatchObject({ extension: 'postgres_changes', status: 'error' });
    expect(message.message).toMatch(/Unable to subscribe to changes/);
  });

  it('an expired token cannot join; a forged one neither', async () => {
    const client = realtimeClient(t);
    clients.push(client);
    await client.realtime.setAuth(userToken(t, crypto.randomUUID(), {}, -60));
    const expired = await subscribeError(client.channel('expired'));
    expect(expired).toMatch(/Token has expired \d+ seconds ago/);

    const forger = realtimeClient(t);
    clients.push(forger);
    await forger.realtime.setAuth(
      userToken({ ...t, jwtSecret: 'not-the-secret-not-the-secret-not-the-secret' }, 'x'),
    );
    expect(await subscribeError(forger.channel('forged'))).toMatch(/JwtSignatureError/);

    // Signed with the right secret but naming the superuser: never a role to check rows as.
    const superuser = realtimeClient(t);
    clients.push(superuser);
    await superuser.realtime.setAuth(userToken(t, crypto.randomUUID(), { role: 'postgres' }));
    expect(await subscribeError(superuser.channel('superuser'))).toMatch(
      /permission denied to set role "postgres"/,
    );
  });

  it('a token that expires closes the channel with a system error', async () => {
    const client = realtimeClient(t);
    clients.push(client);
    await client.realtime.setAuth(userToken(t, crypto.randomUUID(), {}, 3));
    const system = new Inbox<System>();
    const statuses = new Inbox<string>();
    const channel = client.channel(`expiring-${crypto.randomUUID()}`).on('system', {}, system.push);
    channel.subscribe((status) => statuses.push(status));
    await statuses.waitFor((s) => s === 'SUBSCRIBED');
    const shutdown = await system.waitFor((m) => m.status === 'error', 8000);
    expect(shutdown).toMatchObject({ extension: 'system', status: 'error' });
    expect(shutdown.message).toMatch(/Token has expired/);
    await statuses.waitFor((s) => s === 'CLOSED');
  });

  it('an access_token update switches the subscriber to the new user’s rows', async () => {
    const a = await user();
    const bSub = crypto.randomUUID();
    const { inbox, system } = await listen(a.client, { event: 'INSERT', table: 'rt_notes' });
    await system.waitFor((m) => m.message === 'Subscribed to PostgreSQL');
    await a.client.realtime.setAuth(userToken(t, bSub));
    // Realtime re-subscribes with the new claims and says so again.
    await system.waitFor(() => system.items.length >= 2);
    const mine = await insertNote({ owner: a.sub, body: 'old identity' });
    const theirs = await insertNote({ owner: bSub, body: 'new identity' });
    await inbox.waitFor((c) => (c.new as Row).id === theirs.id);
    expect(inbox.items.map((c) => (c.new as Row).id)).not.toContain(mine.id);
  });

  it('private channels are open only to users a realtime.messages policy admits', async () => {
    const room = `room-${crypto.randomUUID()}`;
    const member = await user();
    const outsider = await user();
    expect(
      (await service.from('rt_room_members').insert({ room, member: member.sub })).error,
    ).toBeNull();
    const refused = await subscribeError(
      outsider.client.channel(room, { config: { private: true } }),
    );
    expect(refused).toMatch(/You do not have permissions to read from this Channel topic/);
    await subscribe(member.client.channel(room, { config: { private: true } }));
  });
});
