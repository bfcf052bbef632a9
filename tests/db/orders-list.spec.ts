// public.order_list, the orders table's view: its computed fields agree with the reference
// functions (stage_elapsed, sla_status, business_days_between) for orders in every clock unit,
// CAD rounds are counted, codes sort by number, house-calendar dates filter, and only staff
// read it. Then its plan: with thousands of orders, a page and its exact count evaluate the
// role helpers once per query (InitPlan) and run no per-row subquery (SubPlan).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, dbTargets, serviceClient } from './support/clients';
import { createCustomer, createOrder } from './support/factories';
import { openPglite } from '../../local-supabase/db/pglite';
import { migrate } from '../../local-supabase/db/migrate';
import { applyScope } from '../../local-supabase/db/scope';
import type { Database } from '../../local-supabase/db/database';

const hour = 3_600_000;

describe.each(dbTargets())('order_list on $engine', (t) => {
  const svc = serviceClient(t);

  it('time in stage and SLA match the reference functions in hours, days and business days', async () => {
    // Ages chosen away from whole-unit thresholds, some spanning Thanksgiving (Nov 26–27).
    const cases = [
      ['cad', 5.3],
      ['cad', 30.4],
      ['cad', 60.2],
      ['production', 24 * 3.5],
      ['production', 24 * 13.4],
      ['production', 24 * 21.6],
      ['qc', 13.1],
      ['qc', 24 * 2.2],
      ['qc', 24 * 4.4],
      ['shipping', 24 * 6.1],
      ['delivered', 24 * 3.3],
    ] as const;
    const ids: string[] = [];
    for (const [stage, hoursAgo] of cases) {
      const order = await createOrder(svc, stage);
      const entered = new Date(Date.now() - hoursAgo * hour).toISOString();
      await svc.from('orders').update({ stage_entered_at: entered }).eq('id', order.id);
      ids.push(order.id);
    }
    const { data: rows, error } = await svc
      .from('order_list')
      .select('id, stage, stage_entered_at, time_in_stage, time_in_stage_unit, sla_status')
      .in('id', ids);
    expect(error).toBeNull();
    expect(rows).toHaveLength(cases.length);
    for (const row of rows!) {
      const [elapsed, status] = await Promise.all([
        svc.rpc('stage_elapsed', { p_stage: row.stage, p_entered_at: row.stage_entered_at }),
        svc.rpc('sla_status', { p_stage: row.stage, p_entered_at: row.stage_entered_at }),
      ]);
      if (row.stage === 'delivered') {
        // No clock: the table still says how long, in days.
        expect(elapsed.data).toBeNull();
        expect(row.sla_status).toBeNull();
        expect(row.time_in_stage_unit).toBe('days');
        expect(Number(row.time_in_stage)).toBeCloseTo(3.3, 1);
        continue;
      }
      expect(Math.abs(Number(row.time_in_stage) - Number(elapsed.data))).toBeLessThanOrEqual(0.01);
      expect(row.sla_status).toBe(status.data);
    }
    const production = rows!.filter((r) => r.stage === 'production');
    expect(production.every((r) => r.time_in_stage_unit === 'business_days')).toBe(true);
    // The same days as business_days_between, holidays and weekends skipped.
    const tz = (await svc.from('workshop_settings').select('timezone').single()).data!.timezone;
    const houseDay = (iso: string) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(new Date(iso));
    for (const r of production) {
      const { data } = await svc.rpc('business_days_between', {
        p_from: houseDay(r.stage_entered_at!),
        p_to: houseDay(new Date().toISOString()),
      });
      expect(Number(r.time_in_stage)).toBe(data);
    }
  });

  it('counts CAD tweak rounds, sorts codes by number and filters on house-calendar dates', async () => {
    const order = await createOrder(svc, 'cad', { ready: false });
    await svc.from('cad_revisions').insert({ order_id: order.id, kind: 'initial' });
    await svc
      .from('cad_revisions')
      .insert({ order_id: order.id, kind: 'tweak', note: 'Thinner band' });
    await svc
      .from('cad_revisions')
      .insert({ order_id: order.id, kind: 'tweak', note: 'Lower setting' });
    const { data } = await svc
      .from('order_list')
      .select('code, code_sort, cad_rounds_used, created_on')
      .eq('id', order.id)
      .single();
    expect(data!.cad_rounds_used).toBe(2);
    const [, year, number] = data!.code!.split('-');
    expect(data!.code_sort).toBe(Number(year) * 1_000_000_000 + Number(number));

    // A code past 9999 sorts after LP-YYYY-9999 (as text it would not).
    const customer = await createCustomer(svc);
    const ten = `LP-2026-1${String(Math.floor(Math.random() * 90000) + 10000)}`;
    const nine = `LP-2026-${String(Math.floor(Math.random() * 9000) + 1000)}`;
    for (const code of [ten, nine]) {
      const r = await svc.from('orders').insert({
        code,
        customer_id: customer,
        product: 'earscape',
        product_name: 'Code sort probe',
        metal: 'platinum',
      });
      expect(r.error).toBeNull();
    }
    const sorted = await svc
      .from('order_list')
      .select('code')
      .in('code', [ten, nine])
      .order('code_sort', { ascending: true });
    expect(sorted.data!.map((r) => r.code)).toEqual([nine, ten]);

    const onDay = await svc
      .from('order_list')
      .select('id')
      .eq('id', order.id)
      .gte('created_on', data!.created_on!)
      .lte('created_on', data!.created_on!);
    expect(onDay.data).toEqual([{ id: order.id }]);
  });

  it('is read by staff only', async () => {
    const order = await createOrder(svc, 'production');
    for (const role of ['concierge', 'workshop', 'qc', 'manager'] as const) {
      const r = await clientFor(t, role).from('order_list').select('code').eq('id', order.id);
      expect(r.data).toEqual([{ code: order.code }]);
    }
    const anon = await clientFor(t, 'anon').from('order_list').select('code').eq('id', order.id);
    expect(anon.data ?? []).toEqual([]);
  });
});

