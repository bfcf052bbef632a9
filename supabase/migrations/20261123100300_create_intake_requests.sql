-- Intake requests: what a customer asked for, how risky it is, who handles it, and when it was
-- confirmed (the house promises confirmation within 2 hours of the request).

create table public.intake_requests (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references public.customers (id) on delete restrict,
  received_at timestamptz not null default now(),
  source public.intake_source not null,
  base public.product_base not null,
  metal public.metal not null,
  stone_preferences text,
  -- US ring sizes in quarter steps; sizes outside 3–13 are flagged, not refused.
  ring_size numeric(4, 2)
    constraint intake_requests_ring_size_quarter check (ring_size > 0 and ring_size <= 16 and ring_size * 4 = trunc(ring_size * 4)),
  budget_amount numeric(12, 2) constraint intake_requests_budget_positive check (budget_amount > 0),
  budget_currency char(3) not null default 'USD'
    constraint intake_requests_budget_currency_code check (budget_currency ~ '^[A-Z]{3}$'),
  is_gift boolean not null default false,
  needed_by date,
  notes text constraint intake_requests_notes_length check (char_length(notes) <= 4000),
  path public.intake_path,
  risk_flags public.intake_risk[] not null default '{}',
  assigned_stylist_id uuid references public.staff (id) on delete set null,
  status public.intake_status not null default 'new',
  confirmed_at timestamptz,
  created_at timestamptz not null default now(),
  constraint intake_requests_confirmed_has_time
    check (status not in ('confirmed', 'converted') or confirmed_at is not null)
);
comment on table public.intake_requests is
  'Requests from the customizer or the concierge form, triaged by a concierge stylist.';
comment on column public.intake_requests.confirmed_at is
  'When the stylist confirmed the details; the promise is within 2 hours of received_at.';

create index intake_requests_customer_id_idx on public.intake_requests (customer_id);
create index intake_requests_assigned_stylist_id_idx on public.intake_requests (assigned_stylist_id);
create index intake_requests_status_received_at_idx on public.intake_requests (status, received_at);

-- The flags a rule can see for itself are added automatically (never removed: a stylist may
-- have added them for a reason the data does not show). Trigger functions live in private:
-- they are not API calls.
create function private.flag_intake_risks()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  if new.ring_size is not null and (new.ring_size < 3 or new.ring_size > 13)
     and not ('unusual_sizing' = any (new.risk_flags)) then
    new.risk_flags := new.risk_flags || 'unusual_sizing'::public.intake_risk;
  end if;
  -- A gift needed within three weeks is tighter than CAD + production + QC + shipping allow.
  if new.is_gift and new.needed_by is not null
     and new.needed_by < (new.received_at::date + 21)
     and not ('gift_deadline' = any (new.risk_flags)) then
    new.risk_flags := new.risk_flags || 'gift_deadline'::public.intake_risk;
  end if;
  if new.status in ('confirmed', 'converted') and new.confirmed_at is null then
    new.confirmed_at := now();
  end if;
  return new;
end;
$$;

create trigger intake_requests_flag_risks
  before insert or update on public.intake_requests
  for each row execute function private.flag_intake_risks();
revoke all on function private.flag_intake_risks() from public;

alter table public.intake_requests enable row level security;
revoke all on table public.intake_requests from anon;

create policy "staff see intake requests"
  on public.intake_requests for select to authenticated
  using ((select private.staff_role()) is not null);

create policy "concierge and managers log intake requests"
  on public.intake_requests for insert to authenticated
  with check ((select private.staff_role()) in ('concierge', 'manager'));

create policy "concierge and managers triage intake requests"
  on public.intake_requests for update to authenticated
  using ((select private.staff_role()) in ('concierge', 'manager'))
  with check ((select private.staff_role()) in ('concierge', 'manager'));

create policy "managers delete intake requests"
  on public.intake_requests for delete to authenticated
  using ((select private.staff_role()) = 'manager');
