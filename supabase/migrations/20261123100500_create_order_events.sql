-- The order history: an append-only log of every stage change and significant act (who, when,
-- from, to, note). Nobody — managers, service_role and migrations included — may update or
-- delete it: the API roles lack the privilege, and a trigger refuses it for everyone else.
-- Turnaround analytics are computed from it.

create table public.order_events (
  id bigint generated always as identity primary key,
  -- restrict: an order with history cannot be deleted (it is cancelled instead).
  order_id uuid not null references public.orders (id) on delete restrict,
  kind public.order_event_kind not null,
  at timestamptz not null default now(),
  actor_id uuid references public.staff (id) on delete restrict,
  from_stage public.order_stage,
  to_stage public.order_stage,
  note text,
  data jsonb not null default '{}'
);
comment on table public.order_events is
  'Append-only history of every order: stage changes and significant acts. Never updated or deleted.';

create index order_events_order_id_at_idx on public.order_events (order_id, at);
create index order_events_actor_id_idx on public.order_events (actor_id);
-- Analytics scan stage changes by time.
create index order_events_stage_changes_idx on public.order_events (at) where kind = 'stage_changed';

create function private.refuse_history_change()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  raise exception using
    errcode = 'LP090',
    message = 'The order history cannot be changed or deleted.',
    hint = 'Add a new event instead.';
end;
$$;
revoke all on function private.refuse_history_change() from public;

create trigger order_events_append_only
  before update or delete on public.order_events
  for each row execute function private.refuse_history_change();
create trigger order_events_no_truncate
  before truncate on public.order_events
  for each statement execute function private.refuse_history_change();

alter table public.order_events enable row level security;
revoke all on table public.order_events from anon, authenticated, service_role;
-- Staff read the history; events are written by the rule functions (security definer), never
-- directly by a client.
grant select on table public.order_events to authenticated;
grant select, insert on table public.order_events to service_role;

create policy "staff read order history"
  on public.order_events for select to authenticated
  using ((select private.staff_role()) is not null);

-- Acts made by plain column writes are logged by triggers. security definer: the writer (a
-- concierge recording a payment) may not insert events directly, but the act must be logged.
create function private.log_order_acts()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into public.order_events (order_id, kind, at, actor_id, to_stage, data)
    values (new.id, 'created', new.created_at, (select auth.uid()), new.stage,
            jsonb_build_object('code', new.code, 'intake_request_id', new.intake_request_id));
  elsif new.paid_at is not null and old.paid_at is null then
    -- A payment recorded after the fact is logged at the time it was made (never in the future).
    insert into public.order_events (order_id, kind, at, actor_id, from_stage, to_stage, data)
    values (new.id, 'payment_recorded', least(new.paid_at, now()), (select auth.uid()), new.stage, new.stage,
            jsonb_build_object('method', new.payment_method, 'amount', new.quote_amount,
                               'currency', new.quote_currency, 'paid_at', new.paid_at));
  end if;
  return null;
end;
$$;
revoke all on function private.log_order_acts() from public;

create trigger orders_log_created
  after insert on public.orders
  for each row execute function private.log_order_acts();
create trigger orders_log_payment
  after update of paid_at on public.orders
  for each row execute function private.log_order_acts();
