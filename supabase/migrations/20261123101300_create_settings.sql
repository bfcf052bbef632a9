-- Manager-editable settings: per stage the SLA (amber after / red after, in hours, days or
-- business days) and the WIP limit; the holidays that business days skip; and the house's
-- time zone (business days are counted on its calendar). Defaults are the house's promises.

create table public.stage_settings (
  stage public.order_stage primary key,
  -- Green until amber_after, amber until red_after, red beyond; null: no clock in this stage.
  sla_amber_after numeric(6, 2),
  sla_red_after numeric(6, 2),
  sla_unit public.sla_unit,
  wip_limit integer constraint stage_settings_wip_limit_positive check (wip_limit > 0),
  updated_at timestamptz not null default now(),
  updated_by uuid default auth.uid() references public.staff (id) on delete set null,
  constraint stage_settings_sla_complete check (
    (sla_red_after is null and sla_amber_after is null and sla_unit is null)
    or (sla_red_after is not null and sla_amber_after is not null and sla_unit is not null
        and sla_amber_after > 0 and sla_amber_after <= sla_red_after)
  )
);
comment on table public.stage_settings is 'SLA target and WIP limit per stage, set by managers.';
create index stage_settings_updated_by_idx on public.stage_settings (updated_by);

insert into public.stage_settings (stage, sla_amber_after, sla_red_after, sla_unit, wip_limit) values
  -- Quote sent within a day of the confirmed intake (the 2 h promise is on intake_requests).
  ('intake', 12, 24, 'hours', null),
  -- The customer's clock, not the house's.
  ('awaiting_payment', null, null, null, null),
  -- CAD 24–48 h after full payment.
  ('cad', 24, 48, 'hours', 25),
  -- Production 10–14 business days.
  ('production', 10, 14, 'business_days', 40),
  -- QC and certification 1–3 days.
  ('qc', 1, 3, 'days', 15),
  -- Packaging and shipping 3–5 days (US).
  ('shipping', 3, 5, 'days', null),
  ('delivered', null, null, null, null),
  ('on_hold', null, null, null, null),
  ('cancelled', null, null, null, null);

create table public.holidays (
  day date primary key,
  name text not null constraint holidays_name_not_blank check (char_length(btrim(name)) between 1 and 80)
);
comment on table public.holidays is 'Days the workshop is closed; business days skip them.';

insert into public.holidays (day, name) values
  ('2026-01-01', 'New Year''s Day'), ('2026-01-19', 'Martin Luther King Jr. Day'),
  ('2026-05-25', 'Memorial Day'), ('2026-07-03', 'Independence Day (observed)'),
  ('2026-09-07', 'Labor Day'), ('2026-11-26', 'Thanksgiving'), ('2026-11-27', 'Day after Thanksgiving'),
  ('2026-12-24', 'Christmas Eve'), ('2026-12-25', 'Christmas Day'),
  ('2027-01-01', 'New Year''s Day');

create table public.workshop_settings (
  id boolean primary key default true constraint workshop_settings_single_row check (id),
  timezone text not null default 'America/New_York'
    constraint workshop_settings_timezone_name check (timezone ~ '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$'),
  updated_at timestamptz not null default now()
);
comment on table public.workshop_settings is 'House-wide settings (one row).';
insert into public.workshop_settings (id) values (true);

alter table public.stage_settings enable row level security;
alter table public.holidays enable row level security;
alter table public.workshop_settings enable row level security;
revoke all on table public.stage_settings, public.holidays, public.workshop_settings from anon;
-- Stages are fixed by the enum: managers edit their settings, never add or remove rows.
revoke insert, delete on table public.stage_settings, public.workshop_settings from authenticated;

create policy "staff see stage targets"
  on public.stage_settings for select to authenticated
  using ((select private.staff_role()) is not null);
create policy "managers set stage targets"
  on public.stage_settings for update to authenticated
  using ((select private.staff_role()) = 'manager')
  with check ((select private.staff_role()) = 'manager');

create policy "staff see holidays"
  on public.holidays for select to authenticated
  using ((select private.staff_role()) is not null);
create policy "managers add holidays"
  on public.holidays for insert to authenticated
  with check ((select private.staff_role()) = 'manager');
create policy "managers change holidays"
  on public.holidays for update to authenticated
  using ((select private.staff_role()) = 'manager')
  with check ((select private.staff_role()) = 'manager');
create policy "managers remove holidays"
  on public.holidays for delete to authenticated
  using ((select private.staff_role()) = 'manager');

create policy "staff see workshop settings"
  on public.workshop_settings for select to authenticated
  using ((select private.staff_role()) is not null);
create policy "managers change workshop settings"
  on public.workshop_settings for update to authenticated
  using ((select private.staff_role()) = 'manager')
  with check ((select private.staff_role()) = 'manager');
