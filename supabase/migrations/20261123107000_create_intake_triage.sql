-- Intake triage as a concierge stylist does it, with the rules in the database:
--   * who took a request and when review started, the path (self-serve or concierge-assisted)
--     with its reason, a decline with its reason, and confirmation stamped by the database's
--     clock (the moment that stops the 2 h promise — never back-dated, never moved);
--   * a version on every request, so two stylists triaging the same request are serialised and
--     the second is told (PT409) instead of silently overwriting the first;
--   * public.intake_events: an append-only log of every triage act (who, when, what), written by
--     a trigger so that direct REST updates are logged exactly like the rule functions' changes;
--   * one rule function per triage act, each with a plain refusal, and
--     public.convert_intake_with_quote(): a confirmed request becomes a quoted order waiting for
--     payment — order, quote, request status and the intake → awaiting payment move (through
--     move_order's rules) in one transaction.
--
-- Refusal codes (PT403 role, PT404 no such request, PT409 version conflict as elsewhere):
--   LP080  not confirmed yet / already converted (as public.convert_intake)
--   LP081  the status change is not one triage makes (e.g. a declined request cannot be confirmed)
--   LP082  declining needs a reason
--   LP083  received-at and confirmed-at are kept as recorded
--   LP084  choosing a path needs a reason; converting needs a path
--   LP085  requests are assigned to stylists or managers only
--   LP086  the quote is missing or malformed

alter table public.intake_requests
  add column path_reason text
    constraint intake_requests_path_reason_length check (char_length(path_reason) <= 500),
  add column decline_reason text
    constraint intake_requests_decline_reason_length check (char_length(decline_reason) <= 500),
  add column declined_at timestamptz,
  add column review_started_at timestamptz,
  add column confirmed_by uuid references public.staff (id) on delete set null,
  add column version integer not null default 1;
comment on column public.intake_requests.version is
  'Bumped by every update; pass it back as expected_version to the triage functions.';
comment on column public.intake_requests.path_reason is
  'Why the stylist chose self-serve or concierge-assisted design.';

create index intake_requests_confirmed_by_idx on public.intake_requests (confirmed_by);

create type public.intake_event_kind as enum (
  'assigned', 'review_started', 'path_chosen', 'risk_flags_changed', 'confirmed', 'declined',
  'converted'
);

create table public.intake_events (
  id bigint generated always as identity primary key,
  -- A request a manager deletes (spam, a duplicate) takes its triage log with it; nobody else
  -- can delete either.
  intake_request_id uuid not null references public.intake_requests (id) on delete cascade,
  kind public.intake_event_kind not null,
  at timestamptz not null default now(),
  actor_id uuid references public.staff (id) on delete restrict,
  from_status public.intake_status,
  to_status public.intake_status,
  note text,
  data jsonb not null default '{}'
);
comment on table public.intake_events is
  'Append-only log of triage acts on intake requests: assignment, review, path, risk flags, confirmation, decline, conversion.';

create index intake_events_request_at_idx on public.intake_events (intake_request_id, at);
create index intake_events_actor_id_idx on public.intake_events (actor_id);

-- History is never rewritten (the same trigger function as the order history). Deletes come
-- only from the cascade above: no API role holds the delete privilege.
create trigger intake_events_append_only
  before update on public.intake_events
  for each row execute function private.refuse_history_change();

alter table public.intake_events enable row level security;
revoke all on table public.intake_events from anon, authenticated, service_role;
grant select on table public.intake_events to authenticated;
grant select, insert on table public.intake_events to service_role;

create policy "staff read the intake triage log"
  on public.intake_events for select to authenticated
  using ((select private.staff_role()) is not null);

-- The rules every change to a request obeys, whoever makes it (the triage functions, a direct
-- REST update, a repair script).
create function private.guard_intake_triage()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
declare
  label text;
begin
  if new.received_at is distinct from old.received_at then
    raise exception using errcode = 'LP083',
      message = 'When a request came in is kept as recorded: the 2 hour promise runs from it.';
  end if;

  if new.status is distinct from old.status then
    if not (old.status, new.status) in (
      ('new', 'in_review'), ('new', 'confirmed'), ('new', 'declined'),
      ('in_review', 'confirmed'), ('in_review', 'declined'),
      ('confirmed', 'converted'), ('confirmed', 'declined')
    ) then
      label := case old.status
        when 'new' then 'new' when 'in_review' then 'in review' else old.status::text end;
      raise exception using errcode = 'LP081',
        message = case
          when old.status = 'converted' then 'This request has already been turned into an order.'
          when old.status = 'declined' then 'This request was declined; it cannot change any more.'
          when old.status = 'confirmed' and new.status in ('new', 'in_review') then
            'This request is already confirmed; its details cannot go back to review.'
          when new.status = 'converted' then
            'Confirm the request''s details with the customer before turning it into an order.'
          else format('A request that is %s cannot become %s.', label,
                      replace(new.status::text, '_', ' '))
        end;
    end if;
    if new.status = 'declined' then
      if nullif(btrim(coalesce(new.decline_reason, '')), '') is null then
        raise exception using errcode = 'LP082', message = 'Say why the request is declined.';
      end if;
      new.decline_reason := btrim(new.decline_reason);
      new.declined_at := now();
    end if;
    if new.status in ('in_review', 'confirmed') then
      new.review_started_at := coalesce(old.review_started_at, now());
    end if;
    if new.status = 'confirmed' then
      -- The database's clock, not the client's: this is the moment the 2 h promise is judged by.
      new.confirmed_at := now();
      new.confirmed_by := (select auth.uid());
    end if;
  end if;

  if new.status is not distinct from old.status or new.status <> 'confirmed' then
    if new.confirmed_at is distinct from old.confirmed_at then
      raise exception using errcode = 'LP083',
        message = 'The confirmation time is kept as recorded: it is set when the request is confirmed.';
    end if;
  end if;

  if old.status in ('converted', 'declined') and (
       new.path is distinct from old.path or new.path_reason is distinct from old.path_reason
       or new.risk_flags is distinct from old.risk_flags
       or new.decline_reason is distinct from old.decline_reason) then
    raise exception using errcode = 'LP081',
      message = case old.status
        when 'converted' then 'This request has already been turned into an order; change the order instead.'
        else 'This request was declined; it cannot change any more.'
      end;
  end if;

  if new.path is distinct from old.path and new.path is not null then
    if nullif(btrim(coalesce(new.path_reason, '')), '') is null then
      raise exception using errcode = 'LP084',
        message = format('Say why this request goes %s.',
          case new.path when 'self_serve' then 'self-serve' else 'concierge-assisted' end);
    end if;
    new.path_reason := btrim(new.path_reason);
  end if;

  new.version := old.version + 1;
  return new;
end;
$$;
revoke all on function private.guard_intake_triage() from public;

-- "g" sorts after "f": runs after intake_requests_flag_risks (before-triggers fire by name), so
-- it has the last word on confirmed_at.
create trigger intake_requests_guard_triage
  before update on public.intake_requests
  for each row execute function private.guard_intake_triage();

-- Every triage act into the log. security definer: stylists may not write the log directly,
-- but their acts must be logged.
create function private.log_intake_triage()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  actor uuid := (select auth.uid());
  added public.intake_risk[];
  removed public.intake_risk[];
  order_id uuid;
  order_code text;
begin
  if new.assigned_stylist_id is distinct from old.assigned_stylist_id then
    insert into public.intake_events (intake_request_id, kind, actor_id, from_status, to_status, data)
    values (new.id, 'assigned', actor, old.status, new.status,
            jsonb_build_object('from', old.assigned_stylist_id, 'to', new.assigned_stylist_id));
  end if;
  if new.path is distinct from old.path or new.path_reason is distinct from old.path_reason then
    insert into public.intake_events (intake_request_id, kind, actor_id, from_status, to_status, note, data)
    values (new.id, 'path_chosen', actor, old.status, new.status, new.path_reason,
            jsonb_build_object('from', old.path, 'to', new.path));
  end if;
  if new.risk_flags is distinct from old.risk_flags then
    added := array(select unnest(new.risk_flags) except select unnest(old.risk_flags));
    removed := array(select unnest(old.risk_flags) except select unnest(new.risk_flags));
    if cardinality(added) > 0 or cardinality(removed) > 0 then
      insert into public.intake_events (intake_request_id, kind, actor_id, from_status, to_status, data)
      values (new.id, 'risk_flags_changed', actor, old.status, new.status,
              jsonb_build_object('added', to_jsonb(added), 'removed', to_jsonb(removed)));
    end if;
  end if;
  if new.status is distinct from old.status then
    if new.status = 'converted' then
      select o.id, o.code into order_id, order_code from public.orders o where o.intake_request_id = new.id;
    end if;
    insert into public.intake_events (intake_request_id, kind, actor_id, from_status, to_status, note, data)
    values (new.id,
            case new.status
              when 'in_review' then 'review_started'
              when 'confirmed' then 'confirmed'
              when 'declined' then 'declined'
              when 'converted' then 'converted'
            end::public.intake_event_kind,
            actor, old.status, new.status,
            case when new.status = 'declined' then new.decline_reason end,
            case new.status
              when 'confirmed' then jsonb_build_object(
                'minutes_to_confirm', round((extract(epoch from (new.confirmed_at - new.received_at)) / 60)::numeric, 1),
                'within_promise', new.confirmed_at <= new.received_at + interval '2 hours')
              when 'converted' then jsonb_build_object('order_id', order_id, 'order_code', order_code)
              else '{}'::jsonb
            end);
  end if;
  return null;
end;
$$;
revoke all on function private.log_intake_triage() from public;

create trigger intake_requests_log_triage
  after update on public.intake_requests
  for each row execute function private.log_intake_triage();

-- The first step of every triage function: the caller triages, the request exists, and the
-- version they read is still current. The row stays locked until the transaction ends.
create function private.lock_intake(p_intake_request_id uuid, p_expected_version integer)
returns public.intake_requests
language plpgsql
security invoker
set search_path = ''
as $$
declare
  req public.intake_requests;
begin
  if (select private.staff_role()) is distinct from 'concierge'
     and (select private.staff_role()) is distinct from 'manager' then
    raise exception using errcode = 'PT403', message = 'Only a stylist or a manager can triage intake requests.';
  end if;
  select * into req from public.intake_requests where id = p_intake_request_id for update;
  if not found then
    raise exception using errcode = 'PT404', message = 'That intake request does not exist.';
  end if;
  if p_expected_version is null or req.version <> p_expected_version then
    raise exception using errcode = 'PT409',
      message = 'Someone else changed this request a moment ago. Reload it and try again.',
      detail = format('current version %s, expected %s', req.version, coalesce(p_expected_version::text, 'none'));
  end if;
  return req;
end;
$$;
revoke all on function private.lock_intake(uuid, integer) from public;
grant execute on function private.lock_intake(uuid, integer) to authenticated, service_role;

-- Assign a request to a stylist (or to nobody). Taking a new request starts its review.
create function public.assign_intake(
  p_intake_request_id uuid,
  p_expected_version integer,
  p_stylist_id uuid
)
returns public.intake_requests
language plpgsql
security invoker
set search_path = ''
as $$
declare
  req public.intake_requests;
begin
  req := private.lock_intake(p_intake_request_id, p_expected_version);
  if req.status in ('converted', 'declined') then
    raise exception using errcode = 'LP081',
      message = 'This request is closed; there is nobody left to assign it to.';
  end if;
  if p_stylist_id is not null and not exists (
    select 1 from public.staff s where s.id = p_stylist_id and s.role in ('concierge', 'manager')
  ) then
    raise exception using errcode = 'LP085', message = 'Requests are assigned to a stylist or a manager.';
  end if;
  update public.intake_requests
  set assigned_stylist_id = p_stylist_id,
      status = case when status = 'new' and p_stylist_id is not null then 'in_review'::public.intake_status else status end
  where id = req.id
  returning * into req;
  return req;
end;
$$;
comment on function public.assign_intake(uuid, integer, uuid) is
  'Assigns an intake request to a stylist (null: to nobody); a new request goes into review.';

-- Self-serve or concierge-assisted, and why.
create function public.set_intake_path(
  p_intake_request_id uuid,
  p_expected_version integer,
  p_path public.intake_path,
  p_reason text
)
returns public.intake_requests
language plpgsql
security invoker
set search_path = ''
as $$
declare
  req public.intake_requests;
begin
  req := private.lock_intake(p_intake_request_id, p_expected_version);
  if p_path is null then
    raise exception using errcode = 'LP084', message = 'Choose self-serve or concierge-assisted.';
  end if;
  if nullif(btrim(coalesce(p_reason, '')), '') is null then
    raise exception using errcode = 'LP084',
      message = format('Say why this request goes %s.',
        case p_path when 'self_serve' then 'self-serve' else 'concierge-assisted' end);
  end if;
  update public.intake_requests
  set path = p_path, path_reason = btrim(p_reason),
      status = case when status = 'new' then 'in_review'::public.intake_status else status end
  where id = req.id
  returning * into req;
  return req;
end;
$$;
comment on function public.set_intake_path(uuid, integer, public.intake_path, text) is
  'Routes an intake request to self-serve or concierge-assisted design, with the reason.';

-- The stylist's risk flags. The flags the data implies (an unusual size, a tight gift date) are
-- put back by private.flag_intake_risks: the returned row is what the request now carries.
create function public.set_intake_risk_flags(
  p_intake_request_id uuid,
  p_expected_version integer,
  p_flags public.intake_risk[]
)
returns public.intake_requests
language plpgsql
security invoker
set search_path = ''
as $$
declare
  req public.intake_requests;
begin
  req := private.lock_intake(p_intake_request_id, p_expected_version);
  update public.intake_requests
  set risk_flags = array(select distinct f from unnest(coalesce(p_flags, '{}')) f order by f)
  where id = req.id
  returning * into req;
  return req;
end;
$$;
comment on function public.set_intake_risk_flags(uuid, integer, public.intake_risk[]) is
  'Sets the risk flags of an intake request; flags the data implies are kept.';

-- Specs confirmed with the customer: stops the 2 h clock. Whoever confirms an unassigned
-- request is the one handling it.
create function public.confirm_intake(p_intake_request_id uuid, p_expected_version integer)
returns public.intake_requests
language plpgsql
security invoker
set search_path = ''
as $$
declare
  req public.intake_requests;
begin
  req := private.lock_intake(p_intake_request_id, p_expected_version);
  if req.status = 'confirmed' then
    raise exception using errcode = 'LP081', message = 'This request is already confirmed.';
  end if;
  update public.intake_requests
  set status = 'confirmed',
      assigned_stylist_id = coalesce(assigned_stylist_id, (select auth.uid()))
  where id = req.id
  returning * into req;
  return req;
end;
$$;
comment on function public.confirm_intake(uuid, integer) is
  'Records that the stylist confirmed the request''s details with the customer (confirmed_at = now).';

create function public.decline_intake(
  p_intake_request_id uuid,
  p_expected_version integer,
  p_reason text
)
returns public.intake_requests
language plpgsql
security invoker
set search_path = ''
as $$
declare
  req public.intake_requests;
begin
  req := private.lock_intake(p_intake_request_id, p_expected_version);
  update public.intake_requests
  set status = 'declined', decline_reason = p_reason
  where id = req.id
  returning * into req;
  return req;
end;
$$;
comment on function public.decline_intake(uuid, integer, text) is 'Declines an intake request, with the reason.';

-- A confirmed request becomes an order with its quote, handed to the request's stylist, and
-- moves to awaiting payment through move_order's rules — all or nothing.
create function public.convert_intake_with_quote(
  p_intake_request_id uuid,
  p_expected_version integer,
  p_quote_amount numeric,
  p_quote_currency text default 'USD',
  p_product_name text default null
)
returns public.orders
language plpgsql
security invoker
set search_path = ''
as $$
declare
  req public.intake_requests;
  o public.orders;
  currency text := upper(btrim(coalesce(p_quote_currency, '')));
begin
  req := private.lock_intake(p_intake_request_id, p_expected_version);
  if req.status = 'converted' then
    raise exception using errcode = 'LP080', message = 'This request has already been turned into an order.';
  end if;
  if req.status <> 'confirmed' then
    raise exception using errcode = 'LP080',
      message = 'Confirm the request''s details with the customer before turning it into an order.';
  end if;
  if req.path is null then
    raise exception using errcode = 'LP084',
      message = 'Choose self-serve or concierge-assisted before sending the quote.';
  end if;
  if p_quote_amount is null or p_quote_amount <= 0 then
    raise exception using errcode = 'LP086', message = 'Enter the quote amount (more than zero).';
  end if;
  if p_quote_amount >= 10000000000 or p_quote_amount <> round(p_quote_amount, 2) then
    raise exception using errcode = 'LP086', message = 'The quote amount is not a valid price.';
  end if;
  if currency !~ '^[A-Z]{3}$' then
    raise exception using errcode = 'LP086', message = 'The quote currency is a three-letter code such as USD.';
  end if;

  insert into public.orders (customer_id, intake_request_id, product, product_name, metal, ring_size,
                             specs, has_stones, quote_amount, quote_currency, assignee_id)
  values (
    req.customer_id, req.id, req.base,
    coalesce(nullif(btrim(p_product_name), ''), initcap(replace(req.base::text, '_', ' '))),
    req.metal, req.ring_size,
    jsonb_strip_nulls(jsonb_build_object('stones', req.stone_preferences, 'notes', req.notes,
                                         'needed_by', req.needed_by, 'gift', req.is_gift,
                                         'path', req.path)),
    req.stone_preferences is not null,
    p_quote_amount, currency, req.assigned_stylist_id
  )
  returning * into o;

  update public.intake_requests set status = 'converted' where id = req.id;

  o := private.move_order(o.id, 'awaiting_payment', o.version,
                          format('Quote sent: %s %s.', to_char(p_quote_amount, 'FM999G999G999G990D00'), currency),
                          null);
  return o;
end;
$$;
comment on function public.convert_intake_with_quote(uuid, integer, numeric, text, text) is
  'Turns a confirmed intake request into an order with its quote, waiting for payment.';

revoke all on function public.assign_intake(uuid, integer, uuid) from public, anon;
revoke all on function public.set_intake_path(uuid, integer, public.intake_path, text) from public, anon;
revoke all on function public.set_intake_risk_flags(uuid, integer, public.intake_risk[]) from public, anon;
revoke all on function public.confirm_intake(uuid, integer) from public, anon;
revoke all on function public.decline_intake(uuid, integer, text) from public, anon;
revoke all on function public.convert_intake_with_quote(uuid, integer, numeric, text, text) from public, anon;
grant execute on function public.assign_intake(uuid, integer, uuid) to authenticated, service_role;
grant execute on function public.set_intake_path(uuid, integer, public.intake_path, text) to authenticated, service_role;
grant execute on function public.set_intake_risk_flags(uuid, integer, public.intake_risk[]) to authenticated, service_role;
grant execute on function public.confirm_intake(uuid, integer) to authenticated, service_role;
grant execute on function public.decline_intake(uuid, integer, text) to authenticated, service_role;
grant execute on function public.convert_intake_with_quote(uuid, integer, numeric, text, text) to authenticated, service_role;
