// The database lints as data: each names a rule and the catalog query that lists what breaks
// it (empty when the schema is clean). lint.spec.ts runs them on the project's schema, and on
// a deliberately broken schema to prove each one can fail.
import type { Database } from '../../../local-supabase/db/database';

export type Lint = { rule: string; offenders: (db: Database) => Promise<string[]> };

/** The schemas the project's migrations own (auth/storage belong to Supabase). */
const ownSchemas = ['public', 'private'];

const list =
  (sql: string, params: unknown[] = []) =>
  async (db: Database) =>
    (await db.query<{ offender: string }>(sql, params)).rows.map((r) => r.offender);

export const lints: Lint[] = [
  {
    rule: 'row level security is enabled on every public table',
    offenders: list(
      `select c.relname as offender from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity`,
    ),
  },
  {
    rule: 'every table with row level security has a policy',
    offenders: list(
      `select c.relname as offender from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relrowsecurity
         and not exists (select 1 from pg_policy p where p.polrelid = c.oid)`,
    ),
  },
  {
    rule: 'no view runs with its owner’s rights (security definer view)',
    offenders: list(
      `select c.relname as offender from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('v', 'm')
         and not coalesce(c.reloptions @> array['security_invoker=true']
                          or c.reloptions @> array['security_invoker=on'], false)`,
    ),
  },
  {
    rule: 'every function has a fixed search_path',
    offenders: list(
      `select p.oid::regprocedure::text as offender
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = any ($1)
         and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')
         and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')`,
      [ownSchemas],
    ),
  },
  {
    rule: 'security definer functions live in private and anon cannot execute them',
    offenders: list(
      `select p.oid::regprocedure::text as offender
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where p.prosecdef and n.nspname = any ($1)
         and (n.nspname = 'public' or has_function_privilege('anon', p.oid, 'execute'))`,
      [ownSchemas],
    ),
  },
  {
    rule: 'each policy is for one operation and names its roles (no FOR ALL, no PUBLIC)',
    offenders: list(
      `select tablename || ': ' || policyname as offender from pg_policies
       where schemaname in ('public', 'storage') and (cmd = 'ALL' or roles @> array['public']::name[])`,
    ),
  },
  {
    rule: 'policies call auth.*() and private helpers as (select …), once per query',
    offenders: async (db) => {
      const policies = await db.query<{ policy: string; expr: string }>(
        `select tablename || ': ' || policyname as policy,
                coalesce(qual, '') || ' ' || coalesce(with_check, '') as expr
         from pg_policies where schemaname in ('public', 'storage')`,
      );
      return policies.rows
        .filter(({ expr }) => {
          // Remove every wrapped call; any helper call left over is evaluated per row.
          const unwrapped = expr.replace(
            /\(\s*SELECT\s+(auth|private)\.\w+\(\)(\s+AS\s+\w+)?\s*\)/gi,
            '',
          );
          return /\b(auth\.(uid|jwt|role|email)|private\.\w+)\s*\(/i.test(unwrapped);
        })
        .map((p) => p.policy);
    },
  },
  {
    rule: 'no policy reads user_metadata (users can edit it themselves)',
    offenders: list(
      `select tablename || ': ' || policyname as offender from pg_policies
       where coalesce(qual, '') || coalesce(with_check, '') ilike '%user_metadata%'`,
    ),
  },
  {
    rule: 'no insert, update or delete policy is always true',
    offenders: list(
      `select tablename || ': ' || policyname as offender from pg_policies
       where schemaname in ('public', 'storage') and cmd in ('INSERT', 'UPDATE', 'DELETE', 'ALL')
         and (btrim(coalesce(qual, ''), ' ()') = 'true' or btrim(coalesce(with_check, ''), ' ()') = 'true')`,
    ),
  },
  {
    rule: 'at most one permissive policy per table, role and operation',
    offenders: list(
      // A PUBLIC policy applies to every API role, and FOR ALL to every operation.
      `with expanded as (
         select p.tablename, r.role, c.cmd
         from pg_policies p
         cross join lateral unnest(case when p.roles @> array['public']::name[]
                                        then array['anon', 'authenticated']::name[] else p.roles end) r(role)
         cross join lateral unnest(case when p.cmd = 'ALL'
                                        then array['SELECT', 'INSERT', 'UPDATE', 'DELETE'] else array[p.cmd] end) c(cmd)
         where p.schemaname in ('public', 'storage') and p.permissive = 'PERMISSIVE'
       )
       select tablename || ' ' || role || ' ' || cmd as offender
       from expanded group by tablename, role, cmd having count(*) > 1`,
    ),
  },
  {
    rule: 'every foreign key is covered by an index on its leading columns',
    offenders: list(
      `select c.conrelid::regclass::text || '.' || c.conname as offender
       from pg_constraint c join pg_namespace n on n.oid = c.connamespace
       where c.contype = 'f' and n.nspname = 'public'
         and not exists (
           select 1 from pg_index i
           where i.indrelid = c.conrelid
             and (select array_agg(k order by o) from unnest(i.indkey::int2[]) with ordinality u(k, o)
                  where o <= cardinality(c.conkey))::int2[] @> c.conkey
             and i.indnkeyatts >= cardinality(c.conkey)
             and (select array_agg(k order by o) from unnest(i.indkey::int2[]) with ordinality u(k, o)
                  where o <= cardinality(c.conkey))::int2[] <@ c.conkey
         )`,
    ),
  },
  {
    rule: 'no bucket is public (files are served through signed URLs)',
    offenders: list(
      `select b.id as offender from storage.buckets b where coalesce(b.public, false)`,
    ),
  },
  {
    rule: 'no public bucket lets clients list its files (a select policy on storage.objects)',
    offenders: list(
      `select b.id || ': ' || p.policyname as offender
       from storage.buckets b
       join pg_policies p on p.schemaname = 'storage' and p.tablename = 'objects' and p.cmd in ('SELECT', 'ALL')
       where coalesce(b.public, false)
         and (p.qual is null or p.qual like '%' || b.id || '%' or p.qual !~ 'bucket_id')`,
    ),
  },
];

/** A migration that breaks every lint once: the control that proves the checks can fail. */
export const brokenSchema = `
  create table public.lint_no_rls (id int primary key);
  create table public.lint_no_policy (id int primary key);
  alter table public.lint_no_policy enable row level security;
  create view public.lint_definer_view as select id from public.lint_no_rls;
  create function public.lint_loose_path() returns int language sql as 'select 1';
  create function public.lint_exposed_definer() returns int language sql security definer
    set search_path = '' as 'select 1';
  create table public.lint_policies (id int primary key, owner uuid, parent int references public.lint_no_rls (id));
  alter table public.lint_policies enable row level security;
  create policy "anyone does anything" on public.lint_policies for all to public using (true);
  create policy "per row uid" on public.lint_policies for select to authenticated using (owner = auth.uid());
  create policy "metadata" on public.lint_policies for update to authenticated
    using ((select auth.jwt()) -> 'user_metadata' ->> 'role' = 'manager');
  create policy "wide open insert" on public.lint_policies for insert to authenticated with check (true);
  insert into storage.buckets (id, name, public) values ('lint_public', 'lint_public', true);
  create policy "lint_listing" on storage.objects for select to anon using (bucket_id = 'lint_public');
`;
