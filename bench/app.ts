// Issue 6/6 points 1–5 on the APP's own project (supabase/ migrations + demo seed) with
// seed:scale's generated year of orders: the board read, an orders-table page and the analytics
// report exactly as the app's api files ask for them, through supabase-js signed in as a
// manager, each against the same database work replayed in-process by the stack's recorder;
// move_order against a plain single-row update of the same order; realtime write → event at 1
// and 50 subscribed staff clients against the REST write alone. The stack runs in a child
// process (bench/stack-process.ts), this process is only the client.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';
import { signJwt } from '../local-supabase/jwt';
import { deliveredSince } from '../src/features/board/lib/board-cards';
import { listFilters, listOrder } from '../src/features/orders/lib/list-filters';
import { orderListSelect } from '../src/features/orders/lib/order-cells';
import { defaultTableState, type OrdersTableState } from '../src/features/orders/lib/table-state';
import type { Recorded } from './recorder';
import type { StackRequest } from './stack-process';
import { httpFetch } from './http-fetch';
import { measure, summarize, type Latency } from './stats';

export type AppCase = {
  name: string;
  /** What the reference is: the recorder's in-process replay, a plain update, a REST write. */
  reference: string;
  measured: Latency;
  ref: Latency;
  ratioP50: number;
  ratioP95: number;
  /** The target for ratioP50 (null: no target, shown for context). */
  target: number | null;
  /** HTTP requests one measured operation makes, and rows it returns. */
  requests: number;
  rows: number;
};

export type AppBench = {
  orders: number;
  events: number;
  cases: AppCase[];
  realtime: { subscribers: number; delivered: number; expected: number }[];
};

export const MANAGER = {
  id: '0a5e1000-0000-4000-8000-000000000004',
  email: 'manager@loupe.test',
  password: 'loupe-demo-2026',
};

type Reply = Record<string, unknown> & { type: string };

function ask(child: ChildProcess, request: StackRequest): Promise<Reply> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as Reply));
    child.send(request);
  });
}

/** The board's column list, read from its api file so the bench asks for what the app asks. */
export function boardCardColumns(): string {
  const source = readFileSync(
    new URL('../src/features/board/api/board-cards-query.ts', import.meta.url),
    'utf8',
  );
  const match = /BOARD_CARD_COLUMNS =\s*'([^']+)'/.exec(source);
  if (!match) throw new Error('BOARD_CARD_COLUMNS not found in board-cards-query.ts');
  return match[1]!;
}

/** The orders-table page the bench reads: filtered by stage, newest first, 50 rows, counted. */
export const ordersPageState: OrdersTableState = {
  ...defaultTableState,
  stages: ['cad', 'production', 'qc', 'shipping', 'delivered'],
  sort: { column: 'created', desc: true },
  page: 2,
};

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The three reads, each as its api file makes it (see src/features/<f>/api). */
export function appReads(supabase: SupabaseClient) {
  const columns = boardCardColumns();
  return {
    // src/features/board/api/board-cards-query.ts fetchBoardCards: pages of 1,000 (max_rows).
    board: async () => {
      const since = deliveredSince(new Date()).toISOString();
      let rows = 0;
      let requests = 0;
      for (let from = 0; ; from += 1000) {
        const { data, error } = await supabase
          .from('order_board')
          .select(columns)
          .or(
            `stage.in.(intake,awaiting_payment,cad,production,qc,shipping,on_hold),and(stage.eq.delivered,stage_entered_at.gte.${since})`,
          )
          .order('id')
          .range(from, from + 999);
        requests++;
        if (error) throw new Error(`board: ${error.message}`);
        rows += data.length;
        if (data.length < 1000) return { rows, requests };
      }
    },
    // src/features/orders/api/orders-page-query.ts fetchOrdersPage.
    ordersPage: async () => {
      const state = ordersPageState;
      let query = supabase.from('order_list').select(orderListSelect, { count: 'exact' });
      for (const f of listFilters(state)) query = query.filter(f.column, f.op, f.value);
      for (const o of listOrder(state)) {
        query = query.order(o.column, { ascending: o.ascending, nullsFirst: o.nullsFirst });
      }
      const from = (state.page - 1) * state.pageSize;
      const { data, error, count } = await query.range(from, from + state.pageSize - 1);
      if (error) throw new Error(`orders page: ${error.message}`);
      if (!count || count < data.length) throw new Error('orders page: no exact count');
      return { rows: data.length, requests: 1 };
    },
    // src/features/analytics/api/analytics-report-query.ts: 16 weeks, every product.
    analytics: async () => {
      const to = new Date();
      const from = new Date(to.getTime() - 16 * 7 * 86_400_000);
      const { data, error } = await supabase.rpc('analytics_report', {
        p_from: isoDay(from),
        p_to: isoDay(to),
      });
      if (error) throw new Error(`analytics: ${error.message}`);
      return { rows: data ? 1 : 0, requests: 1 };
    },
  };
}

