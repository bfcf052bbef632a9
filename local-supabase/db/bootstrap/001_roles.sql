-- The API roles every Supabase database has before a project's migrations run
-- (mirrors supabase/postgres migrations/db/init-scripts/00000000000000-initial-schema.sql).
-- Idempotent: roles are cluster-wide, and a real Postgres given by URL may already have them.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticator') then
    create role authenticator noinherit nologin;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'supabase_admin') then
    create role supabase_admin nologin;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'supabase_auth_admin') then
    create role supabase_auth_admin noinherit nologin;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'supabase_storage_admin') then
    create role supabase_storage_admin noinherit nologin;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'dashboard_user') then
    create role dashboard_user nologin;
  end if;
end
$$;

-- PostgREST logs in as authenticator and switches to the request's role.
grant anon, authenticated, service_role to authenticator;
-- The stack runs migrations as the bootstrap superuser; let it act as each API role too.
grant anon, authenticated, service_role, supabase_admin to current_user;
