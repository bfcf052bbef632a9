-- Staff profiles: who each signed-in person is in the house and which of the four roles they
-- hold. The app reads the signed-in person's row through REST; only managers change the roster.

create type public.staff_role as enum ('concierge', 'workshop', 'qc', 'manager');
comment on type public.staff_role is
  'concierge stylist, workshop, QC, manager: the four kinds of staff who use Loupe.';

create table public.staff (
  -- One profile per auth user; deleting the login removes the profile with it.
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text not null
    constraint staff_display_name_not_blank check (char_length(btrim(display_name)) between 1 and 80),
  role public.staff_role not null,
  created_at timestamptz not null default now()
);
comment on table public.staff is 'Staff directory: display name and role of every Loupe user.';

-- The manager check below looks rows up by (id, role); id is the primary key, and the roster
-- is filtered by role ("all QC staff") often enough to deserve its own index.
create index staff_role_idx on public.staff (role);

alter table public.staff enable row level security;

-- The anon role never reads the roster: a visitor who has not signed in sees no staff at all.
revoke all on table public.staff from anon;

-- Helpers that policies call live in a schema the API does not expose (config.toml [api]
-- schemas lists only public and graphql_public), so nobody can call them as an rpc.
create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to authenticated;

-- security definer so the check can read public.staff without recursing into its own RLS.
create function private.is_manager()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.staff s
    where s.id = (select auth.uid())
      and s.role = 'manager'::public.staff_role
  );
$$;
comment on function private.is_manager() is 'Whether the signed-in person is a manager.';
revoke all on function private.is_manager() from public;
-- Policies run as the caller, so the caller's role must be allowed to execute the helper.
grant execute on function private.is_manager() to authenticated;

create policy "staff see the staff directory"
  on public.staff
  for select
  to authenticated
  using (true);

create policy "managers add staff"
  on public.staff
  for insert
  to authenticated
  with check ((select private.is_manager()));

create policy "managers change staff profiles"
  on public.staff
  for update
  to authenticated
  using ((select private.is_manager()))
  with check ((select private.is_manager()));

create policy "managers remove staff"
  on public.staff
  for delete
  to authenticated
  using ((select private.is_manager()));
