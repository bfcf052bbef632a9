// Issue 8/8: a wrong token must get the same answer AND the same timing whether or not an order
// is behind it. Measures public.review_page as the customer's page calls it (anon, POST, over
// HTTP) for a made-up token against a revoked real one, interleaved A B A B… in one run so load
// and drift on this shared machine hit both equally; the figure is the ratio of the medians
// (goal 0.8–1.25). The stack runs in a child process (bench/stack-process.ts) on the app's own
// project with seed:scale's generated orders, so the links table is not trivially small.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';
import { httpFetch } from './http-fetch';
import { summarize, type Latency } from './stats';

export type ReviewLinkBench = {
  orders: number;
  links: number;
  samples: number;
  unknown: Latency;
  revoked: Latency;
  /** unknown p50 / revoked p50; the goal is 0.8–1.25. */
  ratioP50: number;
  meets: boolean;
};

const CONCIERGE = { email: 'concierge@loupe.test', password: 'loupe-demo-2026' };

/** A token shaped like a real one (32 random bytes, base64url, 43 characters). */
const madeUpToken = () => randomBytes(32).toString('base64url');

export async function benchReviewLink(
  options: { orders?: number; n?: number; links?: number } = {},
): Promise<ReviewLinkBench> {
  // Sizes for a quick check: BENCH_REVIEW_ORDERS=300 BENCH_REVIEW_N=100 BENCH_ONLY=review.
  const orders = options.orders ?? Number(process.env.BENCH_REVIEW_ORDERS ?? 2_000);
  const n = options.n ?? Number(process.env.BENCH_REVIEW_N ?? 300);
  const linkCount = options.links ?? 200;
  const child = fork(
    fileURLToPath(new URL('./stack-process.ts', import.meta.url)),
    ['pglite', '', 'app', String(orders)],
    { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const ready = await new Promise<Record<string, unknown>>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Record<string, unknown>));
    child.once('exit', (code) => reject(new Error(`review-link bench stack exited with ${code}`)));
  });
  const url = ready.url as string;
  const client = (key: string): SupabaseClient =>
    createClient(url, key, {
      auth: { persistSession: false, autoRefreshToken: false },
      global: { fetch: httpFetch },
      // Node 20 has no WebSocket; supabase-js builds its realtime client even when unused.
      realtime: { transport: ws as unknown as typeof WebSocket },
    });
  try {
    const service = client(ready.serviceRoleKey as string);
    // Every made-up and revoked token counts as a failed try; the bench makes ~2n of them from
    // one address, so the limit is lifted for this in-memory stack (it is thrown away after).
    const lifted = await service
      .from('workshop_settings')
      .update({ review_link_max_failures: 100_000 })
      .eq('id', true);
    if (lifted.error) throw new Error(`settings: ${lifted.error.message}`);

    const stylist = client(ready.anonKey as string);
    const signedIn = await stylist.auth.signInWithPassword(CONCIERGE);
    if (signedIn.error) throw new Error(`sign-in: ${signedIn.error.message}`);
    const open = await service
      .from('orders')
      .select('id')
      .not('stage', 'in', '(cancelled,delivered)')
      .limit(linkCount);
    if (open.error) throw new Error(`orders: ${open.error.message}`);

    // Real links on many orders, every one then revoked (its hash is gone, as a made-up one's
    // never existed): the revoked tokens are the "real order behind it" side.
    const revoked: string[] = [];
    for (const { id } of open.data) {
      const made = await stylist.rpc('create_review_link', { p_order_id: id, p_kind: 'status' });
      if (made.error) throw new Error(`create_review_link: ${made.error.message}`);
      const link = made.data as { id: string; token: string };
      const gone = await stylist.rpc('revoke_review_link', { p_id: link.id });
      if (gone.error) throw new Error(`revoke_review_link: ${gone.error.message}`);
      revoked.push(link.token);
    }

    const customer = client(ready.anonKey as string);
    const ask = async (token: string) => {
      const t0 = performance.now();
      const { data, error } = await customer.rpc('review_page', { p_token: token });
      const ms = performance.now() - t0;
      if (error) throw new Error(`review_page: ${error.code} ${error.message}`);
      if ((data as { status?: string }).status !== 'invalid') {
        throw new Error('a made-up or revoked token was answered with a page');
      }
      return ms;
    };

    // The made-up side is a pool of the same size, used in the same order: both sides ask with
    // tokens of the same shape at the same rate, only whether a link ever existed differs.
    const madeUp = revoked.map(() => madeUpToken());
    const unknown: number[] = [];
    const known: number[] = [];
    const warmup = 30;
    for (let i = 0; i < warmup + n; i++) {
      const k = i % revoked.length;
      // A B, then B A: neither side always runs right after the other.
      let a: number;
      let b: number;
      if (i % 2 === 0) {
        a = await ask(madeUp[k]!);
        b = await ask(revoked[k]!);
      } else {
        b = await ask(revoked[k]!);
        a = await ask(madeUp[k]!);
      }
      if (i < warmup) continue;
      unknown.push(a);
      known.push(b);
    }
    const a = summarize(unknown);
    const b = summarize(known);
    const ratioP50 = a.p50 / b.p50;
    return {
      orders,
      links: revoked.length,
      samples: n,
      unknown: a,
      revoked: b,
      ratioP50,
      meets: ratioP50 >= 0.8 && ratioP50 <= 1.25,
    };
  } finally {
    child.send({ type: 'close' });
    await new Promise((r) => child.once('exit', r));
  }
}

export function printReviewLink(result: ReviewLinkBench): void {
  const fmt = (x: number) => x.toFixed(2);
  console.log(
    `${result.orders} orders, ${result.links} revoked links, ${result.samples} interleaved pairs`,
  );
  console.table({
    'made-up token': { p50: fmt(result.unknown.p50), p95: fmt(result.unknown.p95) },
    'revoked real token': { p50: fmt(result.revoked.p50), p95: fmt(result.revoked.p95) },
  });
  console.log(
    `ratio p50 (made-up / revoked): ${fmt(result.ratioP50)} — goal 0.8–1.25: ${result.meets ? 'yes' : 'NO'}`,
  );
}
