-- Renumbers the metal ledger's refusal codes to LP140–LP145: LP100–LP106 were already taken by
-- record_payment and the staff admin functions (README), so the same code meant two things.
-- Same function bodies as 20261124100000_create_metal_ledger.sql, codes only:
--   LP140 weight not positive / not to 0.01 g / person missing (was LP100)
--   LP141 more returned than issued plus the step's tolerance (was LP101)
--   LP142 the order is not in production, or the step does not apply (was LP102)
--   LP143 ledger entries are append-only (was LP103)
--   LP144 a correction without a reason, or of an unknown entry (was LP104)
--   LP145 a step that needs weights is ticked done without them (was LP105)
-- record_metal_issue/record_metal_return raise through private.require_hundredths and the
-- trigger, so they need no change.

create or replace function private.check_metal_entry()
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

create or replace function private.refuse_metal_entry_change()
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

create or replace function private.require_step_weights()
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

create or replace function public.correct_metal_entry(
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

create or replace function private.require_hundredths(p_grams numeric, p_what text)
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
