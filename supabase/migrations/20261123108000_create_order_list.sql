-- public.order_list: the orders table (/orders) — one row per order with every column the table
-- shows, filters and sorts on, computed set-wise so a page of 50 out of 10,000 orders (with an
-- exact count) stays fast. Unlike the board's view it has no per-row subqueries: CAD rounds come
-- from one grouped join, and the holidays inside a business-day span from a binary search
-- (width_bucket) in the year's holiday array, read once per query. security_invoker: RLS on
-- orders, customers and staff applies as the caller, each policy helper evaluated once.

create view public.order_list
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
join public.customers c on c.id = o.customer_id
join public.stage_settings st on st.stage = o.stage
cross join public.workshop_settings w
-- Weekday holidays in date order, once per query: width_bucket(day, days) counts those <= day.
cross join (
  select coalesce(array_agg(h.day order by h.day), '{}') as days
  from public.holidays h
  where extract(isodow from h.day) < 6
) hol
cross join lateral (
  select (o.stage_entered_at at time zone w.timezone)::date as from_day,
         (now() at time zone w.timezone)::date as to_day
) d
cross join lateral (
  select coalesce(st.sla_unit, 'days') as unit,
         case coalesce(st.sla_unit, 'days')
           when 'hours' then round((extract(epoch from (now() - o.stage_entered_at)) / 3600)::numeric, 2)
           when 'days' then round((extract(epoch from (now() - o.stage_entered_at)) / 86400)::numeric, 2)
           when 'business_days' then (
             public.weekdays_between(d.from_day, d.to_day)
             - (width_bucket(d.to_day, hol.days) - width_bucket(d.from_day, hol.days)))::numeric
         end as elapsed
) e
left join public.staff a on a.id = o.assignee_id
left join (
  select cr.order_id, count(*)::integer as rounds
  from public.cad_revisions cr
  where cr.kind = 'tweak'
  group by cr.order_id
) r on r.order_id = o.id;

comment on view public.order_list is
  'The orders table: one row per order with customer, stage, time in stage, SLA status, assignee, payment and CAD rounds.';
revoke all on public.order_list from anon;
grant select on public.order_list to authenticated, service_role;

-- Sorting the table by a column reads that column's index in order and stops after a page.
create index orders_code_sort_idx on public.orders (
  (split_part(code, '-', 2)::bigint * 1000000000 + split_part(code, '-', 3)::bigint)
);
create index orders_stage_entered_at_idx on public.orders (stage_entered_at);
create index orders_promised_date_idx on public.orders (promised_date);
create index orders_paid_at_idx on public.orders (paid_at);
-- The CAD rounds join groups tweak rounds only.
create index cad_revisions_tweaks_idx on public.cad_revisions (order_id) where kind = 'tweak';
