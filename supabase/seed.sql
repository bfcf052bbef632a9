-- Demo staff for local development: one login per role plus a second concierge, created the
-- way Supabase seeds users (auth.users with a bcrypt password + an email identity), then their
-- staff profiles. The same accounts are listed in scripts/demo-logins.ts (a test keeps the two
-- in step). Demo data only: never run this against a production project.

create temporary table demo_staff (
  id uuid primary key,
  email text not null,
  display_name text not null,
  role public.staff_role not null
);

insert into demo_staff (id, email, display_name, role) values
  ('0a5e1000-0000-4000-8000-000000000001', 'concierge@loupe.test', 'Amara Osei', 'concierge'),
  ('0a5e1000-0000-4000-8000-000000000002', 'workshop@loupe.test', 'Tomás Reyes', 'workshop'),
  ('0a5e1000-0000-4000-8000-000000000003', 'qc@loupe.test', 'Inès Laurent', 'qc'),
  ('0a5e1000-0000-4000-8000-000000000004', 'manager@loupe.test', 'Helena Park', 'manager'),
  ('0a5e1000-0000-4000-8000-000000000005', 'concierge2@loupe.test', 'Jonah Weiss', 'concierge');

-- GoTrue scans the token columns as strings, so they must be '' rather than null.
insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
  confirmation_token, recovery_token, email_change_token_new, email_change
)
select
  '00000000-0000-0000-0000-000000000000',
  d.id,
  'authenticated',
  'authenticated',
  d.email,
  extensions.crypt('loupe-demo-2026', extensions.gen_salt('bf')),
  now(),
  '{"provider":"email","providers":["email"]}'::jsonb,
  jsonb_build_object('display_name', d.display_name),
  now(),
  now(),
  '', '', '', ''
from demo_staff d;

insert into auth.identities (
  id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at
)
select
  d.id,
  d.id::text,
  d.id,
  jsonb_build_object('sub', d.id::text, 'email', d.email, 'email_verified', true),
  'email',
  now(),
  now(),
  now()
from demo_staff d;

insert into public.staff (id, display_name, role)
select d.id, d.display_name, d.role
from demo_staff d;

drop table demo_staff;