type PlanNode = {
  'Node Type': string;
  'Parent Relationship'?: string;
  'Subplan Name'?: string;
  Plans?: PlanNode[];
  [key: string]: unknown;
};

/** A role helper or the JWT read in a condition (auth.uid() is inlined to current_setting). */
const perRowAuth = /staff_role\(|is_manager\(|auth\.(uid|jwt)\(|current_setting\('request\.jwt/;

/** Nodes outside InitPlans, with the SubPlans (per-row subqueries) found on the way. */
function walk(node: PlanNode, inInit = false, out: { node: PlanNode; inInit: boolean }[] = []) {
  const init = inInit || node['Parent Relationship'] === 'InitPlan';
  out.push({ node, inInit: init });
  for (const child of node.Plans ?? []) walk(child, init, out);
  return out;
}

describe('order_list plan with 3,000 orders (PGlite)', () => {
  let db: Database;
  const manager = '0a5e1000-0000-4000-8000-000000000004';

  beforeAll(async () => {
    db = await openPglite('memory');
    const project = new URL('../../supabase/', import.meta.url).pathname;
    await migrate(db, {
      migrationsDir: `${project}migrations`,
      seedFiles: [`${project}seed.sql`],
    });
    // Set-based: thousands of orders across the stages, a third with CAD tweak rounds.
    await db.exec(`
      insert into public.customers (display_name)
      select 'Plan ' || g from generate_series(1, 3000) g;
      insert into public.orders (customer_id, product, product_name, metal, stage, stage_entered_at,
                                 paid_at, payment_method, created_at, assignee_id)
      select c.id, 'bespoke_ring', 'Plan piece ' || c.n, 'platinum',
             (array['cad', 'production', 'qc', 'shipping', 'delivered'])[1 + c.n % 5]::public.order_stage,
             now() - (c.n % 40) * interval '7 hours', now() - interval '30 days', 'card',
             now() - c.n * interval '1 hour',
             case when c.n % 2 = 0 then '0a5e1000-0000-4000-8000-000000000002'::uuid end
      from (select id, row_number() over (order by display_name) as n from public.customers) c;
      insert into public.cad_revisions (order_id, kind, note)
      select id, 'tweak', 'Plan tweak' from public.orders where stage = 'production' limit 1000;
      analyze;
    `);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  async function planOf(sql: string): Promise<PlanNode> {
    return db.transaction(async (tx) => {
      await applyScope(tx, {
        role: 'authenticated',
        claims: { sub: manager, role: 'authenticated' },
      });
      const { rows } = await tx.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
        `explain (analyze, format json) ${sql}`,
      );
      return rows[0]!['QUERY PLAN'][0].Plan;
    });
  }

  const pageSql = `select * from public.order_list
    where sla_status in ('amber', 'red') and created_on >= current_date - 200
    order by sla_rank desc nulls last, id limit 50 offset 50`;
  const countSql = `select count(*) from public.order_list
    where sla_status in ('amber', 'red') and created_on >= current_date - 200`;

  it.each([
    ['a sorted, filtered page', pageSql],
    ['its exact count', countSql],
  ])('%s runs no per-row subquery and no per-row role check', async (_name, sql) => {
    const nodes = walk(await planOf(sql));
    const subPlans = nodes.filter(({ node }) => node['Parent Relationship'] === 'SubPlan');
    expect(subPlans.map(({ node }) => node['Subplan Name'])).toEqual([]);
    // Role helpers and auth.uid() appear only inside InitPlans (evaluated once per query).
    const perRow = nodes
      .filter(({ inInit }) => !inInit)
      .flatMap(({ node }) =>
        ['Filter', 'Join Filter', 'Index Cond', 'Hash Cond', 'Recheck Cond']
          .map((k) => node[k])
          .filter((v): v is string => typeof v === 'string'),
      )
      .filter((cond) => perRowAuth.test(cond));
    expect(perRow).toEqual([]);
    // The helpers are there, once: RLS is applied, not bypassed.
    const inits = nodes.filter(({ node }) => node['Parent Relationship'] === 'InitPlan');
    expect(inits.length).toBeGreaterThan(0);
  });

  it('the check can fail: a correlated subquery and an unwrapped helper are caught', async () => {
    const nodes = walk(
      await planOf(`select o.id, (select count(*) from public.cad_revisions r where r.order_id = o.id)
                    from public.orders o where o.assignee_id = auth.uid() or o.priority > 5 limit 50`),
    );
    expect(nodes.some(({ node }) => node['Parent Relationship'] === 'SubPlan')).toBe(true);
    expect(
      nodes.some(({ node, inInit }) => !inInit && perRowAuth.test(String(node.Filter ?? ''))),
    ).toBe(true);
  });

  it('a page and its count agree with the data', async () => {
    const rows = await db.transaction(async (tx) => {
      await applyScope(tx, {
        role: 'authenticated',
        claims: { sub: manager, role: 'authenticated' },
      });
      const count = await tx.query<{ n: number }>(
        `select count(*)::int as n from public.order_list`,
      );
      const rounds = await tx.query<{ n: number }>(
        `select count(*)::int as n from public.order_list where cad_rounds_used = 1`,
      );
      return { total: count.rows[0]!.n, withRound: rounds.rows[0]!.n };
    });
    expect(rows.total).toBeGreaterThanOrEqual(3000);
    expect(rows.withRound).toBe(600);
  });
});
