-- Customers: a display name everyone on staff sees on orders ("Maya R."), and, in a separate
-- table only concierge and managers can read, the contact details (name, email, phone, address).

create table public.customers (
  id uuid primary key default gen_random_uuid(),
  display_name text not null
    constraint customers_display_name_not_blank check (char_length(btrim(display_name)) between 1 and 60),
  created_at timestamptz not null default now(),
  created_by uuid default auth.uid() references public.staff (id) on delete set null
);
comment on table public.customers is
  'One row per customer; only the short display name. Contact details are in customer_contacts.';
create index customers_created_by_idx on public.customers (created_by);

-- A separate table rather than column privileges: RLS then hides the whole row from workshop
-- and QC in REST, embeds and realtime alike, with nothing for a client to get wrong.
create table public.customer_contacts (
  customer_id uuid primary key references public.customers (id) on delete cascade,
  full_name text not null
    constraint customer_contacts_full_name_not_blank check (char_length(btrim(full_name)) between 1 and 120),
  email text
    constraint customer_contacts_email_format check (email ~* '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  phone text
    constraint customer_contacts_phone_format check (phone ~ '^\+?[0-9 ()./-]{7,20}$'),
  address_line1 text,
  address_line2 text,
  city text,
  region text,
  postal_code text,
  country char(2) not null default 'US',
  updated_at timestamptz not null default now()
);
comment on table public.customer_contacts is
  'Contact details of a customer; readable by concierge stylists and managers only.';

alter table public.customers enable row level security;
alter table public.customer_contacts enable row level security;
revoke all on table public.customers, public.customer_contacts from anon;

create policy "staff see customer display names"
  on public.customers for select to authenticated
  using ((select private.staff_role()) is not null);

create policy "concierge and managers add customers"
  on public.customers for insert to authenticated
  with check ((select private.staff_role()) in ('concierge', 'manager'));

create policy "concierge and managers rename customers"
  on public.customers for update to authenticated
  using ((select private.staff_role()) in ('concierge', 'manager'))
  with check ((select private.staff_role()) in ('concierge', 'manager'));

create policy "managers remove customers"
  on public.customers for delete to authenticated
  using ((select private.staff_role()) = 'manager');

create policy "concierge and managers see contact details"
  on public.customer_contacts for select to authenticated
  using ((select private.staff_role()) in ('concierge', 'manager'));

create policy "concierge and managers record contact details"
  on public.customer_contacts for insert to authenticated
  with check ((select private.staff_role()) in ('concierge', 'manager'));

create policy "concierge and managers change contact details"
  on public.customer_contacts for update to authenticated
  using ((select private.staff_role()) in ('concierge', 'manager'))
  with check ((select private.staff_role()) in ('concierge', 'manager'));

create policy "managers erase contact details"
  on public.customer_contacts for delete to authenticated
  using ((select private.staff_role()) = 'manager');
