-- The metal ledger (issue 9, "The metal ledger"): per order and production step, every issue of
-- metal to the bench and every return from it, weighed to 0.01 g, with the scrap and sprue
-- recovered kept apart. The database computes each step's loss (issued − returned − recovered)
-- and loss %, and flags a step whose loss is above the manager's norm for that metal and step.
-- A workshop reconciles its gold at day's end from this: metal on the floor (issued, not yet
-- returned) per alloy and per person, and the orders whose loss was flagged.
--
-- Rules (here, so they hold for every client, the bench tablet included):
--   * weights are positive and weighed to the hundredth of a gram;
--   * a step never gives back more than it was issued, plus a small per-step tolerance (scales
--     disagree by a few hundredths; solder added at reinforcement);
--   * entries are append-only: nobody updates or deletes one (the API roles lack the privilege, a
--     trigger refuses everyone else). A correction is a new entry that names the ORIGINAL entry
--     and says why; in every total the latest correction of an entry stands in for it (the
--     original and earlier corrections no longer count). Correcting to 0 g voids an entry logged
--     by mistake. So the ledger keeps every weight ever written and the totals stay simple;
--   * who and when are the signed-in person and the clock, never what the client sends;
--   * a step the manager marks as needing weights cannot be ticked done until it has an issue
--     and a return after it (trigger on production_steps, so record_production_step and the
--     board's direct update both honour it).
--
-- Refusal codes: LP140 weight not positive / not to 0.01 g, LP141 more returned than issued
-- (plus tolerance), LP142 the order is not in production or the step does not apply,
-- LP143 entries are append-only, LP144 a correction without a reason or of an unknown entry,
-- LP145 step needs weights before done; PT403 role, PT404 no such order.

create type public.metal_entry_kind as enum ('issue', 'return');
comment on type public.metal_entry_kind is
  'issue: metal handed to the bench for a step; return: the piece (and recovered scrap) handed back.';

-- Per step: does the step need weights before it is done, and how far a return may exceed
-- what was issued. Every step starts NOT needing weights so orders already on the floor keep
-- moving; the manager turns it on (casting first) in Settings.
create table public.production_step_settings (
  step public.production_step_kind primary key,
  needs_weights boolean not null default false,
  return_tolerance_grams numeric(6, 2) not null default 0.05
    constraint production_step_settings_tolerance_range check (return_tolerance_grams between 0 and 5),
  updated_at timestamptz not null default now(),
  updated_by uuid default auth.uid() references public.staff (id) on delete set null
);
comment on table public.production_step_settings is
  'Per production step: whether metal must be weighed out and back before it is done, and the return tolerance.';
create index production_step_settings_updated_by_idx on public.production_step_settings (updated_by);
insert into public.production_step_settings (step)
select s from unnest(enum_range(null::public.production_step_kind)) s;

-- The loss a step may show before it is flagged, per metal and step, as a percentage of the
-- metal issued. Loss here is what neither came back on the piece nor as recovered scrap/sprue.
create table public.metal_loss_norms (
  -- A single-column handle for one cell of the grid (the editor's row key, REST filters).
  id uuid not null default gen_random_uuid() constraint metal_loss_norms_id_key unique,
  metal public.metal not null,
  step public.production_step_kind not null,
  max_loss_pct numeric(5, 2) not null
    constraint metal_loss_norms_pct_range check (max_loss_pct between 0 and 100),
  updated_at timestamptz not null default now(),
  updated_by uuid default auth.uid() references public.staff (id) on delete set null,
  primary key (metal, step)
);
comment on table public.metal_loss_norms is
  'Manager-set loss norm (max % of issued metal lost) per metal and production step; a step above it is flagged.';
create index metal_loss_norms_updated_by_idx on public.metal_loss_norms (updated_by);

-- Default norms. Sources:
--   * Casting, gold: the issue's industry figure, casting yield for 18K yellow gold typically
--     91–95 % including recoverable sprue — so up to 9 % not returned is still typical; above it
--     is flagged. No separate figure for 14K or the white/rose alloys: the same norm applies.
--   * Casting, platinum: Frye & Donohue, "Platinum Casting Process Control" (Ganoksin,
--     https://www.ganoksin.com/article/platinum-casting-process-control/): a controlled platinum
--     process yields upwards of 95 % — platinum is held to 5 %.
--   * Forming (sawing, filing, sizing): ≈ 3 % (the issue's filing figure).
--   * Polishing: ≈ 1 % (the issue's figure).
--   * Hand-setting (seats cut, bright-cut): 0.5 %, and reinforcement (soldering, added shank):
--     1 % — house defaults, no published figure; managers tune them from their own ledger.
insert into public.metal_loss_norms (metal, step, max_loss_pct)
select m, s,
  case s
    when 'casting' then case when m = 'platinum' then 5.00 else 9.00 end
    when 'forming' then 3.00
    when 'polishing' then 1.00
    when 'hand_setting' then 0.50
    when 'reinforcement' then 1.00
  end
from unnest(enum_range(null::public.metal)) m, unnest(enum_range(null::public.production_step_kind)) s;

create table public.metal_entries (
  id uuid primary key default gen_random_uuid(),
  -- The order of writing: "the latest correction" and "a return after the last issue" read it
  -- (recorded_at is equal for entries written in one transaction).
  entry_no bigint generated always as identity unique,
  -- restrict: an order with metal history cannot be deleted (it is cancelled instead).
  order_id uuid not null references public.orders (id) on delete restrict,
  step public.production_step_kind not null,
  kind public.metal_entry_kind not null,
  -- The order's metal, copied when written (the alloy on the bench that day).
  metal public.metal not null,
  -- issue: grams issued; return: the piece's weight handed back.
  grams numeric(8, 2) not null constraint metal_entries_grams_not_negative check (grams >= 0),
  -- return only: scrap, sprue and filings recovered for refining.
  recovered_grams numeric(8, 2) not null default 0
    constraint metal_entries_recovered_not_negative check (recovered_grams >= 0),
  corrects_id uuid references public.metal_entries (id) on delete restrict,
  reason text constraint metal_entries_reason_length check (reason is null or char_length(reason) <= 500),
  recorded_by uuid not null default auth.uid() references public.staff (id) on delete restrict,
  recorded_at timestamptz not null default now(),
  constraint metal_entries_issue_recovers_nothing check (kind = 'return' or recovered_grams = 0),
  -- An original weighs something; only a correction may be 0 g (it voids the original).
  constraint metal_entries_original_positive check (corrects_id is not null or grams + recovered_grams > 0),
  constraint metal_entries_correction_has_reason check (
    corrects_id is null or char_length(btrim(coalesce(reason, ''))) > 0
  )
);
comment on table public.metal_entries is
  'Append-only metal ledger: each issue and return of metal per order and production step. Corrections are new entries.';
create index metal_entries_order_step_idx on public.metal_entries (order_id, step, entry_no);
create index metal_entries_corrects_id_idx on public.metal_entries (corrects_id);
create index metal_entries_recorded_by_idx on public.metal_entries (recorded_by);
create index metal_entries_recorded_at_idx on public.metal_entries (recorded_at);

-- Every check of a new entry, so a direct insert through the API obeys the same rules as the
-- functions below. security definer: it must read every entry of the step and take the lock
-- whatever the caller's rights; it only ever validates and stamps the row being written.
create function private.check_metal_entry()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  o public.orders;
  target public.metal_entries;
  tolerance numeric;
  issued numeric;
  handed_back numeric;
  step_label text;
begin
  -- Who and when: the signed-in person and the clock. Scripts and the seed (service_role, the
  -- owner) write history as it happened and must name the person themselves.
  if (select private.staff_role()) is not null then
    new.recorded_by := (select auth.uid());
    new.recorded_at := now();
  elsif new.recorded_by is null then
    raise exception using errcode = 'LP140', message = 'A ledger entry needs the person who weighed it.';
  end if;

  if new.corrects_id is not null then
    select * into target from public.metal_entries where id = new.corrects_id;
    if not found then
      raise exception using errcode = 'LP144', message = 'The entry to correct does not exist.';
    end if;
    -- A correction always names the original, so "the latest correction" is one chain.
    if target.corrects_id is not null then
      select * into target from public.metal_entries where id = target.corrects_id;
    end if;
    if char_length(btrim(coalesce(new.reason, ''))) = 0 then
      raise exception using errcode = 'LP144', message = 'Say why the weight is corrected.';
    end if;
    new.corrects_id := target.id;
    new.order_id := target.order_id;
    new.step := target.step;
    new.kind := target.kind;
    new.reason := btrim(new.reason);
  else
    new.reason := nullif(btrim(coalesce(new.reason, '')), '');
  end if;

  select * into o from public.orders where id = new.order_id;
  if not found then
    raise exception using errcode = 'PT404', message = 'That order does not exist.';
  end if;
  new.metal := o.metal;
  step_label := upper(left(new.step::text, 1)) || replace(substr(new.step::text, 2), '_', '-');

  if new.corrects_id is null then
    -- New metal goes out and comes back only while the piece is being made; a correction may
    -- come later (the day's-end count finds the mistake after the order moved on). Scripts and
    -- the seed write past production history of orders that have since moved on.
    if o.stage <> 'production' and (select private.staff_role()) is not null then
      raise exception using errcode = 'LP142',
        message = format('Order %s is not in production: metal is issued and returned only during production.', o.code);
    end if;
    if not exists (select 1 from public.production_steps s
                   where s.order_id = new.order_id and s.step = new.step and s.applicable) then
      raise exception using errcode = 'LP142',
        message = format('%s does not apply to order %s.', step_label, o.code);
    end if;
    if new.grams + new.recovered_grams <= 0 then
      raise exception using errcode = 'LP140', message = 'Enter a weight above 0 g.';
    end if;
  end if;
  if new.kind = 'issue' and new.recovered_grams <> 0 then
    raise exception using errcode = 'LP140', message = 'Recovered scrap is logged with a return, not an issue.';
  end if;

  -- One writer per order and step at a time, so two returns typed at once cannot both pass the
  -- check below.
  perform pg_advisory_xact_lock(hashtextextended('metal_entries:' || new.order_id::text || ':' || new.step::text, 0));

  select t.return_tolerance_grams into tolerance from public.production_step_settings t where t.step = new.step;
  with effective as (
    select distinct on (coalesce(e.corrects_id, e.id)) e.kind, e.grams, e.recovered_grams
    from public.metal_entries e
    where e.order_id = new.order_id and e.step = new.step
      and coalesce(e.corrects_id, e.id) is distinct from new.corrects_id
    order by coalesce(e.corrects_id, e.id), e.entry_no desc
  )
  select coalesce(sum(grams) filter (where kind = 'issue'), 0),
         coalesce(sum(grams + recovered_grams) filter (where kind = 'return'), 0)
  into issued, handed_back
  from effective;
  if new.kind = 'issue' then
    issued := issued + new.grams;
  else
    handed_back := handed_back + new.grams + new.recovered_grams;
  end if;
  if handed_back > issued + coalesce(tolerance, 0) then
    raise exception using errcode = 'LP141',
      message = format('%s of order %s would give back %s g but only %s g was issued. Check the scale, or log the metal issued first.',
                       step_label, o.code, to_char(handed_back, 'FM999990.00'), to_char(issued, 'FM999990.00'));
  end if;
  return new;
end;
$$;
revoke all on function private.check_metal_entry() from public;

create trigger metal_entries_check
  before insert on public.metal_entries
  for each row execute function private.check_metal_entry();

create function private.refuse_metal_entry_change()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  raise exception using
    errcode = 'LP143',
    message = 'Ledger entries cannot be changed or deleted.',
    hint = 'Log a correction that says why instead.';
end;
$$;
revoke all on function private.refuse_metal_entry_change() from public;

create trigger metal_entries_append_only
  before update or delete on public.metal_entries
  for each row execute function private.refuse_metal_entry_change();
create trigger metal_entries_no_truncate
  before truncate on public.metal_entries
  for each statement execute function private.refuse_metal_entry_change();

-- A step that needs weights is done only once its metal went out and came back.
create function private.require_step_weights()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  last_issue bigint;
  last_return bigint;
begin
  if (select private.staff_role()) is null then
    return new;
  end if;
  if not exists (select 1 from public.production_step_settings t where t.step = new.step and t.needs_weights) then
    return new;
  end if;
  with effective as (
    select distinct on (coalesce(e.corrects_id, e.id)) coalesce(e.corrects_id, e.id) as root_id,
           e.kind, e.grams, e.recovered_grams
    from public.metal_entries e
    where e.order_id = new.order_id and e.step = new.step
    order by coalesce(e.corrects_id, e.id), e.entry_no desc
  )
  select max(r.entry_no) filter (where f.kind = 'issue' and f.grams > 0),
         max(r.entry_no) filter (where f.kind = 'return' and f.grams + f.recovered_grams > 0)
  into last_issue, last_return
  from effective f join public.metal_entries r on r.id = f.root_id;
  if last_issue is null or last_return is null or last_return < last_issue then
    raise exception using errcode = 'LP145',
      message = format('Log the %s weights first: the metal issued and what came back.',
                       replace(new.step::text, '_', '-'));
  end if;
  return new;
end;
$$;
revoke all on function private.require_step_weights() from public;

create trigger production_steps_weights_logged
  before update of done_at on public.production_steps
  for each row
  when (new.done_at is not null and old.done_at is null)
  execute function private.require_step_weights();

alter table public.production_step_settings enable row level security;
alter table public.metal_loss_norms enable row level security;
alter table public.metal_entries enable row level security;

revoke all on table public.production_step_settings, public.metal_loss_norms from anon;
-- The grids are fixed by the enums: managers edit values, never add or remove rows.
revoke insert, delete on table public.production_step_settings, public.metal_loss_norms from authenticated;

revoke all on table public.metal_entries from anon, authenticated, service_role;
grant select on table public.metal_entries to authenticated;
grant insert (order_id, step, kind, grams, recovered_grams, corrects_id, reason) on table public.metal_entries to authenticated;
grant select, insert on table public.metal_entries to service_role;

create policy "staff see step weighing settings"
  on public.production_step_settings for select to authenticated
  using ((select private.staff_role()) is not null);
create policy "managers set step weighing settings"
  on public.production_step_settings for update to authenticated
  using ((select private.staff_role()) = 'manager')
  with check ((select private.staff_role()) = 'manager');

create policy "staff see metal loss norms"
  on public.metal_loss_norms for select to authenticated
  using ((select private.staff_role()) is not null);
create policy "managers set metal loss norms"
  on public.metal_loss_norms for update to authenticated
  using ((select private.staff_role()) = 'manager')
  with check ((select private.staff_role()) = 'manager');

create policy "staff read the metal ledger"
  on public.metal_entries for select to authenticated
  using ((select private.staff_role()) is not null);
create policy "workshop and managers log metal"
  on public.metal_entries for insert to authenticated
  with check ((select private.staff_role()) in ('workshop', 'manager'));

-- Per order and production step, the ledger's totals with corrections applied. A step is
-- "open" while metal issued after its latest return is still out (that balance is on the floor,
-- held by whoever took the latest issue), "closed" once a return follows the last issue (the
-- balance is the step's loss), "none" before any weight is logged.
create view public.metal_ledger_steps
with (security_invoker = true)
as
with effective as (
  select distinct on (coalesce(e.corrects_id, e.id)) coalesce(e.corrects_id, e.id) as root_id,
         e.order_id, e.step, e.kind, e.grams, e.recovered_grams, e.recorded_at
  from public.metal_entries e
  order by coalesce(e.corrects_id, e.id), e.entry_no desc
),
per_step as (
  select f.order_id, f.step,
         coalesce(sum(f.grams) filter (where f.kind = 'issue'), 0) as issued_grams,
         coalesce(sum(f.grams) filter (where f.kind = 'return'), 0) as returned_grams,
         coalesce(sum(f.recovered_grams) filter (where f.kind = 'return'), 0) as recovered_grams,
         max(r.entry_no) filter (where f.kind = 'issue' and f.grams > 0) as last_issue_no,
         max(r.entry_no) filter (where f.kind = 'return' and f.grams + f.recovered_grams > 0) as last_return_no,
         max(f.recorded_at) as last_entry_at
  from effective f
  join public.metal_entries r on r.id = f.root_id
  group by f.order_id, f.step
),
shaped as (
  select p.*,
         p.issued_grams - p.returned_grams - p.recovered_grams as balance_grams,
         case
           when p.last_issue_no is not null and (p.last_return_no is null or p.last_issue_no > p.last_return_no) then 'open'
           when p.last_return_no is not null then 'closed'
           else 'none'
         end as status
  from per_step p
)
select s.order_id,
       o.code as order_code,
       o.metal,
       s.step,
       s.applicable,
       coalesce(t.needs_weights, false) as needs_weights,
       s.done_at,
       coalesce(x.issued_grams, 0)::numeric(10, 2) as issued_grams,
       coalesce(x.returned_grams, 0)::numeric(10, 2) as returned_grams,
       coalesce(x.recovered_grams, 0)::numeric(10, 2) as recovered_grams,
       coalesce(x.balance_grams, 0)::numeric(10, 2) as balance_grams,
       coalesce(x.status, 'none') as status,
       case when x.status = 'open' then x.balance_grams end::numeric(10, 2) as on_floor_grams,
       case when x.status = 'closed' then x.balance_grams end::numeric(10, 2) as loss_grams,
       case when x.status = 'closed' and x.issued_grams > 0
            then round(x.balance_grams / x.issued_grams * 100, 2) end::numeric(6, 2) as loss_pct,
       n.max_loss_pct as norm_pct,
       coalesce(x.status = 'closed' and x.issued_grams > 0
                and round(x.balance_grams / x.issued_grams * 100, 2) > n.max_loss_pct, false) as flagged,
       h.recorded_by as held_by,
       st.display_name as held_by_name,
       x.last_entry_at,
       -- When the step's loss became final: the return that closed it.
       case when x.status = 'closed' then c.recorded_at end as closed_at
from public.production_steps s
join public.orders o on o.id = s.order_id
left join shaped x on x.order_id = s.order_id and x.step = s.step
left join public.production_step_settings t on t.step = s.step
left join public.metal_loss_norms n on n.metal = o.metal and n.step = s.step
left join public.metal_entries h on h.entry_no = x.last_issue_no
left join public.staff st on st.id = h.recorded_by
left join public.metal_entries c on c.entry_no = x.last_return_no;
comment on view public.metal_ledger_steps is
  'Per order and production step: issued, returned, recovered, loss, loss %, the norm and whether the loss is flagged.';

-- Day's end: metal issued and not yet returned, per alloy and per person holding it.
create view public.metal_on_floor
with (security_invoker = true)
as
select l.metal,
       l.held_by,
       l.held_by_name,
       sum(l.on_floor_grams)::numeric(10, 2) as grams,
       count(*)::integer as open_steps
from public.metal_ledger_steps l
where l.status = 'open'
group by l.metal, l.held_by, l.held_by_name;
comment on view public.metal_on_floor is
  'Metal on the floor now (issued, not yet returned), per alloy and per person who took it.';

create function public.record_metal_issue(
  p_order_id uuid,
  p_step public.production_step_kind,
  p_grams numeric
)
returns public.metal_entries
language plpgsql
security invoker
set search_path = ''
as $$
declare
  e public.metal_entries;
begin
  perform private.require_metal_writer();
  perform private.require_hundredths(p_grams, 'issued');
  insert into public.metal_entries (order_id, step, kind, grams)
  values (p_order_id, p_step, 'issue', p_grams)
  returning * into e;
  return e;
end;
$$;

create function public.record_metal_return(
  p_order_id uuid,
  p_step public.production_step_kind,
  p_returned_grams numeric,
  p_recovered_grams numeric default 0
)
returns public.metal_entries
language plpgsql
security invoker
set search_path = ''
as $$
declare
  e public.metal_entries;
begin
  perform private.require_metal_writer();
  perform private.require_hundredths(p_returned_grams, 'returned');
  perform private.require_hundredths(coalesce(p_recovered_grams, 0), 'recovered');
  insert into public.metal_entries (order_id, step, kind, grams, recovered_grams)
  values (p_order_id, p_step, 'return', p_returned_grams, coalesce(p_recovered_grams, 0))
  returning * into e;
  return e;
end;
$$;

create function public.correct_metal_entry(
  p_entry_id uuid,
  p_grams numeric,
  p_recovered_grams numeric default 0,
  p_reason text default null
)
returns public.metal_entries
language plpgsql
security invoker
set search_path = ''
as $$
declare
  e public.metal_entries;
begin
  perform private.require_metal_writer();
  perform private.require_hundredths(p_grams, 'corrected');
  perform private.require_hundredths(coalesce(p_recovered_grams, 0), 'recovered');
  if char_length(btrim(coalesce(p_reason, ''))) = 0 then
    raise exception using errcode = 'LP144', message = 'Say why the weight is corrected.';
  end if;
  -- order_id/step/kind are taken from the corrected entry by the trigger; these are placeholders
  -- the not-null columns need.
  insert into public.metal_entries (order_id, step, kind, grams, recovered_grams, corrects_id, reason)
  select m.order_id, m.step, m.kind, p_grams, coalesce(p_recovered_grams, 0), m.id, p_reason
  from public.metal_entries m where m.id = p_entry_id
  returning * into e;
  if e.id is null then
    raise exception using errcode = 'LP144', message = 'The entry to correct does not exist.';
  end if;
  return e;
end;
$$;

-- A plain refusal for roles that may not log metal (RLS alone would answer "permission denied").
create function private.require_metal_writer()
returns void
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  if (select private.staff_role()) is null or (select private.staff_role()) not in ('workshop', 'manager') then
    raise exception using errcode = 'PT403', message = 'Only the workshop or a manager can log metal weights.';
  end if;
end;
$$;

-- numeric(8,2) would round 1.005 g silently; a scale reads to 0.01 g, so more digits are a typo.
create function private.require_hundredths(p_grams numeric, p_what text)
returns void
language plpgsql
immutable
security invoker
set search_path = ''
as $$
begin
  if p_grams is null or p_grams < 0 then
    raise exception using errcode = 'LP140', message = format('Enter the grams %s as 0 g or more.', p_what);
  end if;
  if p_grams <> round(p_grams, 2) then
    raise exception using errcode = 'LP140', message = 'Weigh to the hundredth of a gram (two decimals).';
  end if;
  if p_grams >= 1000000 then
    raise exception using errcode = 'LP140', message = 'That weight is too large for one entry.';
  end if;
end;
$$;

revoke all on function private.require_metal_writer() from public;
revoke all on function private.require_hundredths(numeric, text) from public;
grant execute on function private.require_metal_writer() to authenticated, service_role;
grant execute on function private.require_hundredths(numeric, text) to authenticated, service_role;

comment on function public.record_metal_issue(uuid, public.production_step_kind, numeric) is
  'Logs metal issued to the bench for one step of an order (by the signed-in person, now).';
comment on function public.record_metal_return(uuid, public.production_step_kind, numeric, numeric) is
  'Logs the piece returned from a step and the scrap/sprue recovered; refused above what was issued plus tolerance.';
comment on function public.correct_metal_entry(uuid, numeric, numeric, text) is
  'Logs a correction of an entry (a new entry; the latest correction replaces the original in totals).';
revoke all on function public.record_metal_issue(uuid, public.production_step_kind, numeric) from public, anon;
revoke all on function public.record_metal_return(uuid, public.production_step_kind, numeric, numeric) from public, anon;
revoke all on function public.correct_metal_entry(uuid, numeric, numeric, text) from public, anon;
grant execute on function public.record_metal_issue(uuid, public.production_step_kind, numeric) to authenticated, service_role;
grant execute on function public.record_metal_return(uuid, public.production_step_kind, numeric, numeric) to authenticated, service_role;
grant execute on function public.correct_metal_entry(uuid, numeric, numeric, text) to authenticated, service_role;

-- The loss section of the analytics page: per week (on the house's calendar, weeks start on
-- Monday) × step × metal × person who held the metal, the steps closed in the range, the metal
-- they were issued, what they lost and how many were flagged; and the flagged steps themselves.
-- The page pivots the rows by step, by metal or by person. Managers only (PT403), like
-- analytics_report; security invoker, so RLS applies underneath.
create function public.metal_loss_report(p_from date, p_to date)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  tz text;
  lo timestamptz;
  hi timestamptz;
  report jsonb;
begin
  if current_user not in ('service_role', 'postgres')
     and (select private.staff_role()) is distinct from 'manager' then
    raise exception using errcode = 'PT403', message = 'Only managers can see the metal loss report.';
  end if;
  if p_from is null or p_to is null or p_to < p_from then
    raise exception using errcode = 'LP064',
      message = 'Choose a date range whose end is on or after its start.';
  end if;
  if p_to - p_from > 731 then
    raise exception using errcode = 'LP064', message = 'Choose a date range of at most two years.';
  end if;
  select w.timezone into tz from public.workshop_settings w;
  lo := p_from::timestamp at time zone tz;
  hi := (p_to + 1)::timestamp at time zone tz;

  with closed as materialized (
    select l.*, date_trunc('week', l.closed_at at time zone tz)::date as week
    from public.metal_ledger_steps l
    where l.status = 'closed' and l.closed_at >= lo and l.closed_at < hi
  )
  select jsonb_build_object(
    'from', p_from,
    'to', p_to,
    'rows', coalesce((
      select jsonb_agg(jsonb_build_object(
               'week', g.week, 'step', g.step, 'metal', g.metal,
               'person_id', g.held_by, 'person_name', g.held_by_name,
               'closed_steps', g.closed_steps, 'issued_grams', g.issued_grams,
               'loss_grams', g.loss_grams, 'flagged_steps', g.flagged_steps)
             order by g.week, g.step, g.metal, g.held_by_name)
      from (
        select c.week, c.step, c.metal, c.held_by, c.held_by_name,
               count(*) as closed_steps,
               sum(c.issued_grams) as issued_grams,
               sum(c.loss_grams) as loss_grams,
               count(*) filter (where c.flagged) as flagged_steps
        from closed c
        group by c.week, c.step, c.metal, c.held_by, c.held_by_name
      ) g), '[]'::jsonb),
    'flagged', coalesce((
      select jsonb_agg(jsonb_build_object(
               'order_id', c.order_id, 'order_code', c.order_code, 'step', c.step,
               'metal', c.metal, 'issued_grams', c.issued_grams, 'loss_grams', c.loss_grams,
               'loss_pct', c.loss_pct, 'norm_pct', c.norm_pct,
               'person_name', c.held_by_name, 'closed_at', c.closed_at)
             order by c.closed_at desc)
      from closed c where c.flagged), '[]'::jsonb)
  ) into report;
  return report;
end;
$$;
comment on function public.metal_loss_report(date, date) is
  'Metal loss per week, step, metal and person for steps closed in a date range, and the flagged steps (managers).';
revoke all on function public.metal_loss_report(date, date) from public, anon;
grant execute on function public.metal_loss_report(date, date) to authenticated, service_role;

-- The workspace's ledger panel and the floor page follow entries live.
alter publication supabase_realtime add table public.metal_entries;
