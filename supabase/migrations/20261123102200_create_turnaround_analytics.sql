-- Turnaround analytics for managers, computed from the append-only event log (and intake
-- request times), each one round trip via rpc: per-stage durations with median and 90th
-- percentile, weekly SLA breach rate and throughput, cumulative flow, and intake confirmation
-- times against the 2 h promise. security invoker: RLS decides what the caller sees. Weeks
-- and days are the house's calendar (workshop_settings.timezone).

-- Every completed stay of an order in a stage: entered at one stage change, left at the next.
-- A view (security_invoker) so each report reads the same definition.
create view public.order_stage_stays
with (security_invoker = true)
as
select
  e.order_id,
  e.to_stage as stage,
  e.at as entered_at,
  lead(e.at) over w as left_at,
  lead(e.to_stage) over w as next_stage
from public.order_events e
where e.kind in ('stage_changed', 'created', 'major_change') and e.to_stage is not null
window w as (partition by e.order_id order by e.at, e.id);
comment on view public.order_stage_stays is
  'Each stay of an order in a stage (entered, left, next stage), from the event log.';
revoke all on public.order_stage_stays from anon;

-- Every day from p_from to p_to with a running count of business days (weekdays that are not
-- holidays), built once per report: the business days between two dates are the difference of
-- their counts. Shared by the reports that measure stays in business days.
create function public.business_calendar(p_from date, p_to date)
returns table (day date, business_day_no bigint)
language sql
stable
security invoker
set search_path = ''
as $$
  select c.day,
         sum(case when extract(isodow from c.day) < 6 and h.day is null then 1 else 0 end)
           over (order by c.day) as business_day_no
  from (select g::date as day from generate_series(p_from, p_to, interval '1 day') g) c
  left join public.holidays h on h.day = c.day
$$;
revoke all on function public.business_calendar(date, date) from public, anon;
grant execute on function public.business_calendar(date, date) to authenticated, service_role;

create function public.stage_turnaround(
  p_from timestamptz default now() - interval '16 weeks',
  p_to timestamptz default now()
)
returns table (
  stage public.order_stage,
  stays integer,
  median_hours numeric,
  p90_hours numeric,
  sla_unit public.sla_unit,
  median_in_unit numeric,
  p90_in_unit numeric,
  breached integer
)
language sql
stable
security invoker
set search_path = ''
as $$
  with tz as (select w.timezone from public.workshop_settings w),
  stays as (
    select s.stage, s.entered_at, s.left_at,
           (s.entered_at at time zone tz.timezone)::date as from_day,
           (s.left_at at time zone tz.timezone)::date as to_day
    from public.order_stage_stays s cross join tz
    where s.left_at >= p_from and s.left_at < p_to
      and s.stage not in ('delivered', 'cancelled')
  ),
  -- The business days between two dates are the difference of their running counts (one
  -- hash join per stay, no call per row).
  calendar as (
    select * from public.business_calendar((select min(from_day) from stays), (select max(to_day) from stays))
  ),
  done as (
    select s.stage,
           extract(epoch from (s.left_at - s.entered_at)) / 3600 as hours,
           case st.sla_unit
             when 'hours' then extract(epoch from (s.left_at - s.entered_at)) / 3600
             when 'days' then extract(epoch from (s.left_at - s.entered_at)) / 86400
             when 'business_days' then ct.business_day_no - cf.business_day_no
           end as in_unit,
           st.sla_unit, st.sla_red_after
    from stays s
    join public.stage_settings st on st.stage = s.stage
    join calendar cf on cf.day = s.from_day
    join calendar ct on ct.day = s.to_day
  )
  select d.stage, count(*)::integer,
         round(percentile_cont(0.5) within group (order by d.hours)::numeric, 1),
         round(percentile_cont(0.9) within group (order by d.hours)::numeric, 1),
         min(d.sla_unit),
         round(percentile_cont(0.5) within group (order by d.in_unit)::numeric, 1),
         round(percentile_cont(0.9) within group (order by d.in_unit)::numeric, 1),
         (count(*) filter (where d.in_unit > d.sla_red_after))::integer
  from done d
  group by d.stage
  order by d.stage;
$$;
comment on function public.stage_turnaround(timestamptz, timestamptz) is
  'Per stage: stays completed in the window, median and 90th percentile duration (hours and the SLA unit), SLA breaches.';

