-- The house's CAD promise (24–48 h after full payment) counts the house's time only: while a
-- design is with the customer the stage clock is stopped (orders.stage_clock_paused_at, from
-- 20261123103000). The read paths now read time in stage up to the pause instead of now():
-- order_board, order_list and analytics_report's ageing list. While here, order_board takes
-- the set-wise shape order_list has (holidays once per query, CAD rounds and QC progress
-- aggregated once for the whole set) instead of a sub-query per card, and judges "late" on the
-- workshop's calendar day like order_list, and gains stage_clock_paused_at as its last column:
-- the board recomputes time in stage each minute with the same arithmetic
-- (src/lib/business-days.ts), and a stopped clock must not tick. Other columns are unchanged.

create or replace view public.order_board
with (security_invoker = true)
as
select
  o.id,
  o.code,
  o.stage,
  o.cad_state,
  o.version,
  o.priority,
  o.product,
  o.product_name,
  o.metal,
  o.has_certified_stones,
  c.display_name as customer_display_name,
  o.stage_entered_at,
  e.elapsed as time_in_stage,
  st.sla_unit,
  st.sla_amber_after,
  st.sla_red_after,
  case
    when st.sla_unit is null then null
    when e.elapsed > st.sla_red_after then 'red'
    when e.elapsed > st.sla_amber_after then 'amber'
    else 'green'
  end as sla_status,
  o.promised_date,
  o.promised_date is not null and o.promised_date < d.today and o.stage not in ('delivered', 'cancelled') as is_late,
  coalesce(r.rounds, 0) as cad_rounds_used,
  2 as cad_rounds_max,
  q.qc_attempt,
  q.qc_items_passed,
  q.qc_items_total,
  coalesce(i.risk_flags, '{}') as risk_flags,
  o.assignee_id,
  a.display_name as assignee_name,
  o.on_hold_reason,
  o.resume_stage,
  o.updated_at,
  coalesce(rw.rework_count, 0) as rework_count,
  -- Appended last (create or replace view only adds columns at the end): when the stage clock
  -- stopped, so a client can keep time in stage ticking between reads exactly as above.
  o.stage_clock_paused_at
from public.orders o
join public.customers c on c.id = o.customer_id
join public.stage_settings st on st.stage = o.stage
cross join public.workshop_settings w
-- Weekday holidays in date order, once per query: width_bucket(day, days) counts those <= day.
cross join (
  select coalesce(array_agg(h.day order by h.day), '{}') as days
  from public.holidays h
  where extract(isodow from h.day) < 6
) hol
-- The stage clock stops while the house waits on the customer (stage_clock_paused_at).
cross join lateral (
  select coalesce(o.stage_clock_paused_at, now()) as clock_at,
         (o.stage_entered_at at time zone w.timezone)::date as from_day,
         (coalesce(o.stage_clock_paused_at, now()) at time zone w.timezone)::date as to_day,
         (now() at time zone w.timezone)::date as today
) d
-- Time in stage in the stage's unit, the same arithmetic as public.stage_elapsed(), inline so
-- the planner evaluates it set-wise (functions with a fixed search_path are never inlined).
cross join lateral (
  select case st.sla_unit
    when 'hours' then round((extract(epoch from (d.clock_at - o.stage_entered_at)) / 3600)::numeric, 2)
    when 'days' then round((extract(epoch from (d.clock_at - o.stage_entered_at)) / 86400)::numeric, 2)
    when 'business_days' then (
      public.weekdays_between(d.from_day, d.to_day)
      - (width_bucket(d.to_day, hol.days) - width_bucket(d.from_day, hol.days)))::numeric
  end as elapsed
) e
left join public.intake_requests i on i.id = o.intake_request_id
left join public.staff a on a.id = o.assignee_id
-- CAD tweak rounds and the open QC run's progress, each aggregated once for the whole set.
left join (
  select cr.order_id, count(*)::integer as rounds
  from public.cad_revisions cr
  where cr.kind = 'tweak'
  group by cr.order_id
) r on r.order_id = o.id
left join (
  select qr.order_id, qr.attempt as qc_attempt,
         count(*) filter (where it.result = 'pass')::integer as qc_items_passed,
         count(*)::integer as qc_items_total
  from public.qc_runs qr
  join public.qc_run_items it on it.run_id = qr.id
  where qr.status = 'in_progress'
  group by qr.order_id, qr.attempt
) q on q.order_id = o.id
-- Failed QC runs per order, aggregated once for the whole set (not a sub-query per card).
left join (
  select f.order_id, count(*)::integer as rework_count
  from public.qc_runs f
  where f.status = 'failed'
  group by f.order_id
) rw on rw.order_id = o.id;

