-- Orders: the card on the board. Human code LP-YYYY-NNNN, quote, full payment, stage and when
-- it was entered, CAD sub-state, priority, promised date, assignee, hold details, and a version
-- that every change bumps (optimistic concurrency). Stage, version and hold details change only
-- through public.move_order and the CAD functions: the API roles cannot write those columns.

create sequence public.order_code_seq as integer;
comment on sequence public.order_code_seq is 'The NNNN of order codes LP-YYYY-NNNN.';

-- The next order code: at least four digits, more once the house passes 9,999 orders (lpad
-- alone would cut 10000 to 1000 and collide).
create function private.next_order_code()
returns text
language sql
volatile
security invoker
set search_path = ''
as $$
  select 'LP-' || to_char(now(), 'YYYY') || '-' || lpad(n::text, greatest(4, length(n::text)), '0')
  from (select nextval('public.order_code_seq') as n) s;
$$;
revoke all on function private.next_order_code() from public;
grant execute on function private.next_order_code() to authenticated, service_role;

create table public.orders (
  id uuid primary key default gen_random_uuid(),
  code text not null unique
    default private.next_order_code()
    constraint orders_code_format check (code ~ '^LP-[0-9]{4}-[0-9]{4,}$'),
  customer_id uuid not null references public.customers (id) on delete restrict,
  intake_request_id uuid unique references public.intake_requests (id) on delete set null,
  product public.product_base not null,
  product_name text not null
    constraint orders_product_name_not_blank check (char_length(btrim(product_name)) between 1 and 120),
  metal public.metal not null,
  specs jsonb not null default '{}' constraint orders_specs_object check (jsonb_typeof(specs) = 'object'),
  -- Decides whether hand-setting applies and whether certificates/photos/video are required.
  has_stones boolean not null default true,
  has_certified_stones boolean not null default false,
  ring_size numeric(4, 2)
    constraint orders_ring_size_quarter check (ring_size > 0 and ring_size <= 16 and ring_size * 4 = trunc(ring_size * 4)),
  quote_amount numeric(12, 2) constraint orders_quote_positive check (quote_amount > 0),
  quote_currency char(3) not null default 'USD'
    constraint orders_quote_currency_code check (quote_currency ~ '^[A-Z]{3}$'),
  paid_at timestamptz,
  payment_method public.payment_method,
  stage public.order_stage not null default 'intake',
  stage_entered_at timestamptz not null default now(),
  cad_state public.cad_state,
  priority smallint not null default 0 constraint orders_priority_range check (priority between 0 and 2),
  promised_date date,
  assignee_id uuid references public.staff (id) on delete set null,
  on_hold_reason text,
  resume_stage public.order_stage,
  cancel_reason text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint orders_paid_has_method check ((paid_at is null) = (payment_method is null)),
  constraint orders_certified_needs_stones check (not has_certified_stones or has_stones),
  constraint orders_on_hold_has_reason check (
    (stage = 'on_hold') = (on_hold_reason is not null and resume_stage is not null)
  ),
  constraint orders_resume_stage_active check (
    resume_stage is null or resume_stage not in ('on_hold', 'cancelled', 'delivered')
  ),
  constraint orders_cancelled_has_reason check ((stage = 'cancelled') = (cancel_reason is not null))
);
comment on table public.orders is 'Made-to-order pieces, one card each on the board.';
comment on column public.orders.version is
  'Bumped by every update; pass it back as expected_version so two people cannot overwrite each other.';
comment on column public.orders.priority is '0 normal, 1 rush, 2 top priority.';
comment on column public.orders.cad_state is
  'Null until the order first enters CAD; drafting → with customer → tweak requested → approved.';

create index orders_customer_id_idx on public.orders (customer_id);
create index orders_assignee_id_idx on public.orders (assignee_id);
-- The board reads active orders by stage, oldest first in each column.
create index orders_stage_entered_idx on public.orders (stage, stage_entered_at);
create index orders_created_at_idx on public.orders (created_at);

-- Every update bumps the version and the updated_at time, whoever makes it, so a client that
-- filters its update on `version = <what it read>` never overwrites someone else's change.
create function private.bump_order_version()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  new.version := old.version + 1;
  new.updated_at := now();
  return new;
end;
$$;
revoke all on function private.bump_order_version() from public;

create trigger orders_bump_version
  before update on public.orders
  for each row execute function private.bump_order_version();

alter table public.orders enable row level security;
revoke all on table public.orders from anon;

-- Column privileges: what a client may write directly. Stage, version, CAD state, hold and
-- cancel details are absent on purpose — the rule functions own them.
revoke insert, update on table public.orders from authenticated;
grant insert (
  customer_id, intake_request_id, product, product_name, metal, specs, has_stones,
  has_certified_stones, ring_size, quote_amount, quote_currency, priority, promised_date, assignee_id
) on table public.orders to authenticated;
grant update (
  product_name, specs, has_stones, has_certified_stones, ring_size, quote_amount, quote_currency,
  paid_at, payment_method, priority, promised_date, assignee_id
) on table public.orders to authenticated;

create policy "staff see orders"
  on public.orders for select to authenticated
  using ((select private.staff_role()) is not null);

create policy "concierge and managers open orders"
  on public.orders for insert to authenticated
  with check ((select private.staff_role()) in ('concierge', 'manager'));

create policy "concierge and managers edit order details"
  on public.orders for update to authenticated
  using ((select private.staff_role()) in ('concierge', 'manager'))
  with check ((select private.staff_role()) in ('concierge', 'manager'));

-- No delete policy: an order with a history is cancelled, never deleted (its events are kept).
