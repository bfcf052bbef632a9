-- The CAD promise is the house's time, not the customer's: "CAD 24–48 h after full payment"
-- (DESIGN.md's SLA table) is how fast the workshop turns a design round around. While the
-- design is with the customer (cad_state with_customer: sent, waiting for their feedback) the
-- stage clock stops — exactly as the awaiting-payment stage has no clock because it is the
-- customer's — and when they answer (a tweak request or approval) it runs on from where it
-- stopped. A customer who takes a week to reply no longer turns the card red.
--
-- How: orders.stage_clock_paused_at holds when the clock stopped (null while it runs). The CAD
-- acts set it (send) and clear it (tweak, approve, major change), moving stage_entered_at
-- forward by the time it was stopped, so "time in stage" stays "clock time − stage_entered_at";
-- move_order keeps the stopped time across a hold and stops the clock again when an order
-- comes back to CAD with the design still at the customer's. Readers of time in stage use
-- coalesce(stage_clock_paused_at, now()) as "now" (order_board, order_list and the analytics
-- ageing, defined in later migrations, are to read it so).

alter table public.orders add column stage_clock_paused_at timestamptz;
comment on column public.orders.stage_clock_paused_at is
  'When the stage''s SLA clock stopped because the order waits on the customer (CAD design with them); null while it runs. Time in stage = coalesce(this, now()) - stage_entered_at.';
-- Written only by the rule functions: the column grants of authenticated do not include it.

-- The CAD acts: send stops the clock, the customer's answer restarts it.
create or replace function private.cad_act(
  p_order_id uuid,
  p_expected_version integer,
  p_act text,
  p_note text
)
returns public.orders
language plpgsql
security definer
set search_path = ''
as $$
declare
  o public.orders;
  r public.staff_role;
  note text := nullif(btrim(coalesce(p_note, '')), '');
begin
  o := private.lock_order(p_order_id, p_expected_version);
  r := (select private.staff_role());
  if o.stage <> 'cad' then
    raise exception using errcode = 'LP031',
      message = format('Order %s is not in CAD, so its design cannot be changed now.', o.code);
  end if;

  if p_act = 'send' then
    if r not in ('workshop', 'concierge', 'manager') then
      raise exception using errcode = 'PT403', message = 'Only the workshop, a stylist or a manager can send a CAD design to the customer.';
    end if;
    if o.cad_state not in ('drafting', 'tweak_requested') then
      raise exception using errcode = 'LP031',
        message = format('The design for %s is already %s.', o.code, replace(o.cad_state::text, '_', ' '));
    end if;
    if not exists (select 1 from public.cad_revisions c where c.order_id = o.id) then
      insert into public.cad_revisions (order_id, kind, note, requested_by)
      values (o.id, 'initial', note, (select auth.uid()));
    end if;
    -- The house's clock stops while the customer has the design.
    update public.orders set cad_state = 'with_customer', stage_clock_paused_at = now()
    where id = o.id returning * into o;
    insert into public.order_events (order_id, kind, actor_id, from_stage, to_stage, note)
    values (o.id, 'cad_sent', (select auth.uid()), o.stage, o.stage, note);

  elsif p_act = 'tweak' then
    if r not in ('concierge', 'manager') then
      raise exception using errcode = 'PT403', message = 'Only a stylist or a manager can log the customer''s tweak request.';
    end if;
    if o.cad_state <> 'with_customer' then
      raise exception using errcode = 'LP031',
        message = format('The design for %s is not with the customer, so there is no feedback to log.', o.code);
    end if;
    if note is null then
      raise exception using errcode = 'LP003', message = 'Say what the customer wants changed.';
    end if;
    insert into public.cad_revisions (order_id, kind, note, requested_by)
    values (o.id, 'tweak', note, (select auth.uid()));
    -- Back with the house: the clock runs on from where it stopped.
    update public.orders
    set cad_state = 'tweak_requested',
        stage_entered_at = stage_entered_at + coalesce(now() - stage_clock_paused_at, interval '0'),
        stage_clock_paused_at = null
    where id = o.id returning * into o;
    insert into public.order_events (order_id, kind, actor_id, from_stage, to_stage, note, data)
    values (o.id, 'cad_tweak_requested', (select auth.uid()), o.stage, o.stage, note,
            jsonb_build_object('round', (select max(c.round) from public.cad_revisions c
                                         where c.order_id = o.id and c.kind = 'tweak')));

  elsif p_act = 'approve' then
    if r not in ('concierge', 'manager') then
      raise exception using errcode = 'PT403', message = 'Only a stylist or a manager can record the customer''s approval.';
    end if;
    if o.cad_state <> 'with_customer' then
      raise exception using errcode = 'LP031',
        message = format('The design for %s is not with the customer, so it cannot be approved yet.', o.code);
    end if;
    update public.orders
    set cad_state = 'approved',
        stage_entered_at = stage_entered_at + coalesce(now() - stage_clock_paused_at, interval '0'),
        stage_clock_paused_at = null
    where id = o.id returning * into o;
    insert into public.order_events (order_id, kind, actor_id, from_stage, to_stage, note)
    values (o.id, 'cad_approved', (select auth.uid()), o.stage, o.stage, note);

  elsif p_act = 'major_change' then
    if r not in ('concierge', 'manager') then
      raise exception using errcode = 'PT403', message = 'Only a stylist or a manager can record a major change.';
    end if;
    if note is null then
      raise exception using errcode = 'LP003', message = 'Describe the major change the customer asked for.';
    end if;
    insert into public.cad_revisions (order_id, kind, note, requested_by)
    values (o.id, 'major_change', note, (select auth.uid()));
    -- Back to awaiting payment: the new scope needs a new quote and payment before CAD resumes.
    -- The earlier payment stays in the event log.
    insert into public.order_events (order_id, kind, actor_id, from_stage, to_stage, note, data)
    values (o.id, 'major_change', (select auth.uid()), 'cad', 'awaiting_payment', note,
            jsonb_build_object('previous_quote', o.quote_amount, 'previous_paid_at', o.paid_at,
                               'tweak_rounds_used', (select count(*) from public.cad_revisions c
                                                     where c.order_id = o.id and c.kind = 'tweak')));
    update public.orders
    set stage = 'awaiting_payment', stage_entered_at = now(), cad_state = null,
        paid_at = null, payment_method = null, stage_clock_paused_at = null
    where id = o.id
    returning * into o;
  else
    raise exception using errcode = '22023', message = format('Unknown CAD act %s.', p_act);
  end if;
  return o;
end;
$$;

-- move_order: the stopped time survives a hold; the clock stops again on return to a design
-- that is still with the customer.
create or replace function private.move_order(
  p_order_id uuid,
  p_to_stage public.order_stage,
  p_expected_version integer,
  p_note text,
  p_override_reason text
)
returns public.orders
language plpgsql
security definer
set search_path = ''
as $$
declare
  o public.orders;
  actor public.staff_role;
  from_stage public.order_stage;
  note text := nullif(btrim(coalesce(p_note, '')), '');
  override text := nullif(btrim(coalesce(p_override_reason, '')), '');
  allowed boolean;
  movers public.staff_role[];
  missing text;
  run public.qc_runs;
  wip_limit integer;
  wip_count integer;
  data jsonb := '{}';
begin
  o := private.lock_order(p_order_id, p_expected_version);
  actor := (select private.staff_role());
  from_stage := o.stage;

  -- 1. Is this a move the workshop makes at all?
  allowed := case
    when p_to_stage = from_stage then false
    when from_stage in ('delivered', 'cancelled') then false
    when from_stage = 'on_hold' then p_to_stage = o.resume_stage or p_to_stage = 'cancelled'
    when p_to_stage in ('on_hold', 'cancelled') then true
    else (from_stage, p_to_stage) in (
      ('intake', 'awaiting_payment'), ('awaiting_payment', 'cad'), ('cad', 'production'),
      ('production', 'qc'), ('qc', 'shipping'), ('qc', 'production'), ('shipping', 'delivered'))
  end;
  if not allowed then
    raise exception using errcode = 'LP001',
      message = case
        when from_stage in ('delivered', 'cancelled') then
          format('Order %s is %s; it cannot move any more.', o.code, private.stage_label(from_stage))
        when from_stage = 'on_hold' then
          format('Order %s is on hold from %s; it can only go back to %s.', o.code,
                 private.stage_label(o.resume_stage), private.stage_label(o.resume_stage))
        when p_to_stage = from_stage then
          format('Order %s is already in %s.', o.code, private.stage_label(from_stage))
        else format('Order %s cannot go from %s to %s.', o.code, private.stage_label(from_stage),
                    private.stage_label(p_to_stage))
      end;
  end if;

  -- 2. May this person make it?
  movers := case
    when p_to_stage = 'cancelled' then array['concierge']::public.staff_role[]
    when from_stage = 'on_hold' then private.stage_owners(o.resume_stage)
    else private.stage_owners(from_stage)
  end;
  if actor <> 'manager' and not (actor = any (movers)) then
    raise exception using errcode = 'PT403',
      message = format('Only %s or a manager can move an order from %s to %s.',
        case when p_to_stage = 'cancelled' then 'a stylist'
             else array_to_string(array(select case m when 'concierge' then 'a stylist'
                                                       when 'workshop' then 'the workshop'
                                                       when 'qc' then 'QC' end
                                        from unnest(movers) m), ' or ') end,
        private.stage_label(from_stage), private.stage_label(p_to_stage));
  end if;

  -- 3. Reasons: holds, cancellations and QC rework say why.
  if note is null and (p_to_stage in ('on_hold', 'cancelled') or (from_stage = 'qc' and p_to_stage = 'production')) then
    raise exception using errcode = 'LP003',
      message = case p_to_stage
        when 'on_hold' then 'Say why the order is going on hold.'
        when 'cancelled' then 'Say why the order is being cancelled.'
        else 'Say why QC is sending the piece back to production.'
      end;
  end if;

  -- 4. What must be true before the order may enter the next stage. Each check names the
  -- stage it comes from: an order coming back from hold met them when it first entered.
  if from_stage = 'awaiting_payment' and p_to_stage = 'cad' and o.paid_at is null then
    raise exception using errcode = 'LP010',
      message = format('Order %s is not paid in full yet: record the payment before CAD starts.', o.code);
  end if;
  if from_stage = 'cad' and p_to_stage = 'production' and coalesce(o.cad_state, 'drafting') <> 'approved' then
    raise exception using errcode = 'LP011',
      message = format('The customer has not approved the CAD design for %s yet.', o.code);
  end if;
  if from_stage = 'production' and p_to_stage = 'qc' then
    select string_agg(replace(s.step::text, '_', '-'), ', ' order by s.step) into missing
    from public.production_steps s
    where s.order_id = o.id and s.applicable and s.done_at is null;
    if missing is not null then
      raise exception using errcode = 'LP012',
        message = format('Production not finished: %s not done.', missing);
    end if;
  end if;
  if from_stage = 'qc' then
    select * into run from public.qc_runs r
    where r.order_id = o.id and r.status = 'in_progress';
  end if;
  if p_to_stage = 'shipping' and from_stage = 'qc' then
    if run.id is null then
      raise exception using errcode = 'LP013', message = 'QC checklist incomplete: no QC run has been started.';
    end if;
    select string_agg(lower(i.label) || case i.result when 'fail' then ' failed' else ' not checked' end,
                      ', ' order by i.position) into missing
    from public.qc_run_items i
    where i.run_id = run.id and i.required and i.result <> 'pass';
    if missing is not null then
      raise exception using errcode = 'LP013', message = 'QC checklist incomplete: ' || missing;
    end if;
    if o.has_certified_stones then
      select string_agg(m.what, ', ') into missing
      from (values
        ('certificate', exists (select 1 from public.certificates c where c.order_id = o.id)),
        ('QC photos', exists (select 1 from public.attachments a where a.order_id = o.id and a.kind = 'qc_photo')),
        ('unboxing video', exists (select 1 from public.attachments a where a.order_id = o.id and a.kind = 'unboxing_video'))
      ) as m(what, present)
      where not m.present;
      if missing is not null then
        raise exception using errcode = 'LP014',
          message = format('Certified stones ship with their certificate, QC photos and unboxing video: %s missing.', missing);
      end if;
    end if;
  end if;
  if p_to_stage = 'delivered' and from_stage = 'shipping' and not exists (
    select 1 from public.shipments s where s.order_id = o.id and s.tracking_number is not null
  ) then
    raise exception using errcode = 'LP015',
      message = format('Add the tracking number for %s before marking it delivered.', o.code);
  end if;

  -- 5. WIP limit of the target stage. Locking its settings row serialises moves into the same
  -- stage, so two moves at once cannot both take the last slot.
  select s.wip_limit into wip_limit from public.stage_settings s where s.stage = p_to_stage for update;
  if wip_limit is not null then
    select count(*) into wip_count from public.orders x where x.stage = p_to_stage;
    if wip_count >= wip_limit then
      if actor = 'manager' and override is not null then
        data := data || jsonb_build_object('wip_override', override, 'wip_limit', wip_limit, 'wip_count', wip_count);
      else
        raise exception using errcode = 'LP020',
          message = format('%s is at its WIP limit of %s orders.', initcap(private.stage_label(p_to_stage)), wip_limit),
          hint = 'A manager can override the limit with a reason.';
      end if;
    end if;
  end if;

  -- The move, and its side effects on the QC run.
  if run.id is not null and p_to_stage = 'shipping' then
    update public.qc_runs set status = 'passed', finished_at = now() where id = run.id;
    data := data || jsonb_build_object('qc_run_id', run.id, 'qc_attempt', run.attempt);
  elsif run.id is not null and from_stage = 'qc' and p_to_stage = 'production' then
    update public.qc_runs set status = 'failed', finished_at = now(), fail_reason = note where id = run.id;
    data := data || jsonb_build_object('qc_run_id', run.id, 'qc_attempt', run.attempt, 'rework', true);
  elsif from_stage = 'qc' and p_to_stage = 'production' then
    data := data || jsonb_build_object('rework', true);
  end if;

  -- Time on hold does not count against the stage's SLA: a resumed order's clock carries on
  -- from where it stopped.
  -- A design with the customer has its clock stopped since it was sent: what is kept for the
  -- resume is the start that gives the house's time so far (entered + time with the customer).
  if p_to_stage = 'on_hold' then
    data := data || jsonb_build_object('stage_entered_at',
      o.stage_entered_at + coalesce(now() - o.stage_clock_paused_at, interval '0'));
  end if;

  update public.orders
  set stage = p_to_stage,
      stage_entered_at = case
        when from_stage = 'on_hold' then now() - (o.stage_entered_at - coalesce((
          select (e.data ->> 'stage_entered_at')::timestamptz
          from public.order_events e
          where e.order_id = o.id and e.kind = 'stage_changed' and e.to_stage = 'on_hold'
          order by e.at desc, e.id desc
          limit 1), o.stage_entered_at))
        else now()
      end,
      cad_state = case when p_to_stage = 'cad' and cad_state is null then 'drafting'::public.cad_state else cad_state end,
      on_hold_reason = case when p_to_stage = 'on_hold' then note end,
      resume_stage = case when p_to_stage = 'on_hold' then from_stage end,
      cancel_reason = case when p_to_stage = 'cancelled' then note end,
      -- Back in CAD with the design still at the customer's: their clock, not the house's.
      stage_clock_paused_at = case
        when from_stage = 'on_hold' and p_to_stage = 'cad' and o.cad_state = 'with_customer' then now()
      end
  where id = o.id
  returning * into o;

  insert into public.order_events (order_id, kind, actor_id, from_stage, to_stage, note, data)
  values (o.id, 'stage_changed', (select auth.uid()), from_stage, p_to_stage, note, data);
  return o;
end;
$$;
