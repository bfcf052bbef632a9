// REST benchmark (issue 1/6): three reads through supabase-js over HTTP against the same SQL
// transaction replayed directly on the same driver, and requests/second under concurrency.
// The stack runs in a child process; this process is only the client.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createClient } from '@supabase/supabase-js';
import ws from 'ws';
import { signJwt } from '../local-supabase/jwt';
import type { Recorded } from './recorder';
import type { StackRequest } from './stack-process';
import { httpFetch } from './http-fetch';
import { measure, throughput, type Latency } from './stats';

export type RestCase = {
  engine: string;
  name: string;
  http: Latency;
  direct: Latency;
  /** http p50 / direct p50: the stack's overhead over the SQL it runs. */
  ratio: number;
  rps10: number;
  rps50: number;
};

type Reply = Record<string, unknown> & { type: string };

function ask(child: ChildProcess, request: StackRequest): Promise<Reply> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as Reply));
    child.send(request);
  });
}

export async function benchRest(
  engine: 'pglite' | 'postgres',
  databaseUrl?: string,
): Promise<RestCase[]> {
  const child = fork(
    fileURLToPath(new URL('./stack-process.ts', import.meta.url)),
    [engine, databaseUrl ?? ''],
    {
      // BENCH_STACK_PROFILE=<dir> writes a V8 CPU profile of the stack process (where a
      // request's server-side time goes), e.g. for `npx speedscope` or Chrome DevTools.
      execArgv: [
        '--import',
        'tsx',
        ...(process.env.BENCH_STACK_PROFILE
          ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_STACK_PROFILE}`]
          : []),
      ],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const ready = await new Promise<Reply>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Reply));
    child.once('exit', (code) => reject(new Error(`bench stack exited with ${code}`)));
  });
  try {
    const token = signJwt(
      {
        sub: '00000000-0000-0000-0000-000000000001',
        role: 'authenticated',
        aud: 'authenticated',
        exp: Math.floor(Date.now() / 1000) + 3600,
      },
      ready.jwtSecret as string,
    );
    const supabase = createClient(ready.url as string, ready.anonKey as string, {
      auth: { persistSession: false, autoRefreshToken: false },
      global: { headers: { Authorization: `Bearer ${token}` }, fetch: httpFetch },
      // Node 20 has no global WebSocket; realtime-js needs one even when unused.
      realtime: { transport: ws as unknown as typeof WebSocket },
    });
    let id = 0;
    const nextId = () => (id = (id % 5000) + 1);
    const cases: Record<string, () => Promise<unknown>> = {
      'select by id': async () => {
        const { error } = await supabase.from('bench_parent').select('*').eq('id', nextId());
        if (error) throw new Error(error.message);
      },
      'filtered page of 50': async () => {
        const { error } = await supabase
          .from('bench_parent')
          .select('id,name,category,created_at')
          .eq('category', `c${nextId() % 20}`)
          .order('created_at', { ascending: false })
          .range(0, 49);
        if (error) throw new Error(error.message);
      },
      '200 parents + children': async () => {
        const { data, error } = await supabase
          .from('bench_parent')
          .select('id,name,bench_child(id,label,amount)')
          .order('id')
          .limit(200);
        if (error) throw new Error(error.message);
        if ((data as unknown[]).length !== 200) throw new Error('expected 200 parents');
      },
    };
    const results: RestCase[] = [];
    // Reference for the HTTP part alone: the same client fetching a constant from a bare Node
    // server in the stack's process. No stack can be faster than this over HTTP.
    const floorRequest = async () => {
      const response = await httpFetch(`${ready.floorUrl as string}/rest/v1/x?id=eq.1`, {
        headers: { apikey: ready.anonKey as string, Authorization: `Bearer ${token}` },
      });
      await response.json();
    };
    const floor = await measure(floorRequest, 400);
    results.push({
      engine,
      name: 'HTTP floor (no database)',
      http: floor,
      direct: { p50: NaN, p95: NaN, n: 0 },
      ratio: NaN,
      rps10: await throughput(floorRequest, 10, 2),
      rps50: await throughput(floorRequest, 50, 2),
    });
    for (const [name, run] of Object.entries(cases)) {
      await run(); // warm the plan cache before capturing
      await ask(child, { type: 'capture-start' });
      await run();
      const { transactions } = (await ask(child, { type: 'capture-stop' })) as unknown as {
        transactions: Recorded[];
      };
      if (transactions.length !== 1) {
        throw new Error(`${name}: expected one transaction, saw ${transactions.length}`);
      }
      const http = await measure(run, 400);
      const { latency: direct } = (await ask(child, {
        type: 'replay',
        recorded: transactions[0]!,
        n: 400,
      })) as unknown as { latency: Latency };
      const rps10 = await throughput(run, 10, 3);
      const rps50 = await throughput(run, 50, 3);
      results.push({ engine, name, http, direct, ratio: http.p50 / direct.p50, rps10, rps50 });
    }
    return results;
  } finally {
    // The stack closes its database cleanly, then exits.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send({ type: 'close' } satisfies StackRequest);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    child.kill();
  }
}
