-- QC: checklist templates per product type (ordered items, required or not, needing a photo or
-- not), and a QC run per attempt whose items are copied from the template and passed or failed
-- one by one, by whom and when. A failed run is kept; the next run starts fresh.
--
-- Refusal codes: LP041 QC starts only in the QC stage, LP042 the run is finished, LP043 the
-- item needs a photo before it can pass.

create table public.qc_templates (
  id uuid primary key default gen_random_uuid(),
  product public.product_base not null unique,
  name text not null,
  updated_at timestamptz not null default now()
);
comment on table public.qc_templates is 'The QC checklist for each product type.';

create table public.qc_template_items (
  id uuid primary key default gen_random_uuid(),
  template_id uuid not null references public.qc_templates (id) on delete cascade,
  position smallint not null,
  label text not null constraint qc_template_items_label_not_blank check (char_length(btrim(label)) between 1 and 80),
  required boolean not null default true,
  needs_photo boolean not null default false,
  constraint qc_template_items_position_unique unique (template_id, position)
);

create table public.qc_runs (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references public.orders (id) on delete cascade,
  attempt smallint not null default 1,
  status public.qc_run_status not null default 'in_progress',
  started_by uuid default auth.uid() references public.staff (id) on delete set null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  fail_reason text,
  constraint qc_runs_attempt_unique unique (order_id, attempt),
  constraint qc_runs_finished check ((status = 'in_progress') = (finished_at is null)),
  constraint qc_runs_failed_has_reason check ((status = 'failed') = (fail_reason is not null))
);
create unique index qc_runs_one_open_per_order on public.qc_runs (order_id) where status = 'in_progress';
create index qc_runs_started_by_idx on public.qc_runs (started_by);

create table public.qc_run_items (
  id uuid primary key default gen_random_uuid(),
  run_id uuid not null references public.qc_runs (id) on delete cascade,
  template_item_id uuid references public.qc_template_items (id) on delete set null,
  position smallint not null,
  label text not null,
  required boolean not null,
  needs_photo boolean not null,
  result public.qc_item_result not null default 'pending',
  checked_by uuid references public.staff (id) on delete set null,
  checked_at timestamptz,
  photo_attachment_id uuid references public.attachments (id) on delete set null,
  note text,
  constraint qc_run_items_position_unique unique (run_id, position)
);
create index qc_run_items_template_item_id_idx on public.qc_run_items (template_item_id);
create index qc_run_items_checked_by_idx on public.qc_run_items (checked_by);
create index qc_run_items_photo_attachment_id_idx on public.qc_run_items (photo_attachment_id);

-- Starting a run: only in the QC stage, numbered after the previous attempts, by the caller.
-- The rules bind staff; service_role and seeds (no staff role) may record past runs as they were.
create function private.start_qc_run()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  if (select private.staff_role()) is null then
    return new;
  end if;
  if not exists (select 1 from public.orders o where o.id = new.order_id and o.stage = 'qc') then
    raise exception using errcode = 'LP041', message = 'QC can start only when the order is in QC.';
  end if;
  new.attempt := coalesce((select max(r.attempt) from public.qc_runs r where r.order_id = new.order_id), 0) + 1;
  new.status := 'in_progress';
  new.finished_at := null;
  new.fail_reason := null;
  new.started_at := now();
  new.started_by := (select auth.uid());
  return new;
end;
$$;
revoke all on function private.start_qc_run() from public;

create trigger qc_runs_start
  before insert on public.qc_runs
  for each row execute function private.start_qc_run();

-- A fresh copy of the product's checklist for each run (security definer: QC staff do not
-- insert checklist items themselves).
create function private.copy_qc_checklist()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.qc_run_items (run_id, template_item_id, position, label, required, needs_photo)
  select new.id, i.id, i.position, i.label, i.required, i.needs_photo
  from public.orders o
  join public.qc_templates t on t.product = o.product
  join public.qc_template_items i on i.template_id = t.id
  where o.id = new.order_id;
  insert into public.order_events (order_id, kind, at, actor_id, from_stage, to_stage, data)
  values (new.order_id, 'qc_started', new.started_at, new.started_by, 'qc', 'qc',
          jsonb_build_object('attempt', new.attempt, 'qc_run_id', new.id));
  return null;