create or replace view public.order_list
with (security_invoker = true)
as
select
  o.id,
  o.code,
  -- LP-YYYY-NNNN sorts by year, then number (as text, LP-2026-10000 would sort before -9999).
  split_part(o.code, '-', 2)::bigint * 1000000000 + split_part(o.code, '-', 3)::bigint as code_sort,
  o.stage,
  o.product,
  o.product_name,
  o.metal,
  o.priority,
  o.customer_id,
  c.display_name as customer_display_name,
  o.stage_entered_at,
  -- Time in stage in the stage's SLA unit (days where the stage has no clock), the same
  -- arithmetic as public.stage_elapsed() and the board.
  e.elapsed as time_in_stage,
  e.unit as time_in_stage_unit,
  case
    when st.sla_unit is null then null
    when e.elapsed > st.sla_red_after then 'red'
    when e.elapsed > st.sla_amber_after then 'amber'
    else 'green'
  end as sla_status,
  -- For sorting by SLA: no clock, green, amber, red.
  case
    when st.sla_unit is null then 0
    when e.elapsed > st.sla_red_after then 3
    when e.elapsed > st.sla_amber_after then 2
    else 1
  end as sla_rank,
  o.promised_date,
  o.promised_date is not null and o.promised_date < d.to_day
    and o.stage not in ('delivered', 'cancelled') as is_late,
  o.assignee_id,
  a.display_name as assignee_name,
  o.paid_at,
  -- Dates on the house's calendar, so "created 1–31 March" means the workshop's March.
  (o.paid_at at time zone w.timezone)::date as paid_on,
  coalesce(r.rounds, 0) as cad_rounds_used,
  o.created_at,
  (o.created_at at time zone w.timezone)::date as created_on
from public.orders o
-- Left joins on unique keys that always match (customer_id is a not-null foreign key; every
-- stage has its settings row): a count or filter that needs neither table skips the join.
left join public.customers c on c.id = o.customer_id
left join public.stage_settings st on st.stage = o.stage
cross join public.workshop_settings w
-- Weekday holidays in date order, once per query: width_bucket(day, days) counts those <= day.
cross join (
  select coalesce(array_agg(h.day order by h.day), '{}') as days
  from public.holidays h
  where extract(isodow from h.day) < 6
) hol
-- The stage clock stops while the house waits on the customer (stage_clock_paused_at).
cross join lateral (
  select coalesce(o.stage_clock_paused_at, now()) as clock_at,
         (o.stage_entered_at at time zone w.timezone)::date as from_day,
         (coalesce(o.stage_clock_paused_at, now()) at time zone w.timezone)::date as clock_day,
         (now() at time zone w.timezone)::date as to_day
) d
cross join lateral (
  select coalesce(st.sla_unit, 'days') as unit,
         case coalesce(st.sla_unit, 'days')
           when 'hours' then round((extract(epoch from (d.clock_at - o.stage_entered_at)) / 3600)::numeric, 2)
           when 'days' then round((extract(epoch from (d.clock_at - o.stage_entered_at)) / 86400)::numeric, 2)
           when 'business_days' then (
             public.weekdays_between(d.from_day, d.clock_day)
             - (width_bucket(d.clock_day, hol.days) - width_bucket(d.from_day, hol.days)))::numeric
         end as elapsed
) e
left join public.staff a on a.id = o.assignee_id
left join (
  select cr.order_id, count(*)::integer as rounds
  from public.cad_revisions cr
  where cr.kind = 'tweak'
  group by cr.order_id
) r on r.order_id = o.id;

create or replace function public.analytics_report(
  p_from date,
  p_to date,
  p_product public.product_base default null
)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
-- The stays window sorts every stage event of the chosen orders (≈60,000 for a year of 10,000
-- orders); with Postgres's default 4 MB it spilled to disk.
set work_mem = '32MB'
as $$
declare
  tz text;
  lo timestamptz;
  hi timestamptz;
  today date;
  report jsonb;