create function public.weekly_flow(p_weeks integer default 16)
returns table (
  week date,
  delivered integer,
  stage_exits integer,
  sla_breaches integer,
  breach_rate numeric
)
language sql
stable
security invoker
set search_path = ''
as $$
  with tz as (select w.timezone from public.workshop_settings w),
  weeks as (
    select g::date as week
    from tz, generate_series(
      date_trunc('week', (now() at time zone tz.timezone))::date - (least(greatest(p_weeks, 1), 260) - 1) * 7,
      date_trunc('week', (now() at time zone tz.timezone))::date, interval '1 week') g
  ),
  stays as (
    select s.stage, s.entered_at, s.left_at, s.next_stage,
           (s.entered_at at time zone tz.timezone)::date as from_day,
           (s.left_at at time zone tz.timezone)::date as to_day
    from public.order_stage_stays s cross join tz
    where s.left_at >= (select min(week) from weeks)::timestamp at time zone tz.timezone
  ),
  calendar as (
    select * from public.business_calendar((select min(from_day) from stays), (select max(to_day) from stays))
  ),
  exits as (
    select date_trunc('week', s.to_day)::date as week,
           s.next_stage,
           st.sla_unit is not null as timed,
           case st.sla_unit
             when 'hours' then extract(epoch from (s.left_at - s.entered_at)) / 3600
             when 'days' then extract(epoch from (s.left_at - s.entered_at)) / 86400
             when 'business_days' then ct.business_day_no - cf.business_day_no
           end > st.sla_red_after as breached
    from stays s
    join public.stage_settings st on st.stage = s.stage
    join calendar cf on cf.day = s.from_day
    join calendar ct on ct.day = s.to_day
  )
  select wk.week,
         (count(*) filter (where x.next_stage = 'delivered'))::integer,
         (count(*) filter (where x.timed))::integer,
         (count(*) filter (where x.breached))::integer,
         round((count(*) filter (where x.breached))::numeric / nullif(count(*) filter (where x.timed), 0), 3)
  from weeks wk
  left join exits x on x.week = wk.week
  group by wk.week
  order by wk.week;
$$;
comment on function public.weekly_flow(integer) is
  'Per week: orders delivered (throughput), timed stage exits, how many broke their SLA and the rate.';

-- Orders in each stage at the end of each day: +1 when a stay starts, -1 when it ends, summed
-- over all history, so the cost grows with events, not with days × orders.
create function public.cumulative_flow(p_days integer default 112)
returns table (day date, stage public.order_stage, orders integer)
language sql
stable
security invoker
set search_path = ''
as $$
  with tz as (select w.timezone from public.workshop_settings w),
  deltas as (
    select (s.entered_at at time zone tz.timezone)::date as day, s.stage, 1 as delta
    from public.order_stage_stays s cross join tz
    union all
    select (s.left_at at time zone tz.timezone)::date, s.stage, -1
    from public.order_stage_stays s cross join tz
    where s.left_at is not null
  ),
  per_day as (
    select d.day, d.stage, sum(d.delta) as delta from deltas d group by d.day, d.stage
  ),
  days as (
    select g::date as day
    from tz, generate_series((now() at time zone tz.timezone)::date - (least(greatest(p_days, 1), 1000) - 1),
                             (now() at time zone tz.timezone)::date, interval '1 day') g
  ),
  grid as (
    select dy.day, st.stage from days dy cross join unnest(enum_range(null::public.order_stage)) st(stage)
  ),
  -- Where each stage stood the evening before the first day shown.
  opening as (
    select p.stage, sum(p.delta) as orders
    from per_day p
    where p.day < (select min(dy.day) from days dy)
    group by p.stage
  )
  select g.day, g.stage,
         (coalesce(o.orders, 0) + sum(coalesce(p.delta, 0)) over (partition by g.stage order by g.day))::integer
  from grid g
  left join per_day p on p.day = g.day and p.stage = g.stage
  left join opening o on o.stage = g.stage
  order by g.day, g.stage;
$$;
comment on function public.cumulative_flow(integer) is
  'Orders standing in each stage at the end of each of the last p_days days.';

create function public.intake_confirmation_times(p_weeks integer default 16)
returns table (
  week date,
  requests integer,
  confirmed integer,
  median_minutes numeric,
  p90_minutes numeric,
  within_promise_rate numeric
)
language sql
stable
security invoker
set search_path = ''
as $$
  with tz as (select w.timezone from public.workshop_settings w),
  r as (
    select date_trunc('week', (i.received_at at time zone tz.timezone))::date as week,
           extract(epoch from (i.confirmed_at - i.received_at)) / 60 as minutes
    from public.intake_requests i cross join tz
    where i.received_at >= now() - make_interval(weeks => least(greatest(p_weeks, 1), 260))
  )
  select r.week, count(*)::integer, count(r.minutes)::integer,
         round(percentile_cont(0.5) within group (order by r.minutes)::numeric, 0),
         round(percentile_cont(0.9) within group (order by r.minutes)::numeric, 0),
         -- The promise: confirmed within 2 hours of the request.
         round((count(*) filter (where r.minutes <= 120))::numeric / nullif(count(r.minutes), 0), 3)
  from r
  group by r.week
  order by r.week;
$$;
comment on function public.intake_confirmation_times(integer) is
  'Per week: intake requests, how many were confirmed, median / 90th percentile minutes to confirm, share within the 2 h promise.';

revoke all on function public.stage_turnaround(timestamptz, timestamptz), public.weekly_flow(integer),
  public.cumulative_flow(integer), public.intake_confirmation_times(integer) from public, anon;
grant execute on function public.stage_turnaround(timestamptz, timestamptz), public.weekly_flow(integer),
  public.cumulative_flow(integer), public.intake_confirmation_times(integer) to authenticated, service_role;