end;
$$;
revoke all on function private.copy_qc_checklist() from public;

create trigger qc_runs_copy_checklist
  after insert on public.qc_runs
  for each row execute function private.copy_qc_checklist();

create function private.check_qc_item()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  if (select private.staff_role()) is null then
    return new;
  end if;
  if (select r.status from public.qc_runs r where r.id = new.run_id) <> 'in_progress' then
    raise exception using errcode = 'LP042',
      message = 'This QC run is finished; start a new run to check the piece again.';
  end if;
  if new.result = 'pass' and new.needs_photo and new.photo_attachment_id is null then
    raise exception using errcode = 'LP043',
      message = format('%s needs a photo before it can pass.', new.label);
  end if;
  if new.result is distinct from old.result then
    new.checked_by := case when new.result = 'pending' then null else (select auth.uid()) end;
    new.checked_at := case when new.result = 'pending' then null else now() end;
  end if;
  return new;
end;
$$;
revoke all on function private.check_qc_item() from public;

create trigger qc_run_items_check
  before update on public.qc_run_items
  for each row execute function private.check_qc_item();

alter table public.qc_templates enable row level security;
alter table public.qc_template_items enable row level security;
alter table public.qc_runs enable row level security;
alter table public.qc_run_items enable row level security;
revoke all on table public.qc_templates, public.qc_template_items, public.qc_runs, public.qc_run_items from anon;
-- A run is started by inserting it; it is finished only by move_order (pass → shipping, fail →
-- rework), so clients never update or delete runs. Items are created by the run.
revoke update, delete on table public.qc_runs from authenticated;
revoke insert, update, delete on table public.qc_run_items from authenticated;
grant update (result, note, photo_attachment_id) on table public.qc_run_items to authenticated;

create policy "staff see qc checklists"
  on public.qc_templates for select to authenticated
  using ((select private.staff_role()) is not null);
create policy "managers add qc checklists"
  on public.qc_templates for insert to authenticated
  with check ((select private.staff_role()) = 'manager');
create policy "managers rename qc checklists"
  on public.qc_templates for update to authenticated
  using ((select private.staff_role()) = 'manager')
  with check ((select private.staff_role()) = 'manager');
create policy "managers remove qc checklists"
  on public.qc_templates for delete to authenticated
  using ((select private.staff_role()) = 'manager');

create policy "staff see qc checklist items"
  on public.qc_template_items for select to authenticated
  using ((select private.staff_role()) is not null);
create policy "managers add qc checklist items"
  on public.qc_template_items for insert to authenticated
  with check ((select private.staff_role()) = 'manager');
create policy "managers change qc checklist items"
  on public.qc_template_items for update to authenticated
  using ((select private.staff_role()) = 'manager')
  with check ((select private.staff_role()) = 'manager');
create policy "managers remove qc checklist items"
  on public.qc_template_items for delete to authenticated
  using ((select private.staff_role()) = 'manager');

create policy "staff see qc runs"
  on public.qc_runs for select to authenticated
  using ((select private.staff_role()) is not null);
create policy "qc staff and managers start qc runs"
  on public.qc_runs for insert to authenticated
  with check ((select private.staff_role()) in ('qc', 'manager'));

create policy "staff see qc results"
  on public.qc_run_items for select to authenticated
  using ((select private.staff_role()) is not null);
create policy "qc staff and managers check qc items"
  on public.qc_run_items for update to authenticated
  using ((select private.staff_role()) in ('qc', 'manager'))
  with check ((select private.staff_role()) in ('qc', 'manager'));
