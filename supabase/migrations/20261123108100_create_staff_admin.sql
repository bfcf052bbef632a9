-- Staff administration for managers in Settings: create a login with its staff profile, and
-- never leave the house without a manager. Creating a login needs the auth admin API, which
-- must not run in the browser with the service_role key; a security definer function owned by
-- the migration role does the same writes GoTrue's admin createUser does (auth.users with a
-- bcrypt hash from pgcrypto, an email identity), exactly as supabase/seed.sql creates the demo
-- staff, so it works unchanged on a hosted Supabase project. The production alternative (an
-- Edge Function calling auth.admin.createUser) is described in README.md.
--
-- Refusal codes: LP100 only managers, LP101 email already has a login, LP102 bad email,
-- LP103 password too short, LP104 bad display name, LP105 the last manager cannot be demoted
-- or removed.

create function private.create_staff(
  p_email text,
  p_password text,
  p_display_name text,
  p_role public.staff_role
)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_id uuid := gen_random_uuid();
  v_email text := lower(btrim(coalesce(p_email, '')));
  v_name text := btrim(coalesce(p_display_name, ''));
begin
  if not (select private.is_manager()) then
    raise exception using errcode = 'LP100', message = 'Only managers can create staff logins.';
  end if;
  if v_email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    raise exception using errcode = 'LP102', message = 'Enter a valid email address for the new login.';
  end if;
  if char_length(coalesce(p_password, '')) < 8 then
    raise exception using errcode = 'LP103', message = 'The password must be at least 8 characters long.';
  end if;
  if char_length(v_name) not between 1 and 80 then
    raise exception using errcode = 'LP104', message = 'Enter a display name of 1 to 80 characters.';
  end if;
  if p_role is null then
    raise exception using errcode = 'LP104', message = 'Choose a role for the new login.';
  end if;
  -- One account per email, as GoTrue (case-insensitive); serialised so two managers creating
  -- the same login at once cannot both pass the check.
  perform pg_advisory_xact_lock(hashtext('loupe.create_staff:' || v_email));
  if exists (select 1 from auth.users u where lower(u.email) = v_email) then
    raise exception using errcode = 'LP101',
      message = format('%s already has a login.', v_email);
  end if;

  -- GoTrue scans the token columns as strings, so they must be '' rather than null.
  insert into auth.users (
    instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
    raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
    confirmation_token, recovery_token, email_change_token_new, email_change
  ) values (
    '00000000-0000-0000-0000-000000000000', v_id, 'authenticated', 'authenticated', v_email,
    extensions.crypt(p_password, extensions.gen_salt('bf')), now(),
    '{"provider":"email","providers":["email"]}'::jsonb,
    jsonb_build_object('display_name', v_name), now(), now(), '', '', '', ''
  );
  insert into auth.identities (
    id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at
  ) values (
    v_id, v_id::text, v_id,
    jsonb_build_object('sub', v_id::text, 'email', v_email, 'email_verified', true),
    'email', null, now(), now()
  );
  insert into public.staff (id, display_name, role) values (v_id, v_name, p_role);
  return v_id;
end;
$$;
comment on function private.create_staff(text, text, text, public.staff_role) is
  'Creates a staff login (auth user + email identity) and its profile; managers only.';
revoke all on function private.create_staff(text, text, text, public.staff_role) from public;
-- The public wrapper runs as the caller, so the caller must be able to execute this; the
-- manager check inside refuses everyone else.
grant execute on function private.create_staff(text, text, text, public.staff_role) to authenticated;

create function public.create_staff(
  p_email text,
  p_password text,
  p_display_name text,
  p_role public.staff_role
)
returns uuid
language sql
volatile
security invoker
set search_path = ''
as $$
  select private.create_staff(p_email, p_password, p_display_name, p_role);
$$;
comment on function public.create_staff(text, text, text, public.staff_role) is
  'Managers create a staff login with an email, a first password, a display name and a role; returns the new id.';
revoke all on function public.create_staff(text, text, text, public.staff_role) from public, anon;
grant execute on function public.create_staff(text, text, text, public.staff_role) to authenticated;

-- The house always keeps a manager: otherwise nobody could change targets or staff again.
-- Staff rows changed by service_role (no staff role in the request) pass: repairs stay possible.
create function private.keep_a_manager()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  if old.role = 'manager'
     and (tg_op = 'DELETE' or new.role is distinct from 'manager')
     and (select private.staff_role()) is not null
     and not exists (
       select 1 from public.staff s where s.role = 'manager' and s.id <> old.id
     ) then
    raise exception using errcode = 'LP105',
      message = 'The house needs at least one manager: make someone else a manager first.';
  end if;
  return coalesce(new, old);
end;
$$;
revoke all on function private.keep_a_manager() from public;

create trigger staff_keep_a_manager
  before update of role or delete on public.staff
  for each row execute function private.keep_a_manager();
