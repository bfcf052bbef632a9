// Realtime across a stack restart (clients reconnect on their own, rejoin, and receive new
// changes from the restarted stack, whose data persisted), and records too large to send whole
// (Supabase's Error 413 with only small values kept). Runs its own stack on PGlite with a data
// folder, so it can stop and start it and write with plain SQL (another path than REST).
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RealtimePostgresChangesPayload, SupabaseClient } from '@supabase/supabase-js';
import { startStack, type Stack, type StackOptions } from '../../local-supabase/server';
import { Inbox, closeAll, signedInClient, subscribe } from './support/realtime';

type Row = Record<string, unknown>;
type Change = RealtimePostgresChangesPayload<Row>;
type System = { extension: string; status: string; message: string };

const fixtures = new URL('./fixtures/', import.meta.url).pathname;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

describe('realtime across a stack restart (PGlite, data folder)', () => {
  let dataDir: string;
  let options: StackOptions;
  let stack: Stack;
  const clients: SupabaseClient[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'loupe-realtime-'));
    options = {
      port: await freePort(),
      data: dataDir,
      projectDir: fixtures,
      migrationsDir: fixtures + 'migrations',
      seedFile: fixtures + 'seed.sql',
      log: () => undefined,
    };
    stack = await startStack(options);
  });

  afterAll(async () => {
    await closeAll(clients);
    await stack.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('clients reconnect after a restart and receive the new stack’s changes', async () => {
    const a = await signedInClient(stack);
    clients.push(a.client);
    const inbox = new Inbox<Change>();
    const system = new Inbox<System>();
    const statuses = new Inbox<string>();
    const channel = a.client
      .channel('board')
      .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'rt_notes' }, inbox.push)
      .on('system', {}, system.push);
    channel.subscribe((s) => statuses.push(s));
    await system.waitFor((m) => m.message === 'Subscribed to PostgreSQL');

    await stack.db.query(`insert into public.rt_notes (owner, body) values ($1, 'before')`, [
      a.sub,
    ]);
    await inbox.waitFor((c) => (c.new as Row).body === 'before');

    await stack.close();
    stack = await startStack(options);
    // realtime-js retries after 1 s, 2 s, 5 s... then rejoins the channel by itself.
    await system.waitFor(
      () => system.items.filter((m) => m.message === 'Subscribed to PostgreSQL').length >= 2,
      20_000,
    );
    await stack.db.query(`insert into public.rt_notes (owner, body) values ($1, 'after')`, [a.sub]);
    await inbox.waitFor((c) => (c.new as Row).body === 'after');
    // The data folder kept the first row.
    const kept = await stack.db.query<{ n: number }>(
      `select count(*)::int as n from public.rt_notes where owner = $1`,
      [a.sub],
    );
    expect(kept.rows[0]?.n).toBe(2);
    expect(statuses.items.filter((s) => s === 'SUBSCRIBED').length).toBeGreaterThanOrEqual(2);
  }, 40_000);

  it('follows the publication as migrations change it: publish options, for all tables', async () => {
    const a = await signedInClient(stack);
    clients.push(a.client);
    const notes = new Inbox<Change>();
    const hidden = new Inbox<Change>();
    await subscribe(
      a.client
        .channel('publication')
        .on('postgres_changes', { event: '*', schema: 'public', table: 'rt_notes' }, notes.push)
        .on('postgres_changes', { event: '*', schema: 'public', table: 'rt_hidden' }, hidden.push),
    );
    // Only inserts published: the update is not streamed.
    await stack.db.exec(`alter publication supabase_realtime set (publish = 'insert')`);
    await stack.db.query(`insert into public.rt_notes (id, owner, body) values (900001, $1, 'a')`, [
      a.sub,
    ]);
    await stack.db.query(`update public.rt_notes set body = 'b' where id = 900001`);
    await stack.db.query(`insert into public.rt_notes (id, owner, body) values (900002, $1, 'c')`, [
      a.sub,
    ]);
    await notes.waitFor((c) => (c.new as Row).id === 900002);
    expect(notes.items.map((c) => c.eventType)).toEqual(['INSERT', 'INSERT']);

    // A `for all tables` publication streams every table — and realtime's own tables stay out
    // of it (a parked big change must not capture itself).
    await stack.db.exec(`drop publication supabase_realtime;
      create publication supabase_realtime for all tables;`);
    await stack.db.query(`insert into public.rt_hidden (id, body) values (1, $1)`, [
      'y'.repeat(20_000),
    ]);
    expect((await hidden.waitFor()).new).toMatchObject({ id: 1 });

    await stack.db.exec(`drop publication supabase_realtime;
      create publication supabase_realtime;
      alter publication supabase_realtime add table public.rt_notes, public.rt_cards, public.rt_lookup;`);
    await stack.db.query(`insert into public.rt_hidden (id, body) values (2, 'z')`);
    await stack.db.query(`insert into public.rt_notes (id, owner, body) values (900003, $1, 'd')`, [
      a.sub,
    ]);
    await notes.waitFor((c) => (c.new as Row).id === 900003);
    expect(hidden.items).toHaveLength(1);
  });

  it('a record over max_record_bytes arrives with Error 413 and only its small values', async () => {
    const a = await signedInClient(stack);
    clients.push(a.client);
    const inbox = new Inbox<Change>();
    await subscribe(
      a.client
        .channel('big')
        .on('postgres_changes', { event: '*', schema: 'public', table: 'rt_notes' }, inbox.push),
    );
    const body = 'x'.repeat(1024 * 1024 + 10);
    await stack.db.query(`insert into public.rt_notes (owner, body, priority) values ($1, $2, 7)`, [
      a.sub,
      body,
    ]);
    const change = await inbox.waitFor();
    expect(change.errors).toEqual(['Error 413: Payload Too Large']);
    expect(change.new).toMatchObject({ owner: a.sub, priority: 7 });
    expect(change.new).not.toHaveProperty('body');
    // Parked rows are consumed once delivered.
    const parked = await stack.db.query<{ n: number }>(
      `select count(*)::int as n from realtime.pending_changes`,
    );
    expect(parked.rows[0]?.n).toBe(0);
  });
});
