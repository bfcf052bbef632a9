-- The order workspace's acts that had no rule function yet:
--   * public.update_order_details(): assignee, priority and promised date, checked against the
--     order's version (PT409 when someone changed it first) and logged as 'details_changed'.
--     A plain column update could not do that: RLS would silently update nothing for a role that
--     may not write, and nothing would be logged.
--   * public.record_production_step(): tick or untick one production step, with a plain
--     refusal for roles that may not (RLS alone would silently skip the row).
--   * shipments and after-sales requests now write their acts to the history ('shipped',
--     'service_requested' were in the vocabulary but nothing logged them).
--
-- Refusal codes: PT403 role, PT404 no such order/step, PT409 version conflict (private.lock_order),
-- LP004 a detail has an invalid value, LP040 steps only in production (existing trigger),
-- LP044 the step does not apply to this piece.

-- Who may change what: stylists and managers everything (the promise is made to the customer);
-- the workshop and QC only the assignee, and only of an order in a stage they move on from
-- (taking a card or handing it to a colleague).
create function private.update_order_details(
  p_order_id uuid,
  p_expected_version integer,
  p_changes jsonb
)
returns public.orders
language plpgsql
security definer
set search_path = ''
as $$
declare
  o public.orders;
  r public.staff_role;
  new_assignee uuid;
  new_priority smallint;
  new_promised date;
  changed jsonb := '{}';
  owners public.staff_role[];
begin
  o := private.lock_order(p_order_id, p_expected_version);
  r := (select private.staff_role());
  if p_changes is null or jsonb_typeof(p_changes) <> 'object'
     or exists (select 1 from jsonb_object_keys(p_changes) k
                where k not in ('assignee_id', 'priority', 'promised_date')) then
    raise exception using errcode = 'LP004',
      message = 'Only the assignee, the priority and the promised date can be changed here.';
  end if;

  if r not in ('concierge', 'manager') then
    if p_changes ? 'priority' or p_changes ? 'promised_date' then
      raise exception using errcode = 'PT403',
        message = 'Only a stylist or a manager can change the priority or the promised date.';
    end if;
    owners := private.stage_owners(case when o.stage = 'on_hold' then o.resume_stage else o.stage end);
    if not (r = any (owners)) then
      raise exception using errcode = 'PT403',
        message = format('Order %s is in %s; only a stylist, a manager or whoever works that stage can reassign it.',
                         o.code, private.stage_label(o.stage));
    end if;
  end if;

  if p_changes ? 'assignee_id' then
    begin
      new_assignee := (p_changes ->> 'assignee_id')::uuid;
    exception when invalid_text_representation then
      raise exception using errcode = 'LP004', message = 'Choose the assignee from the staff list.';
    end;
    if new_assignee is not null and not exists (select 1 from public.staff s where s.id = new_assignee) then
      raise exception using errcode = 'LP004', message = 'That person is not on the staff list.';
    end if;
    if new_assignee is distinct from o.assignee_id then
      changed := changed || jsonb_build_object('assignee', jsonb_build_object(
        'from', (select s.display_name from public.staff s where s.id = o.assignee_id),
        'to', (select s.display_name from public.staff s where s.id = new_assignee)));
      o.assignee_id := new_assignee;
    end if;
  end if;

  if p_changes ? 'priority' then
    if jsonb_typeof(p_changes -> 'priority') <> 'number'
       or (p_changes ->> 'priority')::numeric not in (0, 1, 2) then
      raise exception using errcode = 'LP004', message = 'Priority is normal, rush or top priority.';
    end if;
    new_priority := (p_changes ->> 'priority')::smallint;
    if new_priority <> o.priority then
      changed := changed || jsonb_build_object('priority', jsonb_build_object('from', o.priority, 'to', new_priority));
      o.priority := new_priority;
    end if;
  end if;

  if p_changes ? 'promised_date' then
    begin
      new_promised := (p_changes ->> 'promised_date')::date;
    exception when others then
      raise exception using errcode = 'LP004', message = 'The promised date is not a valid date.';
    end;
    if new_promised is not null and new_promised < o.created_at::date then
      raise exception using errcode = 'LP004',
        message = 'The promised date cannot be before the order was placed.';
    end if;
    if new_promised is distinct from o.promised_date then
      changed := changed || jsonb_build_object('promised_date', jsonb_build_object('from', o.promised_date, 'to', new_promised));
      o.promised_date := new_promised;
    end if;
  end if;

  -- Nothing changed: no new version, no event (a double click must not look like a conflict).
  if changed = '{}' then
    return o;
  end if;

  update public.orders
  set assignee_id = o.assignee_id, priority = o.priority, promised_date = o.promised_date
  where id = o.id
  returning * into o;

  insert into public.order_events (order_id, kind, actor_id, from_stage, to_stage, data)
  values (o.id, 'details_changed', (select auth.uid()), o.stage, o.stage, changed);
  return o;
