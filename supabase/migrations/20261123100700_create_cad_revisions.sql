-- CAD revisions and the acts around them: round 0 is the first design; rounds 1 and 2 are the
-- customer's minor tweaks, and a third tweak round is refused (LP030). A major change is a
-- separate act: it is recorded, sends the order back to awaiting payment for a new quote, and
-- does not reset the tweak counter — the rounds already used stay used.
--
-- Refusal codes: LP030 tweak cap reached, LP031 the design is not at the step this act needs,
-- LP003 a note/reason is required (plus PT403/PT404/PT409 from private.lock_order).

create type public.cad_revision_kind as enum ('initial', 'tweak', 'major_change');

create table public.cad_revisions (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references public.orders (id) on delete cascade,
  kind public.cad_revision_kind not null,
  -- 0 for the first design; the tweak's number for a tweak; the tweaks used so far for a
  -- major change (kept, not reset).
  round smallint not null,
  note text,
  requested_by uuid default auth.uid() references public.staff (id) on delete set null,
  created_at timestamptz not null default now(),
  render_attachment_id uuid references public.attachments (id) on delete set null,
  constraint cad_revisions_round_range check (round between 0 and 2),
  constraint cad_revisions_tweak_round check (kind <> 'tweak' or round between 1 and 2)
);
comment on table public.cad_revisions is
  'Design rounds of an order: the first design, up to two minor tweaks, and recorded major changes.';

create index cad_revisions_order_id_idx on public.cad_revisions (order_id, created_at);
create index cad_revisions_requested_by_idx on public.cad_revisions (requested_by);
create index cad_revisions_render_attachment_id_idx on public.cad_revisions (render_attachment_id);
-- One tweak per round number per order: two stylists logging feedback at once cannot both
-- take round 2.
create unique index cad_revisions_one_tweak_per_round on public.cad_revisions (order_id, round)
  where kind = 'tweak';

-- The tweak cap, enforced on the table itself so no client or script can get past it.
create function private.number_cad_revision()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
declare
  used integer;
begin
  select count(*) into used
  from public.cad_revisions r
  where r.order_id = new.order_id and r.kind = 'tweak';
  if new.kind = 'initial' then
    new.round := 0;
  elsif new.kind = 'tweak' then
    if used >= 2 then
      raise exception using
        errcode = 'LP030',
        message = 'This order has used both tweak rounds. Any further change is a major change: re-quote it with the customer first.',
        hint = 'Record a major change to send the order back to awaiting payment.';
    end if;
    new.round := used + 1;
  else
    new.round := used;
  end if;
  return new;
end;
$$;
revoke all on function private.number_cad_revision() from public;

create trigger cad_revisions_number
  before insert on public.cad_revisions
  for each row execute function private.number_cad_revision();

alter table public.cad_revisions enable row level security;
revoke all on table public.cad_revisions from anon;
-- Rounds are written by the CAD functions below, never directly by a client.
revoke insert, update, delete on table public.cad_revisions from authenticated;

create policy "staff see cad rounds"
  on public.cad_revisions for select to authenticated
  using ((select private.staff_role()) is not null);

-- One implementation for the four CAD acts; each public function below names one act.
create function private.cad_act(
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
    update public.orders set cad_state = 'with_customer' where id = o.id returning * into o;
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
    update public.orders set cad_state = 'tweak_requested' where id = o.id returning * into o;
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
    update public.orders set cad_state = 'approved' where id = o.id returning * into o;
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
        paid_at = null, payment_method = null
    where id = o.id
    returning * into o;
  else
    raise exception using errcode = '22023', message = format('Unknown CAD act %s.', p_act);
  end if;
  return o;
end;
$$;
revoke all on function private.cad_act(uuid, integer, text, text) from public;
grant execute on function private.cad_act(uuid, integer, text, text) to authenticated;

-- The API: one function per act, security invoker, delegating to the rule above.
create function public.send_cad_to_customer(p_order_id uuid, p_expected_version integer, p_note text default null)
returns public.orders
language sql
security invoker
set search_path = ''
as $$ select * from private.cad_act(p_order_id, p_expected_version, 'send', p_note) $$;

create function public.request_cad_tweak(p_order_id uuid, p_expected_version integer, p_note text)
returns public.orders
language sql
security invoker
set search_path = ''
as $$ select * from private.cad_act(p_order_id, p_expected_version, 'tweak', p_note) $$;

create function public.approve_cad(p_order_id uuid, p_expected_version integer, p_note text default null)
returns public.orders
language sql
security invoker
set search_path = ''
as $$ select * from private.cad_act(p_order_id, p_expected_version, 'approve', p_note) $$;

create function public.record_major_change(p_order_id uuid, p_expected_version integer, p_note text)
returns public.orders
language sql
security invoker
set search_path = ''
as $$ select * from private.cad_act(p_order_id, p_expected_version, 'major_change', p_note) $$;

revoke all on function public.send_cad_to_customer(uuid, integer, text),
  public.request_cad_tweak(uuid, integer, text), public.approve_cad(uuid, integer, text),
  public.record_major_change(uuid, integer, text) from public, anon;
grant execute on function public.send_cad_to_customer(uuid, integer, text),
  public.request_cad_tweak(uuid, integer, text), public.approve_cad(uuid, integer, text),
  public.record_major_change(uuid, integer, text) to authenticated, service_role;
