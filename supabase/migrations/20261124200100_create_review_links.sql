-- Issue 10 (customers in the loop): review links. A concierge creates a link for the CAD round
-- that is with the customer (or a status-only link at any stage); the customer opens /r/:token
-- with no account, sees the order in the house's planning language and, for a CAD link, records
-- their decision — approve, a minor tweak (counted against the two-round cap) or a request for a
-- bigger change — once.
--
-- Why it is safe with no customer account:
-- * The token is 256 random bits (pgcrypto gen_random_bytes), base64url, handed back ONCE by
--   create_review_link and never stored: only its SHA-256 is kept, in a private table the API
--   cannot reach. A revoked link's hash is deleted, so a revoked token and a made-up one take
--   exactly the same path (one hash, one index probe, one miss).
-- * Everything the public page reads or writes goes through review_page / review_decide. They
--   are thin security-invoker wrappers in public over security-definer functions in the
--   `review_access` schema: not exposed by the API, holding only the entry points anon may run
--   (anon keeps no privilege on `private` and none on any public table).
-- * Every wrong, expired, revoked or malformed token gets the same answer ({"status":"invalid"},
--   HTTP 200, never an exception: an exception would roll back the failure counter) and is
--   counted per client address; over the limit the client is refused (PT429) for a while, even
--   with a valid token.
-- * Files: the CAD bucket stays private. One storage.objects select policy for anon admits
--   exactly the files of the round of the live link whose token is in the request header
--   `x-review-token` (Supabase Storage and the local stack both put request headers into
--   `request.headers`). The page then makes 5-minute signed URLs with that header.
--
-- Refusal codes: LP120 no status link for a cancelled order, LP121 the design is not with the
-- customer (CAD link), LP122 unknown link kind, LP123 both tweak rounds used, LP124 the round is
-- decided or closed (read-only link), LP125 a note is needed (or too long), LP126 unknown
-- decision, LP127 a status link cannot decide; PT403, PT404, PT429 (too many failed tries).

create type public.review_link_kind as enum ('cad_review', 'status');
create type public.review_decision as enum ('approve', 'tweak', 'major_change');

-- Settings the manager edits: the house's name on the customer page, how long a link lives, and
-- the failed-try limit per client address.
alter table public.workshop_settings
  add column house_name text not null default 'Loupe Fine Jewelry'
    constraint workshop_settings_house_name_length check (char_length(btrim(house_name)) between 1 and 80),
  add column review_link_days smallint not null default 7
    constraint workshop_settings_review_link_days_range check (review_link_days between 1 and 60),
  add column review_link_max_failures integer not null default 20
    constraint workshop_settings_review_link_max_failures_range check (review_link_max_failures between 1 and 100000),
  add column review_link_failure_window_minutes integer not null default 15
    constraint workshop_settings_review_link_window_range check (review_link_failure_window_minutes between 1 and 1440);
comment on column public.workshop_settings.house_name is 'The name customers see on their review page.';
comment on column public.workshop_settings.review_link_days is 'Days a new customer review link stays valid.';
comment on column public.workshop_settings.review_link_max_failures is
  'Failed review-link tries one client address may make per window before it is refused for the rest of the window.';

-- A customer's request for a bigger change, waiting for the concierge. Cleared by the trigger
-- below as soon as the design moves on (major change recorded, tweak logged, approval, any
-- stage change), so it never outlives the conversation it asks for.
alter table public.orders add column customer_change_requested_at timestamptz;
comment on column public.orders.customer_change_requested_at is
  'When the customer asked for a bigger change through their review link; null once the design or stage has moved on.';

create function private.clear_customer_change_request()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  if new.stage is distinct from old.stage or new.cad_state is distinct from old.cad_state then
    new.customer_change_requested_at := null;
  end if;
  return new;
end;
$$;
revoke all on function private.clear_customer_change_request() from public;

create trigger orders_clear_customer_change_request
  before update of stage, cad_state on public.orders
  for each row execute function private.clear_customer_change_request();

