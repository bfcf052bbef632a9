-- Certificates: the lab report for a certified stone (GIA or IGI), with the report number in
-- that lab's format, the stone's grading, and the attached report file. A report number is
-- unique per lab: the same report cannot be attached to two pieces.
--
-- Refusal codes: LP050 the report number is not in the lab's format (23505 when the report is
-- already attached elsewhere).

create table public.certificates (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references public.orders (id) on delete cascade,
  lab public.certificate_lab not null,
  report_number text not null,
  carat numeric(6, 3) not null constraint certificates_carat_positive check (carat > 0 and carat < 100),
  colour text not null
    constraint certificates_colour_grade check (colour ~ '^([D-Z]|[D-Z]-[D-Z]|Fancy .+)$'),
  clarity text not null
    constraint certificates_clarity_grade check (clarity in ('FL', 'IF', 'VVS1', 'VVS2', 'VS1', 'VS2', 'SI1', 'SI2', 'I1', 'I2', 'I3')),
  cut_shape text not null,
  attachment_id uuid references public.attachments (id) on delete set null,
  added_by uuid default auth.uid() references public.staff (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint certificates_lab_report_unique unique (lab, report_number),
  -- GIA reports have 10 digits; IGI reports 9 digits, lab-grown ones prefixed LG.
  constraint certificates_report_number_format check (
    (lab = 'GIA' and report_number ~ '^[0-9]{10}$')
    or (lab = 'IGI' and report_number ~ '^(LG)?[0-9]{9}$')
  )
);
comment on table public.certificates is 'Lab reports (GIA, IGI) for the certified stones of an order.';
create index certificates_order_id_idx on public.certificates (order_id);
create index certificates_attachment_id_idx on public.certificates (attachment_id);
create index certificates_added_by_idx on public.certificates (added_by);

-- Before the check constraint, so QC reads a sentence rather than a constraint name; numbers
-- are normalised (spaces dropped, upper case) the way they are printed on the report.
create function private.check_certificate()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  new.report_number := upper(regexp_replace(coalesce(new.report_number, ''), '[\s-]', '', 'g'));
  if new.lab = 'GIA' and new.report_number !~ '^[0-9]{10}$' then
    raise exception using errcode = 'LP050',
      message = format('%s is not a GIA report number: GIA numbers have 10 digits.', new.report_number);
  elsif new.lab = 'IGI' and new.report_number !~ '^(LG)?[0-9]{9}$' then
    raise exception using errcode = 'LP050',
      message = format('%s is not an IGI report number: IGI numbers have 9 digits, lab-grown ones start with LG.', new.report_number);
  end if;
  if (select private.staff_role()) is not null and tg_op = 'INSERT' then
    new.added_by := (select auth.uid());
    new.created_at := now();
  end if;
  return new;
end;
$$;
revoke all on function private.check_certificate() from public;

create trigger certificates_check
  before insert or update on public.certificates
  for each row execute function private.check_certificate();

create function private.log_certificate()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.order_events (order_id, kind, at, actor_id, data)
  values (new.order_id, 'certificate_added', new.created_at, new.added_by,
          jsonb_build_object('lab', new.lab, 'report_number', new.report_number, 'carat', new.carat));
  return null;
end;
$$;
revoke all on function private.log_certificate() from public;

create trigger certificates_log
  after insert on public.certificates
  for each row execute function private.log_certificate();

alter table public.certificates enable row level security;
revoke all on table public.certificates from anon;

create policy "staff see certificates"
  on public.certificates for select to authenticated
  using ((select private.staff_role()) is not null);
create policy "qc staff and managers attach certificates"
  on public.certificates for insert to authenticated
  with check ((select private.staff_role()) in ('qc', 'manager'));
create policy "qc staff and managers correct certificates"
  on public.certificates for update to authenticated
  using ((select private.staff_role()) in ('qc', 'manager'))
  with check ((select private.staff_role()) in ('qc', 'manager'));
create policy "managers remove certificates"
  on public.certificates for delete to authenticated
  using ((select private.staff_role()) = 'manager');
