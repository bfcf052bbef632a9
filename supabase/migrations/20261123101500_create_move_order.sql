-- public.move_order(): the one way an order changes stage, used by the board. In one
-- transaction it locks the order, checks every rule below, moves it, and writes the event log.
-- Each refusal has its own code and a sentence the UI shows as is:
--
--   PT403  the caller's role may not make this move          (HTTP 403)
--   PT404  no such order                                     (HTTP 404)
--   PT409  the order changed since the caller read it        (HTTP 409)
--   LP001  the move is not a transition the workshop allows  (HTTP 400, as every LPxxx)
--   LP003  a reason is required (on hold, cancel, QC rework)
--   LP010  not paid in full before CAD
--   LP011  CAD not approved before production
--   LP012  production steps not all done before QC
--   LP013  QC checklist incomplete before shipping
--   LP014  certified stones lack certificate / QC photos / unboxing video before shipping
--   LP015  no tracking number before delivered
--   LP020  the target stage is at its WIP limit (a manager may override with a reason)
--
-- Who moves what: concierge intake → awaiting payment → CAD; workshop CAD → production → QC;
-- QC QC → shipping or back to production (rework); concierge or workshop shipping → delivered.
-- Putting an order on hold or bringing it back is for whoever may move it on from that stage;
-- cancelling is for concierge. Managers may make every allowed move.

create function private.stage_label(p_stage public.order_stage)
returns text
language sql
immutable
security invoker
set search_path = ''
as $$
  select case p_stage
    when 'awaiting_payment' then 'awaiting payment'
    when 'cad' then 'CAD'
    when 'qc' then 'QC'
    when 'on_hold' then 'on hold'
    else p_stage::text
  end;
$$;
revoke all on function private.stage_label(public.order_stage) from public;
grant execute on function private.stage_label(public.order_stage) to authenticated;

-- Which staff roles (besides managers) move an order on from a stage.
create function private.stage_owners(p_stage public.order_stage)
returns public.staff_role[]
language sql
immutable
security invoker
set search_path = ''
as $$
  select case p_stage
    when 'intake' then array['concierge']::public.staff_role[]
    when 'awaiting_payment' then array['concierge']::public.staff_role[]
    when 'cad' then array['workshop']::public.staff_role[]
    when 'production' then array['workshop']::public.staff_role[]
    when 'qc' then array['qc']::public.staff_role[]
    when 'shipping' then array['concierge', 'workshop']::public.staff_role[]
    else array[]::public.staff_role[]
  end;
$$;
revoke all on function private.stage_owners(public.order_stage) from public;
grant execute on function private.stage_owners(public.order_stage) to authenticated;

create function private.move_order(
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
  if p_to_stage = 'on_hold' then
    data := data || jsonb_build_object('stage_entered_at', o.stage_entered_at);
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
      cancel_reason = case when p_to_stage = 'cancelled' then note end
  where id = o.id
  returning * into o;

  insert into public.order_events (order_id, kind, actor_id, from_stage, to_stage, note, data)
  values (o.id, 'stage_changed', (select auth.uid()), from_stage, p_to_stage, note, data);
  return o;
end;
$$;
revoke all on function private.move_order(uuid, public.order_stage, integer, text, text) from public;
grant execute on function private.move_order(uuid, public.order_stage, integer, text, text) to authenticated;

create function public.move_order(
  p_order_id uuid,
  p_to_stage public.order_stage,
  p_expected_version integer,
  p_note text default null,
  p_override_reason text default null
)
returns public.orders
language sql
security invoker
set search_path = ''
as $$
  select * from private.move_order(p_order_id, p_to_stage, p_expected_version, p_note, p_override_reason);
$$;
comment on function public.move_order(uuid, public.order_stage, integer, text, text) is
  'Moves an order to another stage after checking the transition, the role, the preconditions, the WIP limit and the version; logs the event.';
revoke all on function public.move_order(uuid, public.order_stage, integer, text, text) from public, anon;
grant execute on function public.move_order(uuid, public.order_stage, integer, text, text) to authenticated, service_role;