create table public.review_links (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references public.orders (id) on delete cascade,
  kind public.review_link_kind not null,
  -- The CAD round the link is for: the 'cad_sent' event that put this design with the customer,
  -- and the tweaks used at that moment (0 = first design).
  cad_sent_event_id bigint references public.order_events (id) on delete restrict,
  cad_round smallint,
  show_quote boolean not null default false,
  created_by uuid default auth.uid() references public.staff (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_by uuid references public.staff (id) on delete set null,
  opened_at timestamptz,
  last_opened_at timestamptz,
  decided_at timestamptz,
  decision public.review_decision,
  decision_note text,
  constraint review_links_cad_round check (
    (kind = 'cad_review') = (cad_sent_event_id is not null and cad_round is not null)
  ),
  constraint review_links_round_range check (cad_round is null or cad_round between 0 and 2),
  constraint review_links_decision_complete check ((decided_at is null) = (decision is null)),
  constraint review_links_decision_on_cad check (decision is null or kind = 'cad_review'),
  constraint review_links_expiry_after_creation check (expires_at > created_at)
);
comment on table public.review_links is
  'Links customers open without an account: a CAD round to decide on, or the order''s status. Tokens are never stored.';

create index review_links_order_id_idx on public.review_links (order_id, created_at);
create index review_links_cad_sent_event_id_idx on public.review_links (cad_sent_event_id);
create index review_links_created_by_idx on public.review_links (created_by);
create index review_links_revoked_by_idx on public.review_links (revoked_by);

alter table public.review_links enable row level security;
-- Written only by the functions below; staff read the list in the workspace.
revoke all on table public.review_links from anon;
revoke insert, update, delete, truncate on table public.review_links from authenticated;

create policy "staff see review links"
  on public.review_links for select to authenticated
  using ((select private.staff_role()) is not null);

-- The token hashes: private (no API role reaches this schema). A live link has exactly one row;
-- revoking a link deletes it, so a revoked token misses the index like any made-up one.
create table private.review_link_tokens (
  token_hash bytea primary key,
  link_id uuid not null unique references public.review_links (id) on delete cascade,
  expires_at timestamptz not null
);
revoke all on table private.review_link_tokens from public, anon, authenticated;

-- Failed tries per client (the SHA-256 of its address, not the address itself): a fixed
-- window that starts at the first failure after the previous window ran out.
create table private.review_link_failures (
  client_key text primary key,
  window_started_at timestamptz not null,
  failures integer not null
);
revoke all on table private.review_link_failures from public, anon, authenticated;

-- The list in the workspace: each link with its state. Links change live (realtime on the table).
create view public.review_link_list
with (security_invoker = true)
as
select
  l.id, l.order_id, o.code as order_code, l.kind, l.cad_round, l.cad_sent_event_id, l.show_quote,
  l.created_by, s.display_name as created_by_name, l.created_at, l.expires_at, l.revoked_at,
  l.revoked_by, l.opened_at, l.last_opened_at, l.decided_at, l.decision, l.decision_note,
  case
    when l.revoked_at is not null then 'revoked'
    when l.decided_at is not null then 'decided'
    when l.expires_at <= now() then 'expired'
    when l.opened_at is not null then 'opened'
    else 'sent'
  end as state,
  (l.kind = 'cad_review' and l.decided_at is null and l.revoked_at is null and l.expires_at > now()
   and o.stage = 'cad' and o.cad_state = 'with_customer'
   and l.cad_sent_event_id = (select max(e.id) from public.order_events e
                              where e.order_id = o.id and e.kind = 'cad_sent')) as round_open
from public.review_links l
join public.orders o on o.id = l.order_id
left join public.staff s on s.id = l.created_by;
comment on view public.review_link_list is
  'Review links of each order with their state: sent, opened, decided, expired or revoked.';
revoke all on table public.review_link_list from anon;
revoke insert, update, delete, truncate on table public.review_link_list from authenticated;

alter publication supabase_realtime add table public.review_links;

-- ---------------------------------------------------------------------------------------------
-- Helpers (private: they run inside the definer functions, as their owner).

-- The base64url token and its hash. The hash input is the text's UTF-8 bytes, whatever it is:
-- no format check a real token would skip, so every token costs the same.
-- Core sha256() (built in since Postgres 11, so on Supabase too) rather than pgcrypto's digest():
-- the embedded engine's pgcrypto once failed to find its sha256 digest while seeding.
create function private.review_token_hash(p_token text)
returns bytea
language sql
immutable
security invoker
set search_path = ''
as $$ select pg_catalog.sha256(convert_to(coalesce(p_token, ''), 'UTF8')) $$;
revoke all on function private.review_token_hash(text) from public;

-- The client a failed try is counted against: the address the API gateway forwarded
-- (cf-connecting-ip, x-real-ip, else the first X-Forwarded-For hop, as GoTrue and our local
-- auth limiter read it); one shared bucket when a request carries none.
create function private.review_client_key()
returns text
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  h jsonb;
  addr text;
begin
  begin
    h := nullif(current_setting('request.headers', true), '')::jsonb;
  exception when others then
    h := null;
  end;
  addr := nullif(btrim(coalesce(
    h ->> 'cf-connecting-ip', h ->> 'x-real-ip', split_part(h ->> 'x-forwarded-for', ',', 1))), '');
  return encode(pg_catalog.sha256(convert_to(coalesce(left(addr, 200), 'global'), 'UTF8')), 'hex');
end;
$$;
revoke all on function private.review_client_key() from public;

-- Refuses a client that used up its failed tries in the current window.
create function private.review_check_client(p_client text)
returns void
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  if exists (
    select 1
    from private.review_link_failures f
    cross join public.workshop_settings w
    where f.client_key = p_client
      and f.failures >= w.review_link_max_failures
      and f.window_started_at > now() - make_interval(mins => w.review_link_failure_window_minutes)
  ) then
    raise exception using errcode = 'PT429',
      message = 'Too many tries with links that do not work. Wait a few minutes, then open the link again or ask your stylist for a new one.';
  end if;
end;
$$;
revoke all on function private.review_check_client(text) from public;

create function private.review_record_failure(p_client text)
returns void
language sql
volatile
security invoker
set search_path = ''
as $$
  insert into private.review_link_failures as f (client_key, window_started_at, failures)
  values (p_client, now(), 1)
  on conflict (client_key) do update set
    failures = case when f.window_started_at <= now() - make_interval(mins => (
                      select w.review_link_failure_window_minutes from public.workshop_settings w))
                    then 1 else f.failures + 1 end,
    window_started_at = case when f.window_started_at <= now() - make_interval(mins => (
                      select w.review_link_failure_window_minutes from public.workshop_settings w))
                    then now() else f.window_started_at end;
$$;
revoke all on function private.review_record_failure(text) from public;

-- The live link a token opens, or null: one hash and one primary-key probe of the token table
-- whether or not the token exists (revoked links have no row there). Expiry is read from the
-- same row.
create function private.review_link_for(p_token text)
returns public.review_links
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  found_id uuid;
  l public.review_links;
begin
  select t.link_id into found_id
  from private.review_link_tokens t
  where t.token_hash = private.review_token_hash(p_token) and t.expires_at > now();
  if found_id is null then
    return null;
  end if;
  -- The link's own expiry and revocation are checked too (a data fix may shorten a link).
  select * into l from public.review_links x
  where x.id = found_id and x.revoked_at is null and x.expires_at > now();
  return l;
end;
$$;
revoke all on function private.review_link_for(text) from public;

-- The date n business days after p_from (weekends and the house's holidays skipped).
create function private.add_business_days(p_from date, p_days integer)
returns date
language sql
stable
security invoker
set search_path = ''
as $$
  select case when p_days <= 0 then p_from else (
    select d::date
    from generate_series(p_from + 1, p_from + p_days * 2 + 30, interval '1 day') d
    where extract(isodow from d) < 6
      and not exists (select 1 from public.holidays h where h.day = d::date)
    order by d
    offset p_days - 1
    limit 1)
  end;
$$;
revoke all on function private.add_business_days(date, integer) from public;

-- A stage's target in the customer's words and as dates: {usually, expected_from, expected_to},
-- counted from p_from_early / p_from_late (dates in the house's zone).
create function private.review_stage_window(p_stage public.order_stage, p_from_early date, p_from_late date)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select case when s.sla_unit is null then null else jsonb_build_object(
    'usually', 'usually ' || case when s.sla_amber_after = s.sla_red_after then trim_scale(s.sla_red_after)::text
                                  else trim_scale(s.sla_amber_after)::text || '–' || trim_scale(s.sla_red_after)::text end
               || case s.sla_unit when 'hours' then ' hours' when 'days' then ' days' else ' business days' end,
    'expected_from', case s.sla_unit
      when 'hours' then p_from_early + ceil(s.sla_amber_after / 24)::integer
      when 'days' then p_from_early + ceil(s.sla_amber_after)::integer
      else private.add_business_days(p_from_early, ceil(s.sla_amber_after)::integer) end,
    'expected_to', case s.sla_unit
      when 'hours' then p_from_late + ceil(s.sla_red_after / 24)::integer
      when 'days' then p_from_late + ceil(s.sla_red_after)::integer
      else private.add_business_days(p_from_late, ceil(s.sla_red_after)::integer) end)
  end
  from public.stage_settings s
  where s.stage = p_stage;
$$;
revoke all on function private.review_stage_window(public.order_stage, date, date) from public;

-- The customer page for a live link: only the fields the issue lists, nothing else of the order,
-- nothing of any other order.
create function private.review_page_json(p_link public.review_links)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  o public.orders;
  w public.workshop_settings;
  phase_keys constant text[] := array['review', 'confirmation', 'cad', 'production', 'quality_check', 'delivery'];
  phase_labels constant text[] := array['Review', 'Confirmation', 'Design (CAD)', 'Production', 'Quality check', 'Delivery'];
  phase_stages constant public.order_stage[] := array['intake', 'awaiting_payment', 'cad', 'production', 'qc', 'shipping']::public.order_stage[];
  active public.order_stage;
  idx integer;
  today date;
  waiting boolean;
  cur jsonb;
  nxt jsonb;
  cur_start date;
  base_early date;
  base_late date;
  phases jsonb;
  cad jsonb;
  tracking jsonb;
  round_open boolean;
  send_at timestamptz;
  round_start timestamptz;
  round_end timestamptz;
begin
  select * into o from public.orders x where x.id = p_link.order_id;
  select * into w from public.workshop_settings x where x.id;
  today := (now() at time zone w.timezone)::date;
  active := case when o.stage = 'on_hold' then o.resume_stage else o.stage end;
  idx := array_position(phase_stages, active);

  phases := (
    select jsonb_agg(jsonb_build_object(
      'key', phase_keys[i], 'label', phase_labels[i],
      'state', case
        when o.stage = 'cancelled' then 'cancelled'
        when active = 'delivered' or i < idx then 'done'
        when i = idx then 'current'
        else 'upcoming' end) order by i)
    from generate_series(1, 6) i);

  -- Where the order stands and the next step, as dates. The customer's own time (awaiting
  -- payment, a design with them) has no house promise: the next step is counted from today.
  waiting := active = 'awaiting_payment' or (active = 'cad' and o.cad_state = 'with_customer');
  if idx is not null and o.stage <> 'cancelled' then
    cur_start := ((o.stage_entered_at + coalesce(now() - o.stage_clock_paused_at, interval '0'))
                  at time zone w.timezone)::date;
    cur := jsonb_build_object('phase', phase_keys[idx], 'label', phase_labels[idx],
                              'waiting_on_customer', waiting, 'paused', o.stage = 'on_hold');
    if not waiting and o.stage <> 'on_hold' then
      cur := cur || coalesce(private.review_stage_window(active, cur_start, cur_start), '{}');
    end if;
    -- Never a date in the past: a step running late is expected from today.
    if cur ? 'expected_from' then
      cur := cur || jsonb_build_object(
        'expected_from', greatest((cur ->> 'expected_from')::date, today),
        'expected_to', greatest((cur ->> 'expected_to')::date, today));
      base_early := (cur ->> 'expected_from')::date;
      base_late := (cur ->> 'expected_to')::date;
    else
      base_early := today;
      base_late := today;
    end if;
    if idx < 6 and o.stage <> 'on_hold' then
      nxt := jsonb_build_object('phase', phase_keys[idx + 1], 'label', phase_labels[idx + 1])
             || coalesce(private.review_stage_window(phase_stages[idx + 1], base_early, base_late), '{}');
    end if;
  end if;

  select jsonb_build_object('carrier', s.carrier, 'tracking_number', s.tracking_number,
                            'shipped_at', s.shipped_at, 'delivered_at', s.delivered_at)
  into tracking
  from public.shipments s
  where s.order_id = o.id and s.tracking_number is not null and s.shipped_at is not null
  order by s.shipped_at desc
  limit 1;

  if p_link.kind = 'cad_review' then
    round_open := o.stage = 'cad' and o.cad_state = 'with_customer' and p_link.decided_at is null
      and p_link.cad_sent_event_id = (select max(e.id) from public.order_events e
                                      where e.order_id = o.id and e.kind = 'cad_sent');
    -- The round's files: CAD renders and files uploaded after the customer's previous answer
    -- (a tweak or major change before this round was sent) and before their next one.
    select e.at into send_at from public.order_events e where e.id = p_link.cad_sent_event_id;
    select max(r.created_at) into round_start from public.cad_revisions r
    where r.order_id = o.id and r.kind in ('tweak', 'major_change') and r.created_at <= send_at;
    select min(r.created_at) into round_end from public.cad_revisions r
    where r.order_id = o.id and r.kind in ('tweak', 'major_change') and r.created_at > send_at;
    cad := jsonb_build_object(
      'round', p_link.cad_round,
      'tweaks_used', (select count(*) from public.cad_revisions r where r.order_id = o.id and r.kind = 'tweak'),
      'tweaks_allowed', 2,
      'can_decide', round_open,
      'decision', p_link.decision,
      'decided_at', p_link.decided_at,
      'decision_note', p_link.decision_note,
      'files', coalesce((
        select jsonb_agg(jsonb_build_object('bucket', a.bucket, 'path', a.storage_path,
                                            'name', coalesce(a.file_name, a.storage_path), 'kind', a.kind)
                         order by a.kind, a.uploaded_at, a.id)
        from public.attachments a
        where a.order_id = o.id and a.kind in ('cad_render', 'cad_file')
          and (round_start is null or a.uploaded_at > round_start)
          and (round_end is null or a.uploaded_at < round_end)), '[]'::jsonb));
  end if;

  return jsonb_build_object(
    'status', 'ok',
    'link', jsonb_build_object('kind', p_link.kind, 'expires_at', p_link.expires_at),
    'house', jsonb_build_object('name', w.house_name),
    'order', jsonb_build_object('code', o.code, 'product', o.product, 'product_name', o.product_name,
                                'metal', o.metal),
    'phase', case when o.stage = 'cancelled' then 'cancelled' when active = 'delivered' then 'delivered'
                  else phase_keys[idx] end,
    'paused', o.stage = 'on_hold',
    'phases', phases,
    'current', cur,
    'next_step', nxt,
    'tracking', tracking,
    'cad', cad,
    'quote', case when p_link.show_quote and o.quote_amount is not null then
      jsonb_build_object('amount', to_char(o.quote_amount, 'FM999999999990.00'), 'currency', o.quote_currency) end);
end;
$$;
revoke all on function private.review_page_json(public.review_links) from public;

-- ---------------------------------------------------------------------------------------------
-- Staff: create and revoke links.

create function private.create_review_link(p_order_id uuid, p_kind text, p_show_quote boolean)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  o public.orders;
  k public.review_link_kind;
  sent_event bigint;
  token text;
  l public.review_links;
begin
  if (select private.staff_role()) is distinct from 'concierge'
     and (select private.staff_role()) is distinct from 'manager' then
    raise exception using errcode = 'PT403', message = 'Only a stylist or a manager can create a customer link.';
  end if;
  if p_kind not in ('cad_review', 'status') or p_kind is null then
    raise exception using errcode = 'LP122', message = 'A customer link is either a CAD review or a status link.';
  end if;
  k := p_kind::public.review_link_kind;
  select * into o from public.orders x where x.id = p_order_id for update;
  if not found then
    raise exception using errcode = 'PT404', message = 'That order does not exist.';
  end if;
  if o.stage = 'cancelled' then
    raise exception using errcode = 'LP120',
      message = format('Order %s is cancelled, so there is nothing to share with the customer.', o.code);
  end if;
  if k = 'cad_review' then
    if o.stage <> 'cad' or o.cad_state is distinct from 'with_customer' then
      raise exception using errcode = 'LP121',
        message = format('The design for %s is not with the customer: send it to them first, then create the review link.', o.code);
    end if;
    select max(e.id) into sent_event from public.order_events e where e.order_id = o.id and e.kind = 'cad_sent';
  end if;

  -- One open link per kind per order: the new one replaces the older ones not yet decided.
  with replaced as (
    update public.review_links x
    set revoked_at = now(), revoked_by = (select auth.uid())
    where x.order_id = o.id and x.kind = k and x.revoked_at is null and x.decided_at is null
    returning x.id
  )
  delete from private.review_link_tokens t using replaced r where t.link_id = r.id;

  token := rtrim(translate(encode(extensions.gen_random_bytes(32), 'base64'), E'+/\n', '-_'), '=');
  insert into public.review_links (order_id, kind, cad_sent_event_id, cad_round, show_quote, created_by, expires_at)
  values (o.id, k, sent_event,
          case when k = 'cad_review' then (select count(*) from public.cad_revisions r
                                           where r.order_id = o.id and r.kind = 'tweak') end,
          coalesce(p_show_quote, false), (select auth.uid()),
          now() + make_interval(days => (select w.review_link_days from public.workshop_settings w)))
  returning * into l;
  insert into private.review_link_tokens (token_hash, link_id, expires_at)
  values (private.review_token_hash(token), l.id, l.expires_at);

  return jsonb_build_object('id', l.id, 'token', token, 'expires_at', l.expires_at, 'kind', l.kind,
                            'cad_round', l.cad_round);
end;
$$;
revoke all on function private.create_review_link(uuid, text, boolean) from public;
grant execute on function private.create_review_link(uuid, text, boolean) to authenticated;

create function private.revoke_review_link(p_id uuid)
returns public.review_links
language plpgsql
security definer
set search_path = ''
as $$
declare
  l public.review_links;
begin
  if (select private.staff_role()) is distinct from 'concierge'
     and (select private.staff_role()) is distinct from 'manager' then
    raise exception using errcode = 'PT403', message = 'Only a stylist or a manager can revoke a customer link.';
  end if;
  select * into l from public.review_links x where x.id = p_id for update;
  if not found then
    raise exception using errcode = 'PT404', message = 'That link does not exist.';
  end if;
  if l.revoked_at is null then
    update public.review_links x set revoked_at = now(), revoked_by = (select auth.uid())
    where x.id = l.id returning * into l;
  end if;
  delete from private.review_link_tokens t where t.link_id = l.id;
  return l;
end;
$$;
revoke all on function private.revoke_review_link(uuid) from public;
grant execute on function private.revoke_review_link(uuid) to authenticated;

create function public.create_review_link(p_order_id uuid, p_kind text, p_show_quote boolean default false)
returns jsonb
language sql
security invoker
set search_path = ''
as $$ select private.create_review_link(p_order_id, p_kind, p_show_quote) $$;

create function public.revoke_review_link(p_id uuid)
returns public.review_links
language sql
security invoker
set search_path = ''
as $$ select * from private.revoke_review_link(p_id) $$;

revoke all on function public.create_review_link(uuid, text, boolean), public.revoke_review_link(uuid)
  from public, anon;
grant execute on function public.create_review_link(uuid, text, boolean), public.revoke_review_link(uuid)
  to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- The customer's side: definer functions in their own schema, which the API does not expose and
-- which holds nothing else; anon reaches them only through the public wrappers and the storage
-- policy.

create schema review_access;
comment on schema review_access is
  'The only security-definer code anon may run: the customer review link entry points. Not exposed by the API.';
revoke all on schema review_access from public;
grant usage on schema review_access to anon, authenticated, service_role;

-- PostgREST runs every GET in a READ ONLY transaction: the first write (the failure counter's
-- INSERT on an unknown token, opened_at's UPDATE on a live one) would fail with 25006 and its
-- text would tell a guessed token from a real one, uncounted — an oracle around the rate limit.
-- Both entry points refuse a read-only call first, with one fixed answer, before hashing.
create function private.review_require_post()
returns void
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  if current_setting('transaction_read_only') = 'on' then
    raise exception using errcode = 'PT405',
      message = 'Open review links with POST.';
  end if;
end;
$$;
revoke all on function private.review_require_post() from public;

create function review_access.review_page(p_token text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  client text := private.review_client_key();
  l public.review_links;
begin
  -- Before anything that depends on the token: see the header comment.
  perform private.review_require_post();
  perform private.review_check_client(client);
  l := private.review_link_for(p_token);
  if l.id is null then
    -- Recorded and answered, not raised: an exception would roll the count back.
    perform private.review_record_failure(client);
    return jsonb_build_object('status', 'invalid');
  end if;
  update public.review_links x
  set opened_at = coalesce(x.opened_at, now()), last_opened_at = now()
  where x.id = l.id
  returning * into l;
  return private.review_page_json(l);
end;
$$;

create function review_access.review_decide(p_token text, p_decision text, p_note text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  client text := private.review_client_key();
  l public.review_links;
  o public.orders;
  note text;
  used integer;
  latest_send bigint;
  who jsonb;
begin
  -- Before anything that depends on the token: see the header comment.
  perform private.review_require_post();
  perform private.review_check_client(client);
  l := private.review_link_for(p_token);
  if l.id is null then
    perform private.review_record_failure(client);
    return jsonb_build_object('status', 'invalid');
  end if;
  -- The customer's words, with the link itself taken out if they pasted it in: tokens never
  -- reach the event log.
  note := nullif(btrim(replace(coalesce(p_note, ''), p_token, '[link]')), '');

  if l.kind <> 'cad_review' then
    raise exception using errcode = 'LP127', message = 'This link shows the order''s progress; it cannot approve or change the design.';
  end if;
  -- Order first, then link: the same lock order as the staff CAD acts.
  select * into o from public.orders x where x.id = l.order_id for update;
  select * into l from public.review_links x where x.id = l.id for update;
  select max(e.id) into latest_send from public.order_events e where e.order_id = o.id and e.kind = 'cad_sent';
  if l.decided_at is not null then
    raise exception using errcode = 'LP124',
      message = 'Your decision on this design is already recorded. Your stylist will be in touch about the next step.';
  end if;
  if o.stage <> 'cad' or o.cad_state is distinct from 'with_customer' or l.cad_sent_event_id <> latest_send then
    raise exception using errcode = 'LP124',
      message = 'This design is no longer waiting for your decision. Please contact your stylist.';
  end if;
  if p_decision is null or p_decision not in ('approve', 'tweak', 'major_change') then
    raise exception using errcode = 'LP126', message = 'Choose approve, a minor tweak or a bigger change.';
  end if;
  if p_decision in ('tweak', 'major_change') and note is null then
    raise exception using errcode = 'LP125',
      message = case p_decision when 'tweak' then 'Tell us what you would like changed.'
                else 'Tell us about the change you have in mind.' end;
  end if;
  if char_length(note) > 2000 then
    raise exception using errcode = 'LP125', message = 'Please keep your note under 2,000 characters.';
  end if;

  who := jsonb_build_object('actor', 'customer', 'review_link_id', l.id);
  if p_decision = 'approve' then
    -- As approve_cad does: approved, and the house's CAD clock runs on from where it stopped.
    update public.orders
    set cad_state = 'approved',
        stage_entered_at = stage_entered_at + coalesce(now() - stage_clock_paused_at, interval '0'),
        stage_clock_paused_at = null
    where id = o.id returning * into o;
    insert into public.order_events (order_id, kind, actor_id, from_stage, to_stage, note, data)
    values (o.id, 'cad_approved', null, o.stage, o.stage, note, who || jsonb_build_object('round', l.cad_round));

  elsif p_decision = 'tweak' then
    select count(*) into used from public.cad_revisions r where r.order_id = o.id and r.kind = 'tweak';
    if used >= 2 then
      raise exception using errcode = 'LP123',
        message = 'Both minor tweak rounds for this design are used. Please contact your stylist to talk about a bigger change.';
    end if;
    -- As request_cad_tweak does; the cad_revisions trigger numbers the round and is the cap's
    -- last word.
    insert into public.cad_revisions (order_id, kind, note, requested_by) values (o.id, 'tweak', note, null);
    update public.orders
    set cad_state = 'tweak_requested',
        stage_entered_at = stage_entered_at + coalesce(now() - stage_clock_paused_at, interval '0'),
        stage_clock_paused_at = null
    where id = o.id returning * into o;
    insert into public.order_events (order_id, kind, actor_id, from_stage, to_stage, note, data)
    values (o.id, 'cad_tweak_requested', null, o.stage, o.stage, note,
            who || jsonb_build_object('round', used + 1));

  else
    -- A request, not a recorded major change: the stage, design state and clock stay; the
    -- flag on the order (and so the board) tells the concierge to call the customer.
    update public.orders set customer_change_requested_at = now() where id = o.id returning * into o;
    insert into public.order_events (order_id, kind, actor_id, from_stage, to_stage, note, data)
    values (o.id, 'major_change_requested', null, o.stage, o.stage, note,
            who || jsonb_build_object('round', l.cad_round));
  end if;

  update public.review_links x
  set decided_at = now(), decision = p_decision::public.review_decision, decision_note = note
  where x.id = l.id
  returning * into l;
  return private.review_page_json(l);
end;
$$;

-- The storage policy's helper: the object paths of the round of the live CAD link whose token
-- is in the request header x-review-token (empty when there is none or it does not check out).
-- Read once per query by the policy.
create function review_access.review_token_files()
returns text[]
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  h jsonb;
  l public.review_links;
  page jsonb;
begin
  begin
    h := nullif(current_setting('request.headers', true), '')::jsonb;
  exception when others then
    return '{}';
  end;
  if h ->> 'x-review-token' is null then
    return '{}';
  end if;
  -- A client over its failed-try limit gets no files either.
  begin
    perform private.review_check_client(private.review_client_key());
  exception when sqlstate 'PT429' then
    return '{}';
  end;
  l := private.review_link_for(h ->> 'x-review-token');
  if l.id is null or l.kind <> 'cad_review' then
    return '{}';
  end if;
  page := private.review_page_json(l);
  return coalesce((select array_agg(f ->> 'path') from jsonb_array_elements(page -> 'cad' -> 'files') f
                   where f ->> 'bucket' = 'cad'), '{}');
end;
$$;

revoke all on function review_access.review_page(text), review_access.review_decide(text, text, text),
  review_access.review_token_files() from public;
grant execute on function review_access.review_page(text), review_access.review_decide(text, text, text),
  review_access.review_token_files() to anon, authenticated, service_role;

create function public.review_page(p_token text)
returns jsonb
language sql
volatile
security invoker
set search_path = ''
as $$ select review_access.review_page(p_token) $$;
comment on function public.review_page(text) is
  'The customer review page for a link token ({"status":"invalid"} for any token that does not open a live link). Call with POST.';

create function public.review_decide(p_token text, p_decision text, p_note text default null)
returns jsonb
language sql
volatile
security invoker
set search_path = ''
as $$ select review_access.review_decide(p_token, p_decision, p_note) $$;
comment on function public.review_decide(text, text, text) is
  'The customer''s decision on a CAD round through their link: approve, tweak or major_change (a request). Call with POST.';

revoke all on function public.review_page(text), public.review_decide(text, text, text) from public;
grant execute on function public.review_page(text), public.review_decide(text, text, text)
  to anon, authenticated, service_role;

-- The files of a live link's round, to anon, only with its token in x-review-token. Nothing else
-- in any bucket is visible to anon.
create policy "customers see the files of their review link"
  on storage.objects for select to anon
  -- (coalesce makes the subquery a value, an array, rather than a set to compare with.)
  using (bucket_id = 'cad' and name = any (coalesce((select review_access.review_token_files()), '{}'::text[])));