export async function benchApp(
  options: { orders?: number; n?: number; log?: (line: string) => void } = {},
): Promise<AppBench> {
  const orders = options.orders ?? 10_000;
  const n = options.n ?? 20;
  const log = options.log ?? ((line: string) => console.log(line));
  const child = fork(
    fileURLToPath(new URL('./stack-process.ts', import.meta.url)),
    ['pglite', '', 'app', String(orders)],
    { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const t0 = performance.now();
  const ready = await new Promise<Reply>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Reply));
    child.once('exit', (code) => reject(new Error(`app bench stack exited with ${code}`)));
  });
  log(
    `app stack with ${orders} generated orders ready in ${Math.round(performance.now() - t0)} ms`,
  );
  const url = ready.url as string;
  const anonKey = ready.anonKey as string;
  const clients: SupabaseClient[] = [];
  const client = (key = anonKey) => {
    const c = createClient(url, key, {
      auth: { persistSession: false, autoRefreshToken: false },
      global: { fetch: httpFetch },
      realtime: { transport: ws as unknown as typeof WebSocket },
    });
    clients.push(c);
    return c;
  };
  try {
    // A real sign-in: the staff JWT the browser would hold.
    const supabase = client();
    const { error: signInError } = await supabase.auth.signInWithPassword(MANAGER);
    if (signInError) throw new Error(`sign-in: ${signInError.message}`);
    const service = client(ready.serviceRoleKey as string);
    const cases: AppCase[] = [];

    // 1–3: reads through supabase-js vs the recorder's replay of the same database work.
    const reads = appReads(supabase);
    const targets = { board: 1.5, ordersPage: 1.5, analytics: 1.3 } as const;
    const names = {
      board: '1 board read (all active cards)',
      ordersPage: '2 orders page (50, sorted, filtered, exact count)',
      analytics: '3 analytics report (16 weeks)',
    } as const;
    for (const key of ['board', 'ordersPage', 'analytics'] as const) {
      const run = reads[key];
      const shape = await run(); // warms plans and caches before capturing
      await ask(child, { type: 'capture-start' });
      await run();
      const { transactions } = (await ask(child, { type: 'capture-stop' })) as unknown as {
        transactions: Recorded[];
      };
      // Sign-in refreshes aside, a request is one unit of database work.
      if (transactions.length !== shape.requests) {
        throw new Error(
          `${key}: expected ${shape.requests} units of database work, saw ${transactions.length}`,
        );
      }
      const warmup = Math.max(2, Math.round(n / 10));
      const measured = await measure(run, n, warmup);
      const { latency: ref } = (await ask(child, {
        type: 'replay-all',
        recorded: transactions,
        n,
        warmup,
      })) as unknown as { latency: Latency };
      cases.push({
        name: names[key],
        reference: 'same SQL replayed in-process',
        measured,
        ref,
        ratioP50: measured.p50 / ref.p50,
        ratioP95: measured.p95 / ref.p95,
        target: targets[key],
        requests: shape.requests,
        rows: shape.rows,
      });
      log(`${names[key]}: ${shape.rows} rows in ${shape.requests} request(s)`);
    }

    // 4: move_order (production ⇄ on hold, as a manager) vs a priority update of that row.
    const { data: order, error: pickError } = await supabase
      .from('orders')
      .select('id, version, stage')
      .eq('stage', 'production')
      .order('id')
      .limit(1)
      .single();
    if (pickError || !order) throw new Error(`no production order: ${pickError?.message}`);
    let version = order.version as number;
    let onHold = false;
    const move = async () => {
      const to = onHold ? 'production' : 'on_hold';
      let result = await supabase.rpc('move_order', {
        p_order_id: order.id,
        p_to_stage: to,
        p_expected_version: version,
        p_note: onHold ? null : 'Bench: waiting on the customer',
      });
      // A full production column (WIP limit) asks a manager for a reason: give one.
      if (result.error?.code === 'LP020') {
        result = await supabase.rpc('move_order', {
          p_order_id: order.id,
          p_to_stage: to,
          p_expected_version: version,
          p_override_reason: 'Bench: resuming',
        });
      }
      if (result.error) throw new Error(`move_order: ${result.error.message}`);
      version = (result.data as { version: number }).version;
      onHold = !onHold;
    };
    let priority = 0;
    const update = async () => {
      const { error } = await supabase
        .from('orders')
        .update({ priority: (priority = (priority + 1) % 3) })
        .eq('id', order.id)
        .select('*')
        .single();
      if (error) throw new Error(`update: ${error.message}`);
    };
    const moveLatency = await measure(move, Math.max(20, n * 2), 6);
    if (onHold) await move();
    const updateLatency = await measure(update, Math.max(20, n * 2), 6);
    cases.push({
      name: '4 move_order',
      reference: 'plain update of the same row (priority) through supabase-js',
      measured: moveLatency,
      ref: updateLatency,
      ratioP50: moveLatency.p50 / updateLatency.p50,
      ratioP95: moveLatency.p95 / updateLatency.p95,
      target: null,
      requests: 1,
      rows: 1,
    });

    // 5: realtime on public.orders as the board subscribes, staff JWTs under RLS.
    const realtime: AppBench['realtime'] = [];
    for (const count of [1, 50]) {
      const writes = count === 1 ? Math.max(20, n * 2) : Math.max(10, n);
      const r = await realtimeCase(url, anonKey, ready.jwtSecret as string, supabase, order.id, {
        subscribers: count,
        writes,
      });
      realtime.push({ subscribers: count, delivered: r.delivered, expected: r.expected });
      cases.push({
        name: `5 realtime write → event, ${count} subscriber${count > 1 ? 's' : ''}`,
        reference: 'the REST write alone',
        measured: r.latency,
        ref: r.rest,
        ratioP50: r.latency.p50 / r.rest.p50,
        ratioP95: r.latency.p95 / r.rest.p95,
        target: null,
        requests: 1,
        rows: r.delivered,
      });
      if (r.delivered !== r.expected) {
        log(`realtime ${count}: ${r.delivered} of ${r.expected} events delivered`);
      }
    }

    const { count: orderCount } = await service
      .from('orders')
      .select('id', { count: 'exact', head: true });
    const { count: eventCount } = await service
      .from('order_events')
      .select('id', { count: 'exact', head: true });
    return { orders: orderCount ?? 0, events: eventCount ?? 0, cases, realtime };
  } finally {
    for (const c of clients) c.realtime.disconnect();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send({ type: 'close' } satisfies StackRequest);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    child.kill();
  }
}

