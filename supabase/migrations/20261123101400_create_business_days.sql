-- Business days and SLA status: how long an order has been in its stage, measured the way the
-- stage's target is (wall-clock hours, days, or business days skipping weekends and holidays),
-- and whether that is green, amber or red. Closed-form arithmetic per card (no per-day series),
-- so a board of thousands of cards stays fast.

-- Monday–Friday dates d with p_from < d <= p_to, counted without generating the days: whole
-- weeks have five, and the remaining r days (isodows s+1 … s+r, with s the isodow of the
-- first week's start, numbered on past 7) hold a Saturday at 6 or 13 and a Sunday at 7.
create function public.weekdays_between(p_from date, p_to date)
returns integer
language sql
immutable
security invoker
set search_path = ''
as $$
  select case when p_to <= p_from then 0 else
    (p_to - p_from) / 7 * 5 + (p_to - p_from) % 7
    - greatest(0, least(s + (p_to - p_from) % 7, 7) - greatest(s + 1, 6) + 1)
    - case when s + (p_to - p_from) % 7 >= 13 then 1 else 0 end
  end
  from (select extract(isodow from p_from)::integer as s) x;
$$;
comment on function public.weekdays_between(date, date) is
  'Monday–Friday days after p_from up to and including p_to.';

create function public.business_days_between(p_from date, p_to date)
returns integer
language sql
stable
security invoker
set search_path = ''
as $$
  select public.weekdays_between(p_from, p_to) - (
    select count(*)::integer
    from public.holidays h
    where h.day > p_from and h.day <= p_to and extract(isodow from h.day) < 6
  );
$$;
comment on function public.business_days_between(date, date) is
  'Business days after p_from up to and including p_to (weekends and holidays excluded).';

-- Time in stage in the stage's SLA unit, and its colour. The board view computes the same
-- figures inline (set-based, no call per card); these serve single orders and reports.
create function public.stage_elapsed(p_stage public.order_stage, p_entered_at timestamptz, p_now timestamptz default now())
returns numeric
language sql
stable
security invoker
set search_path = ''
as $$
  select case s.sla_unit
    when 'hours' then round((extract(epoch from (p_now - p_entered_at)) / 3600)::numeric, 2)
    when 'days' then round((extract(epoch from (p_now - p_entered_at)) / 86400)::numeric, 2)
    when 'business_days' then public.business_days_between(
      (p_entered_at at time zone w.timezone)::date, (p_now at time zone w.timezone)::date)::numeric
  end
  from public.stage_settings s
  cross join public.workshop_settings w
  where s.stage = p_stage;
$$;

create function public.sla_status(p_stage public.order_stage, p_entered_at timestamptz, p_now timestamptz default now())
returns text
language sql
stable
security invoker
set search_path = ''
as $$
  select case
    when s.sla_unit is null then null
    when e.elapsed > s.sla_red_after then 'red'
    when e.elapsed > s.sla_amber_after then 'amber'
    else 'green'
  end
  from public.stage_settings s
  cross join lateral (select public.stage_elapsed(p_stage, p_entered_at, p_now) as elapsed) e
  where s.stage = p_stage;
$$;
comment on function public.sla_status(public.order_stage, timestamptz, timestamptz) is
  'green / amber / red for time in a stage against its SLA; null when the stage has no clock.';
