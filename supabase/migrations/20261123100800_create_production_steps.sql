-- Production steps: casting, forming, polishing, hand-setting, reinforcement — one row per
-- order and step, created with the order; hand-setting does not apply to a piece without
-- stones. The workshop records each step done (by whom and when is filled in for them).
--
-- Refusal codes: LP040 steps are recorded only while the order is in production.

create table public.production_steps (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references public.orders (id) on delete cascade,
  step public.production_step_kind not null,
  applicable boolean not null default true,
  done_at timestamptz,
  done_by uuid references public.staff (id) on delete set null,
  note text,
  constraint production_steps_one_per_order unique (order_id, step),
  constraint production_steps_done_applies check (done_at is null or applicable)
);
comment on table public.production_steps is 'The making of each piece, step by step, with who did each and when.';
create index production_steps_done_by_idx on public.production_steps (done_by);

-- The steps exist from the start so the board can show progress; security definer because the
-- stylist who opens an order may not write production steps.
create function private.create_production_steps()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into public.production_steps (order_id, step, applicable)
    select new.id, s, not (s = 'hand_setting' and not new.has_stones)
    from unnest(enum_range(null::public.production_step_kind)) s;
  elsif new.has_stones is distinct from old.has_stones then
    update public.production_steps
    set applicable = new.has_stones, done_at = case when new.has_stones then done_at end,
        done_by = case when new.has_stones then done_by end
    where order_id = new.id and step = 'hand_setting';
  end if;
  return null;
end;
$$;
revoke all on function private.create_production_steps() from public;

create trigger orders_create_production_steps
  after insert on public.orders
  for each row execute function private.create_production_steps();
create trigger orders_update_setting_step
  after update of has_stones on public.orders
  for each row execute function private.create_production_steps();

-- Who did a step is the signed-in person, not whatever the client sends.
create function private.stamp_production_step()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  if (select private.staff_role()) is not null then
    if not exists (select 1 from public.orders o where o.id = new.order_id and o.stage = 'production') then
      raise exception using errcode = 'LP040',
        message = 'Production steps can be recorded only while the order is in production.';
    end if;
    if new.done_at is not null and old.done_at is null then
      new.done_by := (select auth.uid());
      new.done_at := now();
    end if;
  end if;
  if new.done_at is null then
    new.done_by := null;
  end if;
  return new;
end;
$$;
revoke all on function private.stamp_production_step() from public;

create trigger production_steps_stamp
  before update on public.production_steps
  for each row execute function private.stamp_production_step();

alter table public.production_steps enable row level security;
revoke all on table public.production_steps from anon;
revoke insert, update, delete on table public.production_steps from authenticated;
grant update (done_at, note, applicable) on table public.production_steps to authenticated;

create policy "staff see production progress"
  on public.production_steps for select to authenticated
  using ((select private.staff_role()) is not null);

create policy "workshop and managers record production steps"
  on public.production_steps for update to authenticated
  using ((select private.staff_role()) in ('workshop', 'manager'))
  with check ((select private.staff_role()) in ('workshop', 'manager'));