/** Priority updates by the manager; latency = event arrival at a subscriber − write sent. */
async function realtimeCase(
  url: string,
  anonKey: string,
  jwtSecret: string,
  writer: SupabaseClient,
  orderId: string,
  { subscribers, writes }: { subscribers: number; writes: number },
) {
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const token = signJwt(
    { sub: MANAGER.id, role: 'authenticated', aud: 'authenticated', exp },
    jwtSecret,
  );
  const subs: { client: SupabaseClient; got: Map<number, number> }[] = [];
  for (let i = 0; i < subscribers; i++) {
    const client = createClient(url, anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: ws as unknown as typeof WebSocket },
    });
    await client.realtime.setAuth(token);
    const sub = { client, got: new Map<number, number>() };
    await new Promise<void>((resolve, reject) => {
      client
        .channel(`bench-board-${i}`)
        // The board's subscription (src/features/board/api/board-realtime.ts): every change.
        .on('postgres_changes', { event: '*', schema: 'public', table: 'orders' }, (payload) => {
          const row = payload.new as { id?: string; product_name?: string };
          const marker = /^Bench event (\d+)$/.exec(row.product_name ?? '');
          if (row.id === orderId && marker) sub.got.set(Number(marker[1]), performance.now());
        })
        .subscribe((status, error) => {
          if (status === 'SUBSCRIBED') resolve();
          else if (status !== 'CLOSED') reject(error ?? new Error(status));
        });
    });
    subs.push(sub);
  }
  const samples: number[] = [];
  const rest: number[] = [];
  let delivered = 0;
  try {
    for (let i = 0; i < writes; i++) {
      // A fresh name each write so an event names the write that caused it.
      const marker = i;
      const t0 = performance.now();
      const { error } = await writer
        .from('orders')
        .update({ product_name: `Bench event ${marker}` })
        .eq('id', orderId);
      rest.push(performance.now() - t0);
      if (error) throw new Error(`realtime write: ${error.message}`);
      const deadline = Date.now() + 5000;
      while (subs.some((s) => !s.got.has(marker)) && Date.now() < deadline) {
        await new Promise((r) => setImmediate(r));
      }
      for (const s of subs) {
        const at = s.got.get(marker);
        if (at !== undefined) {
          samples.push(at - t0);
          delivered++;
        }
      }
    }
  } finally {
    for (const s of subs) {
      await s.client.removeAllChannels();
      s.client.realtime.disconnect();
    }
  }
  return {
    latency: summarize(samples),
    rest: summarize(rest),
    delivered,
    expected: subscribers * writes,
  };
}
