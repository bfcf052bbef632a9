-- private.staff_role(): the signed-in person's staff role, read once per query by every policy
-- and rule function (wrapped as `(select private.staff_role())`), null for anyone not on staff.

-- security definer so the lookup reads public.staff without going through its RLS; it only
-- ever returns the caller's own role.
create function private.staff_role()
returns public.staff_role
language sql
stable
security definer
set search_path = ''
as $$
  select s.role
  from public.staff s
  where s.id = (select auth.uid());
$$;
comment on function private.staff_role() is
  'The signed-in person''s staff role (concierge, workshop, qc, manager), or null when not staff.';
revoke all on function private.staff_role() from public;
-- Policies run as the caller, so authenticated must be able to execute it; anon never can.
grant execute on function private.staff_role() to authenticated;
