-- A customer who asks for a bigger change through a review link (orders.
-- customer_change_requested_at, 20261124200100) moves nothing by itself; the stylist must see
-- it where they work, live: order_board gains the column, appended last (create or replace view
-- only adds columns at the end). Every other column and join is as in 20261123111000.

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
  o.stage_clock_paused_at,
  o.customer_change_requested_at
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
