-- The board marks pieces that came back from QC (rework): order_board gains rework_count, the
-- number of failed QC runs of the order, appended as the last column (create or replace view
-- may only add columns at the end). Everything else is the view of 20261123101700 unchanged.

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
  o.promised_date is not null and o.promised_date < current_date and o.stage not in ('delivered', 'cancelled') as is_late,
  (select count(*)::integer from public.cad_revisions r where r.order_id = o.id and r.kind = 'tweak') as cad_rounds_used,
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
  coalesce(rw.rework_count, 0) as rework_count
from public.orders o
join public.customers c on c.id = o.customer_id
join public.stage_settings st on st.stage = o.stage
cross join public.workshop_settings w
-- Time in stage in the stage's unit, the same arithmetic as public.stage_elapsed(), inline so
-- the planner evaluates it set-wise (functions with a fixed search_path are never inlined).
cross join lateral (
  select (o.stage_entered_at at time zone w.timezone)::date as from_day,
         (now() at time zone w.timezone)::date as to_day
) d
cross join lateral (
  select case st.sla_unit
    when 'hours' then round((extract(epoch from (now() - o.stage_entered_at)) / 3600)::numeric, 2)
    when 'days' then round((extract(epoch from (now() - o.stage_entered_at)) / 86400)::numeric, 2)
    when 'business_days' then (
      public.weekdays_between(d.from_day, d.to_day) - (
        select count(*)::integer from public.holidays h
        where h.day > d.from_day and h.day <= d.to_day and extract(isodow from h.day) < 6))::numeric
  end as elapsed
) e
left join public.intake_requests i on i.id = o.intake_request_id
left join public.staff a on a.id = o.assignee_id
left join lateral (
  select r.attempt as qc_attempt,
         count(*) filter (where it.result = 'pass')::integer as qc_items_passed,
         count(*)::integer as qc_items_total
  from public.qc_runs r
  join public.qc_run_items it on it.run_id = r.id
  where r.order_id = o.id and r.status = 'in_progress'
  group by r.attempt
) q on true
-- Failed QC runs per order, aggregated once for the whole set (not a sub-query per card).
left join (
  select f.order_id, count(*)::integer as rework_count
  from public.qc_runs f
  where f.status = 'failed'
  group by f.order_id
) rw on rw.order_id = o.id;


comment on view public.order_board is
  'Board cards: one row per order with time in stage, SLA status, CAD rounds, QC progress and rework count.';