begin
  -- The database owner and service_role (benchmarks' direct-SQL reference, scripts) may read it
  -- too; among staff, managers only.
  if current_user not in ('service_role', 'postgres')
     and (select private.staff_role()) is distinct from 'manager' then
    raise exception using errcode = 'PT403', message = 'Only managers can see analytics.';
  end if;
  if p_from is null or p_to is null or p_to < p_from then
    raise exception using errcode = 'LP064',
      message = 'Choose a date range whose end is on or after its start.';
  end if;
  if p_to - p_from > 731 then
    raise exception using errcode = 'LP064', message = 'Choose a date range of at most two years.';
  end if;

  select w.timezone into tz from public.workshop_settings w;
  -- The range is whole days on the house's calendar: from p_from 00:00 to the end of p_to.
  lo := p_from::timestamp at time zone tz;
  hi := (p_to + 1)::timestamp at time zone tz;
  today := (now() at time zone tz)::date;

  with
  -- Every stay of the chosen orders in a stage, as the log stood at the end of the range
  -- (a stay still open then has no left_at). As public.order_stage_stays, restricted before the
  -- window so the product filter and the range cut the work — with one difference: the stage of
  -- a stay is what the next event says the order left (its from_stage), falling back to what
  -- this event entered. They agree in a consistent log; where an order row was written straight
  -- into a later stage (the demo seed and imports do), its "created" event names that later
  -- stage while the history that follows starts from intake, and the next event is right.
  stays as materialized (
    select e.order_id,
           coalesce(lead(e.from_stage) over w, e.to_stage) as stage,
           e.at as entered_at,
           lead(e.at) over w as left_at,
           lead(e.to_stage) over w as next_stage
    from public.order_events e
    join public.orders o on o.id = e.order_id
    where e.kind in ('stage_changed', 'created', 'major_change') and e.to_stage is not null
      and e.at < hi
      and (p_product is null or o.product = p_product)
    window w as (partition by e.order_id order by e.at, e.id)
  ),
  -- Stays that ended inside the range, in a timed stage: what turnaround and breaches measure.
  ended as materialized (
    select s.order_id, s.stage, s.entered_at, s.left_at,
           (s.entered_at at time zone tz)::date as from_day,
           (s.left_at at time zone tz)::date as to_day,
           st.sla_unit, st.sla_amber_after, st.sla_red_after
    from stays s
    join public.stage_settings st on st.stage = s.stage
    where s.left_at >= lo and s.left_at < hi
      and s.stage in ('cad', 'production', 'qc', 'shipping')
      and st.sla_unit is not null
  ),
  -- Orders open now in a timed stage, for the ageing list.
  open_orders as materialized (
    select o.id, o.code, o.stage, o.product_name, o.customer_id, o.stage_entered_at,
           o.stage_clock_paused_at, o.promised_date, (o.stage_entered_at at time zone tz)::date as from_day,
           st.sla_unit, st.sla_amber_after, st.sla_red_after
    from public.orders o
    join public.stage_settings st on st.stage = o.stage
    where o.stage in ('intake', 'cad', 'production', 'qc', 'shipping')
      and (p_product is null or o.product = p_product)
  ),
  -- One running count of business days covering every day either needs (see
  -- public.business_calendar): the business days between two dates are a difference.
  calendar as materialized (
    select c.day, c.business_day_no
    from public.business_calendar(
      least((select min(x.from_day) from ended x), (select min(x.from_day) from open_orders x), p_from),
      greatest(today, p_to)
    ) c
  ),
  measured as (
    select x.order_id, x.stage, x.to_day, x.sla_unit, x.sla_amber_after, x.sla_red_after,
           case x.sla_unit
             when 'hours' then extract(epoch from (x.left_at - x.entered_at)) / 3600
             when 'days' then extract(epoch from (x.left_at - x.entered_at)) / 86400
             when 'business_days' then ct.business_day_no - cf.business_day_no
           end as in_unit
    from ended x
    join calendar cf on cf.day = x.from_day
    join calendar ct on ct.day = x.to_day
  ),
  timed_stages as (
    select st.stage, st.sla_unit, st.sla_amber_after, st.sla_red_after
    from public.stage_settings st
    where st.stage in ('cad', 'production', 'qc', 'shipping') and st.sla_unit is not null
  ),
  turnaround as (
    select ts.stage, ts.sla_unit, ts.sla_amber_after, ts.sla_red_after,
           count(m.in_unit)::integer as stays,
           round(percentile_cont(0.5) within group (order by m.in_unit)::numeric, 1) as median,
           round(percentile_cont(0.9) within group (order by m.in_unit)::numeric, 1) as p90,
           (count(*) filter (where m.in_unit > ts.sla_red_after))::integer as breached
    from timed_stages ts
    left join measured m on m.stage = ts.stage
    group by ts.stage, ts.sla_unit, ts.sla_amber_after, ts.sla_red_after
  ),
  -- End to end: each delivery in the range, from the order's last payment before it (a major
  -- change re-quotes and restarts the promise from the new payment).
  deliveries as (
    select s.order_id, s.entered_at as delivered_at
    from stays s
    where s.stage = 'delivered' and s.entered_at >= lo and s.entered_at < hi
  ),
  end_to_end as (
    select d.order_id, extract(epoch from (d.delivered_at - max(e.at))) / 86400 as days
    from deliveries d
    join public.order_events e
      on e.order_id = d.order_id and e.kind = 'payment_recorded' and e.at <= d.delivered_at
    group by d.order_id, d.delivered_at
  ),
  weeks as (
    select g::date as week, least(g::date + 6, p_to) as last_day
    from generate_series(date_trunc('week', p_from), date_trunc('week', p_to), interval '1 week') g
  ),
  weekly_breaches as (
    select wk.week, ts.stage,
           count(m.in_unit)::integer as exits,
           (count(*) filter (where m.in_unit > ts.sla_red_after))::integer as breached
    from weeks wk
    cross join timed_stages ts
    left join measured m on m.stage = ts.stage and date_trunc('week', m.to_day)::date = wk.week
    group by wk.week, ts.stage
  ),
  -- Cumulative flow: +1 on the day a stay starts, -1 on the day it ends; the count at the end of
  -- each day is the opening stock plus the running sum. Delivered counts only deliveries made
  -- in the range (all-time deliveries would dwarf every other band).
  deltas as (
    select (s.entered_at at time zone tz)::date as day, s.stage, 1 as delta
    from stays s where s.stage <> 'cancelled'
    union all
    select (s.left_at at time zone tz)::date, s.stage, -1
    from stays s where s.left_at is not null and s.stage <> 'cancelled'
  ),
  per_day as (
    select d.day, d.stage, sum(d.delta) as delta
    from deltas d
    where d.day <= p_to and (d.stage <> 'delivered' or d.day >= p_from)
    group by d.day, d.stage
  ),
  opening as (
    select p.stage, sum(p.delta) as orders from per_day p where p.day < p_from group by p.stage
  ),
  flow_stages as (
    select u.stage, u.n
    from unnest(array['intake', 'awaiting_payment', 'cad', 'production', 'qc', 'shipping', 'on_hold',
                      'delivered']::public.order_stage[]) with ordinality u(stage, n)
  ),
  cumulative_flow as (
    select g.day, fs.stage, fs.n,
           (coalesce(o.orders, 0) + sum(coalesce(p.delta, 0)) over (partition by fs.stage order by g.day))::integer
             as orders
    from (select g::date as day from generate_series(p_from, p_to, interval '1 day') g) g
    cross join flow_stages fs
    left join per_day p on p.day = g.day and p.stage = fs.stage
    left join opening o on o.stage = fs.stage
  ),
  weekly_wip as (
    select wk.week, coalesce(sum(cf.orders), 0)::integer as wip
    from weeks wk
    left join cumulative_flow cf
      on cf.day = wk.last_day and cf.stage in ('cad', 'production', 'qc', 'shipping')
    group by wk.week
  ),
  weekly_delivered as (
    select wk.week, count(d.order_id)::integer as delivered
    from weeks wk
    left join deliveries d on date_trunc('week', (d.delivered_at at time zone tz))::date = wk.week
    group by wk.week
  ),
  -- Intake: requests received in the range. A request counts against the promise once it was
  -- confirmed or its 2 h have run out unconfirmed (declined ones that were never confirmed do
  -- not: there was nothing to confirm).
  requests as (
    select i.assigned_stylist_id,
           extract(epoch from (i.confirmed_at - i.received_at)) / 60 as minutes,
           i.confirmed_at is not null
             or (i.status <> 'declined' and now() >= i.received_at + interval '2 hours') as due
    from public.intake_requests i
    where i.received_at >= lo and i.received_at < hi
      and (p_product is null or i.base = p_product)
  ),
  intake_by_stylist as (
    select r.assigned_stylist_id, s.display_name,
           count(*)::integer as requests,
           (count(*) filter (where r.due))::integer as due,
           (count(*) filter (where r.minutes <= 120))::integer as within_2h,
           round(percentile_cont(0.5) within group (order by r.minutes)::numeric, 0) as median_minutes
    from requests r
    left join public.staff s on s.id = r.assigned_stylist_id
    group by r.assigned_stylist_id, s.display_name
  ),
  intake_total as (
    select count(*)::integer as requests,
           (count(*) filter (where r.due))::integer as due,
           (count(*) filter (where r.minutes <= 120))::integer as within_2h,
           round(percentile_cont(0.5) within group (order by r.minutes)::numeric, 0) as median_minutes
    from requests r
  ),
  -- CAD: the orders whose design was approved in the range, by tweak rounds used.
  approved as (
    select distinct e.order_id
    from public.order_events e
    join public.orders o on o.id = e.order_id
    where e.kind = 'cad_approved' and e.at >= lo and e.at < hi
      and (p_product is null or o.product = p_product)
  ),
  rounds_used as (
    select a.order_id, least(count(r.id), 2)::integer as rounds
    from approved a
    left join public.cad_revisions r on r.order_id = a.order_id and r.kind = 'tweak'
    group by a.order_id
  ),
  cad_rounds as (
    select n.rounds, count(r.order_id)::integer as orders
    from (values (0), (1), (2)) n(rounds)
    left join rounds_used r on r.rounds = n.rounds
    group by n.rounds
  ),
  major_changes as (
    select count(*)::integer as changes, count(distinct e.order_id)::integer as orders
    from public.order_events e
    join public.orders o on o.id = e.order_id
    where e.kind = 'major_change' and e.at >= lo and e.at < hi
      and (p_product is null or o.product = p_product)
  ),
  -- QC: runs finished in the range. First-pass yield is over first attempts only.
  runs as materialized (
    select r.id, r.attempt, r.status
    from public.qc_runs r
    join public.orders o on o.id = r.order_id
    where r.finished_at >= lo and r.finished_at < hi and r.status <> 'in_progress'
      and (p_product is null or o.product = p_product)
  ),
  failures as (
    select it.label, count(*)::integer as failures
    from runs r
    join public.qc_run_items it on it.run_id = r.id
    where it.result = 'fail'
    group by it.label
  ),
  ageing as materialized (
    select a.code, a.stage, a.product_name, c.display_name as customer, a.stage_entered_at,
           a.promised_date, a.sla_unit, round(a.elapsed, 1) as elapsed,
           case when a.elapsed > a.sla_red_after or a.promised_date < today then 'late' else 'at_risk' end
             as status
    from (
      -- Time in stage in the stage's unit, the same arithmetic as public.order_board.
      select oo.*,
             case oo.sla_unit
               when 'hours' then extract(epoch from (coalesce(oo.stage_clock_paused_at, now()) - oo.stage_entered_at)) / 3600
               when 'days' then extract(epoch from (coalesce(oo.stage_clock_paused_at, now()) - oo.stage_entered_at)) / 86400
               when 'business_days' then (ct.business_day_no - cf.business_day_no)::numeric
             end as elapsed
      from open_orders oo
      join calendar cf on cf.day = oo.from_day
      join calendar ct on ct.day = today
    ) a
    join public.customers c on c.id = a.customer_id
    where a.elapsed > a.sla_amber_after or a.promised_date < today
  )
  select jsonb_build_object(
    'range', jsonb_build_object('from', p_from, 'to', p_to, 'product', p_product, 'timezone', tz,
                                'generated_at', now()),
    'turnaround', (
      select coalesce(jsonb_agg(jsonb_build_object(
               'stage', t.stage, 'unit', t.sla_unit, 'target_low', t.sla_amber_after,
               'target_high', t.sla_red_after, 'stays', t.stays, 'median', t.median, 'p90', t.p90,
               'breached', t.breached)
             order by array_position(enum_range(null::public.order_stage), t.stage)), '[]')
      from turnaround t),
    'end_to_end', (
      select jsonb_build_object(
               'orders', count(*)::integer,
               'median_days', round(percentile_cont(0.5) within group (order by x.days)::numeric, 1),
               'p90_days', round(percentile_cont(0.9) within group (order by x.days)::numeric, 1))
      from end_to_end x),
    'weekly_breaches', (
      select coalesce(jsonb_agg(jsonb_build_object(
               'week', b.week, 'stage', b.stage, 'exits', b.exits, 'breached', b.breached,
               'rate', round(b.breached::numeric / nullif(b.exits, 0), 3))
             order by b.week, array_position(enum_range(null::public.order_stage), b.stage)), '[]')
      from weekly_breaches b),
    'weekly_flow', (
      select coalesce(jsonb_agg(jsonb_build_object('week', w.week, 'delivered', d.delivered, 'wip', w.wip)
             order by w.week), '[]')
      from weekly_wip w join weekly_delivered d on d.week = w.week),
    'cumulative_flow', (
      select coalesce(jsonb_agg(jsonb_build_object('day', cf.day, 'stage', cf.stage, 'orders', cf.orders)
             order by cf.day, cf.n), '[]')
      from cumulative_flow cf),
    'intake', (
      select jsonb_build_object(
               'requests', t.requests, 'due', t.due, 'within_2h', t.within_2h,
               'within_2h_share', round(t.within_2h::numeric / nullif(t.due, 0), 3),
               'median_minutes', t.median_minutes,
               'by_stylist', (
                 select coalesce(jsonb_agg(jsonb_build_object(
                          'stylist_id', b.assigned_stylist_id,
                          'stylist', coalesce(b.display_name, 'Unassigned'),
                          'requests', b.requests, 'due', b.due, 'within_2h', b.within_2h,
                          'within_2h_share', round(b.within_2h::numeric / nullif(b.due, 0), 3),
                          'median_minutes', b.median_minutes)
                        order by b.display_name nulls last), '[]')
                 from intake_by_stylist b))
      from intake_total t),
    'cad', jsonb_build_object(
      'approved_orders', (select count(*)::integer from rounds_used),
      'rounds', (
        select jsonb_agg(jsonb_build_object('rounds', n.rounds, 'orders', n.orders) order by n.rounds)
        from cad_rounds n),
      'major_changes', (select m.changes from major_changes m),
      'orders_with_major_change', (select m.orders from major_changes m)),
    'qc', (
      select jsonb_build_object(
               'runs', count(*)::integer,
               'first_runs', (count(*) filter (where r.attempt = 1))::integer,
               'first_pass', (count(*) filter (where r.attempt = 1 and r.status = 'passed'))::integer,
               'first_pass_yield', round((count(*) filter (where r.attempt = 1 and r.status = 'passed'))::numeric
                                         / nullif(count(*) filter (where r.attempt = 1), 0), 3),
               'rework', (count(*) filter (where r.status = 'failed'))::integer,
               'top_failures', (
                 select coalesce(jsonb_agg(jsonb_build_object('label', f.label, 'failures', f.failures)
                        order by f.failures desc, f.label), '[]')
                 from (select * from failures f order by f.failures desc, f.label limit 5) f))
      from runs r),
    -- The longest-waiting late orders first, at most 200: enough to chase today, and the
    -- document stays small when a backlog runs into thousands (the counts cover them all).
    'ageing', (
      select coalesce(jsonb_agg(jsonb_build_object(
               'code', a.code, 'stage', a.stage, 'product_name', a.product_name,
               'customer', a.customer, 'stage_entered_at', a.stage_entered_at,
               'elapsed', a.elapsed, 'unit', a.sla_unit, 'status', a.status,
               'promised_date', a.promised_date)
             order by array_position(enum_range(null::public.order_stage), a.stage),
                      a.status desc, a.stage_entered_at), '[]')
      from (
        select * from ageing x
        order by (x.status = 'late') desc, x.stage_entered_at
        limit 200
      ) a),
    'ageing_counts', (
      select coalesce(jsonb_agg(jsonb_build_object('stage', c.stage, 'late', c.late, 'at_risk', c.at_risk)
             order by array_position(enum_range(null::public.order_stage), c.stage)), '[]')
      from (
        select x.stage, (count(*) filter (where x.status = 'late'))::integer as late,
               (count(*) filter (where x.status = 'at_risk'))::integer as at_risk
        from ageing x
        group by x.stage
      ) c)
  ) into report;

  return report;
end;
$$;
comment on function public.analytics_report(date, date, public.product_base) is
  'Managers: every analytics chart for a date range (house calendar, inclusive) and optional product, as one json document.';
