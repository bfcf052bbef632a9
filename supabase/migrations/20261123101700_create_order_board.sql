-- public.order_board: one row per order card, everything the board shows in one round trip —
-- code, customer display name (never contact details), product and metal, time in stage and
-- SLA status (green/amber/red, business days where the target is), promised date, CAD tweak
-- rounds used of 2, QC progress, risk flags and assignee. security_invoker: it reads with the
-- caller's rights, so RLS on every table underneath still applies. Filter on stage (indexed)
-- for the active columns; per-card figures come from indexed lookups, not scans.

create view public.order_board
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
  o.updated_at
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
) q on true;

comment on view public.order_board is
  'Board cards: one row per order with time in stage, SLA status, CAD rounds and QC progress.';
revoke all on public.order_board from anon;
grant select on public.order_board to authenticated, service_role;
