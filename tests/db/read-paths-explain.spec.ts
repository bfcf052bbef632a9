// The app's three big read paths under EXPLAIN ANALYZE with a generated year of orders (the
// bench's seed:scale data, smaller): the board read (public.order_board as fetchBoardCards asks
// for it), an orders-table page with its exact count (public.order_list), and the analytics
// report's one statement (public.analytics_report's body, its variables bound). As a manager,
// RLS on: the role helpers and auth.uid() are evaluated once per query (InitPlans), never per
// row, and no plan runs a per-row subquery (SubPlan). Issue 6/6's EXPLAIN check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../local-supabase/db/pglite';
import { expandSeedPaths, migrate } from '../../local-supabase/db/migrate';
import { applyScope } from '../../local-supabase/db/scope';
import { loadConfig } from '../../local-supabase/config';
import type { Database } from '../../local-supabase/db/database';
import { seedScale } from '../../scripts/seed-scale';

type PlanNode = {
  'Node Type': string;
  'Parent Relationship'?: string;
  'Subplan Name'?: string;
  Plans?: PlanNode[];
  [key: string]: unknown;
};

/** A role helper or the JWT read in a condition (auth.uid() is inlined to current_setting). */
const perRowAuth = /staff_role\(|is_manager\(|auth\.(uid|jwt)\(|current_setting\('request\.jwt/;
const conditionKeys = ['Filter', 'Join Filter', 'Index Cond', 'Hash Cond', 'Recheck Cond'];

function walk(node: PlanNode, inInit = false, out: { node: PlanNode; inInit: boolean }[] = []) {
  const init = inInit || node['Parent Relationship'] === 'InitPlan';
  out.push({ node, inInit: init });
  for (const child of node.Plans ?? []) walk(child, init, out);
  return out;
}

/** What the check reports: per-row subqueries, per-row role checks, and the InitPlans. */
function audit(plan: PlanNode) {
  const nodes = walk(plan);
  return {
    subPlans: nodes
      .filter(({ node }) => node['Parent Relationship'] === 'SubPlan')
      .map(({ node }) => node['Subplan Name']),
    perRowAuth: nodes
      .filter(({ inInit }) => !inInit)
      .flatMap(({ node }) =>
        conditionKeys.map((k) => node[k]).filter((v): v is string => typeof v === 'string'),
      )
      .filter((cond) => perRowAuth.test(cond)),
    initPlans: nodes.filter(({ node }) => node['Parent Relationship'] === 'InitPlan').length,
  };
}

/** Replaces whole-word identifiers outside string literals and comments. */
function bind(sql: string, values: Record<string, string>): string {
  const noComments = sql.replace(/--[^\n]*/g, '');
  return noComments
    .split(/('(?:[^']|'')*')/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(?<![.\w])([a-z_]+)(?![\w(])/g, (word: string) => values[word] ?? word),
    )
    .join('');
}

describe('read paths with a generated year of orders (PGlite)', () => {
  let db: Database;
  const manager = '0a5e1000-0000-4000-8000-000000000004';
  const project = new URL('../../supabase/', import.meta.url).pathname;

  beforeAll(async () => {
    db = await openPglite('memory');
    const config = loadConfig(`${project}config.toml`);
    await migrate(db, {
      migrationsDir: `${project}migrations`,
      seedFiles: await expandSeedPaths(project, config.db.seedPaths),
    });
    // A fixed random seed (PGlite is one session): the generator draws with random(), and the
    // plans below should not depend on the draw.
    await db.query('select setseed(0.42)');
    await seedScale(db, { orders: 1500, weeks: 52, projectDir: project });
  }, 300_000);
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

  // fetchBoardCards' first page, as PostgREST runs it (the columns a card shows).
  const boardSql = `select id, code, stage, cad_state, version, priority, product, product_name,
      metal, has_certified_stones, customer_display_name, stage_entered_at, time_in_stage,
      sla_unit, sla_amber_after, sla_red_after, sla_status, promised_date, is_late,
      cad_rounds_used, cad_rounds_max, qc_attempt, qc_items_passed, qc_items_total, risk_flags,
      assignee_id, assignee_name, on_hold_reason, resume_stage, updated_at, rework_count
    from public.order_board
    where stage in ('intake', 'awaiting_payment', 'cad', 'production', 'qc', 'shipping', 'on_hold')
       or (stage = 'delivered' and stage_entered_at >= now() - interval '14 days')
    order by id limit 1000`;
  // The bench's orders page: filtered by stage, newest first, page 2, and its exact count.
  const pageSql = `select * from public.order_list
    where stage in ('cad', 'production', 'qc', 'shipping', 'delivered')
    order by created_at desc nulls last, id limit 50 offset 50`;
  const countSql = `select count(*) from public.order_list
    where stage in ('cad', 'production', 'qc', 'shipping', 'delivered')`;

  /** analytics_report's one big statement, its plpgsql variables bound as the function does. */
  async function analyticsSql(): Promise<string> {
    const { rows } = await db.query<{ src: string }>(
      `select prosrc as src from pg_proc where proname = 'analytics_report'
         and pronamespace = 'public'::regnamespace`,
    );
    const src = rows[0]!.src;
    const start = src.search(/\n\s*with\n/);
    const end = src.indexOf(') into report;', start);
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const statement = src.slice(start, end + 1);
    const { rows: vars } = await db.query<{ tz: string }>(
      `select timezone as tz from public.workshop_settings`,
    );
    const tz = `'${vars[0]!.tz}'`;
    const from = `(current_date - 112)`;
    const to = `current_date`;
    return bind(statement, {
      p_from: from,
      p_to: to,
      p_product: 'null::public.product_base',
      tz,
      lo: `(${from}::timestamp at time zone ${tz})`,
      hi: `((${to} + 1)::timestamp at time zone ${tz})`,
      today: `((now() at time zone ${tz})::date)`,
    });
  }

  it('the data is a workshop year: thousands of orders, tens of thousands of events', async () => {
    const { rows } = await db.query<{ orders: number; events: number; board: number }>(
      `select (select count(*)::int from public.orders) as orders,
              (select count(*)::int from public.order_events) as events,
              (select count(*)::int from public.orders
                where stage not in ('delivered', 'cancelled')) as board`,
    );
    expect(rows[0]!.orders).toBeGreaterThan(1500);
    expect(rows[0]!.events).toBeGreaterThan(10_000);
    expect(rows[0]!.board).toBeGreaterThan(100);
  });

  it.each([
    ['the board read', boardSql],
    ['an orders page', pageSql],
    ['its exact count', countSql],
  ])('%s checks the role once per query, never per row', async (_name, sql) => {
    const found = audit(await planOf(sql));
    expect(found.perRowAuth).toEqual([]);
    // The helpers are there, once: RLS is applied, not bypassed.
    expect(found.initPlans).toBeGreaterThan(0);
  });

  it.each([
    ['the board read', boardSql],
    ['an orders page', pageSql],
    ['its exact count', countSql],
  ])('%s runs no per-row subquery', async (_name, sql) => {
    expect(audit(await planOf(sql)).subPlans).toEqual([]);
  });

  it('the analytics report statement runs no per-row subquery and no per-row role check', async () => {
    const sql = await analyticsSql();
    // The bound statement is the function's: same document keys as a real call.
    const direct = await db.transaction(async (tx) => {
      await applyScope(tx, {
        role: 'authenticated',
        claims: { sub: manager, role: 'authenticated' },
      });
      const viaFunction = await tx.query<{ r: Record<string, unknown> }>(
        `select public.analytics_report(current_date - 112, current_date) as r`,
      );
      const viaStatement = await tx.query<{ r: Record<string, unknown> }>(`select (${sql}) as r`);
      return { fn: viaFunction.rows[0]!.r, st: viaStatement.rows[0]!.r };
    });
    expect(Object.keys(direct.st).sort()).toEqual(Object.keys(direct.fn).sort());
    const found = audit(await planOf(sql));
    expect(found.subPlans).toEqual([]);
    expect(found.perRowAuth).toEqual([]);
    expect(found.initPlans).toBeGreaterThan(0);
  });

  it('the check can fail: a correlated subquery and an unwrapped helper are caught', async () => {
    const found = audit(
      await planOf(`select o.id, (select count(*) from public.cad_revisions r where r.order_id = o.id)
                    from public.orders o where o.assignee_id = auth.uid() or o.priority > 5 limit 50`),
    );
    expect(found.subPlans.length).toBeGreaterThan(0);
    expect(found.perRowAuth.length).toBeGreaterThan(0);
  });
});