end;
$$;
revoke all on function private.update_order_details(uuid, integer, jsonb) from public;
grant execute on function private.update_order_details(uuid, integer, jsonb) to authenticated;

create function public.update_order_details(
  p_order_id uuid,
  p_expected_version integer,
  p_changes jsonb
)
returns public.orders
language sql
security invoker
set search_path = ''
as $$ select * from private.update_order_details(p_order_id, p_expected_version, p_changes) $$;
comment on function public.update_order_details(uuid, integer, jsonb) is
  'Changes assignee_id, priority and/or promised_date (keys of p_changes) at the expected version; logs details_changed.';
revoke all on function public.update_order_details(uuid, integer, jsonb) from public, anon;
grant execute on function public.update_order_details(uuid, integer, jsonb) to authenticated, service_role;

-- Ticking a step: invoker rights (RLS and the column grants of production_steps apply; the
-- existing trigger stamps who and when and refuses outside production with LP040). A second
-- tick of a done step changes nothing, so two people ticking at once both succeed.
create function public.record_production_step(p_step_id uuid, p_done boolean, p_note text default null)
returns public.production_steps
language plpgsql
security invoker
set search_path = ''
as $$
declare
  s public.production_steps;
  v_note text := nullif(btrim(coalesce(p_note, '')), '');
begin
  if (select private.staff_role()) is null or (select private.staff_role()) not in ('workshop', 'manager') then
    raise exception using errcode = 'PT403',
      message = 'Only the workshop or a manager can record production steps.';
  end if;
  select * into s from public.production_steps where id = p_step_id for update;
  if not found then
    raise exception using errcode = 'PT404', message = 'That production step does not exist.';
  end if;
  if not s.applicable and p_done then
    raise exception using errcode = 'LP044',
      message = format('%s does not apply to this piece: it has no stones.',
                       upper(left(s.step::text, 1)) || replace(substr(s.step::text, 2), '_', '-'));
  end if;
  if (s.done_at is not null) = p_done and v_note is null then
    return s;
  end if;
  update public.production_steps
  set done_at = case when p_done then coalesce(done_at, now()) end,
      note = coalesce(v_note, production_steps.note)
  where id = p_step_id
  returning * into s;
  return s;
end;
$$;
comment on function public.record_production_step(uuid, boolean, text) is
  'Marks a production step done (stamped with the caller and the time) or not done.';
revoke all on function public.record_production_step(uuid, boolean, text) from public, anon;
grant execute on function public.record_production_step(uuid, boolean, text) to authenticated, service_role;

-- The history of shipping and after-sales. security definer: a stylist booking a shipment may
-- not write events directly, but the act must be logged.
create function private.log_shipment()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.shipped_at is not null and (tg_op = 'INSERT' or old.shipped_at is null) then
    insert into public.order_events (order_id, kind, at, actor_id, data)
    values (new.order_id, 'shipped', least(new.shipped_at, now()), (select auth.uid()),
            jsonb_build_object('carrier', new.carrier, 'tracking_number', new.tracking_number));
  end if;
  return null;
end;
$$;
revoke all on function private.log_shipment() from public;

create trigger shipments_log
  after insert or update of shipped_at on public.shipments
  for each row execute function private.log_shipment();

create function private.log_service_request()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.order_events (order_id, kind, at, actor_id, note, data)
  values (new.order_id, 'service_requested', new.requested_at, (select auth.uid()), new.note,
          jsonb_build_object('kind', new.kind, 'is_free', new.is_free,
                             'from_size', new.from_size, 'to_size', new.to_size));
  return null;
end;
$$;
revoke all on function private.log_service_request() from public;

create trigger service_requests_log
  after insert on public.service_requests
  for each row execute function private.log_service_request();

-- The workspace follows shipments and after-sales live, like the rest of the order.
alter publication supabase_realtime add table public.shipments, public.service_requests;
