// REST benchmark (issue 1/6): three reads through supabase-js over HTTP against the same SQL
// transaction replayed directly on the same driver, and requests/second under concurrency.
import { createClient } from '@supabase/supabase-js';
import { fileURLToPath } from 'node:url';
import { startStack } from '../local-supabase/server';
import { openPglite } from '../local-supabase/db/pglite';
import { openPostgres } from '../local-supabase/db/postgres';
import { signJwt } from '../local-supabase/jwt';
import { recordingDatabase } from './recorder';
import { measure, throughput, type Latency } from './stats';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

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

export async function benchRest(
  engine: 'pglite' | 'postgres',
  databaseUrl?: string,
): Promise<RestCase[]> {
  const inner = engine === 'pglite' ? await openPglite('memory') : await openPostgres(databaseUrl!);
  const recorder = recordingDatabase(inner);
  const stack = await startStack({
    port: 0,
    database: recorder.db,
    projectDir: fixtures,
    migrationsDir: fixtures + 'migrations',
    seedFile: null,
    log: () => undefined,
  });
  try {
    const token = signJwt(
      {
        sub: '00000000-0000-0000-0000-000000000001',
        role: 'authenticated',
        aud: 'authenticated',
        exp: Math.floor(Date.now() / 1000) + 3600,
      },
      stack.jwtSecret,
    );
    const supabase = createClient(stack.url, stack.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      global: { headers: { Authorization: `Bearer ${token}` } },
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
    for (const [name, run] of Object.entries(cases)) {
      const transactions = await recorder.capture(run);
      if (transactions.length !== 1)
        throw new Error(`${name}: expected one transaction, saw ${transactions.length}`);
      const statements = transactions[0]!;
      const http = await measure(run, 400);
      const direct = await measure(() => recorder.replay(statements), 400);
      const rps10 = await throughput(run, 10, 3);
      const rps50 = await throughput(run, 50, 3);
      results.push({ engine, name, http, direct, ratio: http.p50 / direct.p50, rps10, rps50 });
    }
    return results;
  } finally {
    await stack.close();
  }
}
