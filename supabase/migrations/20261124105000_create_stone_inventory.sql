-- Stone allocation (issue 9): the workshop's stone inventory — certified stones (one lab report
-- each) and melee lots (counted and weighed in bulk) — and their allocation to orders. A
-- certified stone belongs to at most one order at a time, held by a partial unique index so that
-- of N simultaneous allocations exactly one lands; a melee lot gives out part of what is left and
-- never goes below zero (the lot's row is updated with a guard, so concurrent takes queue on its
-- lock and each re-reads what is left). Allocations are released when the order is cancelled and
-- marked set when the order's hand-setting step is recorded done. A certificate (3/6) links to its
-- stone by lab + report number, and QC's "Certificate matches stone" compares the two.
--
-- Refusal codes:
--   LP110  the order cannot take stones now (cancelled, shipped, delivered)
--   LP111  the piece has no stones
--   LP112  the certified stone is already allocated to an order
--   LP113  the melee lot has fewer stones or carats left than asked for
--   LP114  melee quantities are not positive / not a melee lot
--   LP115  a set stone is released only by a manager (it is in the piece)
--   LP116  QC cannot pass "Certificate matches stone" while a certificate and stone disagree
--   LP117  only the workshop or a manager allocates or releases stones
--   LP118  the allocation is already released
--   LP119  an allocation's stone, order and quantities are never edited (release it instead)

create table public.stones (
  id uuid primary key default gen_random_uuid(),
  lab public.certificate_lab not null,
  report_number text not null,
  carat numeric(6, 3) not null constraint stones_carat_positive check (carat > 0 and carat < 100),
  colour text not null
    constraint stones_colour_grade check (colour ~ '^([D-Z]|[D-Z]-[D-Z]|Fancy .+)$'),
  clarity text not null
    constraint stones_clarity_grade check (clarity in ('FL', 'IF', 'VVS1', 'VVS2', 'VS1', 'VS2', 'SI1', 'SI2', 'I1', 'I2', 'I3')),
  shape text not null constraint stones_shape_not_blank check (char_length(btrim(shape)) between 1 and 40),
  note text constraint stones_note_length check (char_length(note) <= 500),
  received_by uuid default auth.uid() references public.staff (id) on delete set null,
  received_at timestamptz not null default now(),
  constraint stones_lab_report_unique unique (lab, report_number),
  -- The same format rule as public.certificates: GIA 10 digits; IGI 9, lab-grown prefixed LG.
  constraint stones_report_number_format check (
    (lab = 'GIA' and report_number ~ '^[0-9]{10}$')
    or (lab = 'IGI' and report_number ~ '^(LG)?[0-9]{9}$')
  )
);
comment on table public.stones is 'Certified stones in the workshop''s inventory, one lab report each.';
create index stones_received_by_idx on public.stones (received_by);

create table public.melee_lots (
  id uuid primary key default gen_random_uuid(),
  lot_code text not null unique
    constraint melee_lots_code_format check (lot_code ~ '^[A-Z0-9][A-Z0-9.-]{1,23}$'),
  shape text not null default 'Round' constraint melee_lots_shape_not_blank check (char_length(btrim(shape)) between 1 and 40),
  size_mm numeric(4, 2) constraint melee_lots_size_positive check (size_mm > 0),
  colour text constraint melee_lots_colour_length check (char_length(colour) <= 20),
  clarity text constraint melee_lots_clarity_length check (char_length(clarity) <= 20),
  count_received integer not null constraint melee_lots_count_received_positive check (count_received > 0),
  carat_received numeric(8, 3) not null constraint melee_lots_carat_received_positive check (carat_received > 0),
  count_left integer not null,
  carat_left numeric(8, 3) not null,
  received_by uuid default auth.uid() references public.staff (id) on delete set null,
  received_at timestamptz not null default now(),
  -- What is left is never below zero nor above what came in: the lot's own arithmetic.
  constraint melee_lots_count_left_range check (count_left between 0 and count_received),
  constraint melee_lots_carat_left_range check (carat_left between 0 and carat_received)
);
comment on table public.melee_lots is 'Melee (small stones) bought by the lot: count and total carat weight, and what is left.';
create index melee_lots_received_by_idx on public.melee_lots (received_by);

create table public.stone_allocations (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references public.orders (id) on delete cascade,
  stone_id uuid references public.stones (id) on delete restrict,
  melee_lot_id uuid references public.melee_lots (id) on delete restrict,
  stone_count integer not null default 1,
  carat numeric(8, 3),
  allocated_by uuid default auth.uid() references public.staff (id) on delete set null,
  allocated_at timestamptz not null default now(),
  set_at timestamptz,
  set_by uuid references public.staff (id) on delete set null,
  released_at timestamptz,
  released_by uuid references public.staff (id) on delete set null,
  release_reason text constraint stone_allocations_reason_length check (char_length(release_reason) <= 200),
  constraint stone_allocations_one_kind check ((stone_id is null) <> (melee_lot_id is null)),
  constraint stone_allocations_certified_is_one check (stone_id is null or stone_count = 1),
  constraint stone_allocations_melee_quantities check (
    melee_lot_id is null or (stone_count > 0 and carat > 0)
  )
);
comment on table public.stone_allocations is
  'Which stones are allocated to which order: allocated, set in the piece, or released back to inventory.';
-- The rule itself: one unreleased allocation per certified stone. Postgres checks it at insert
-- under concurrency (the second insert waits for the first and then fails with 23505).
create unique index stone_allocations_one_active_per_stone
  on public.stone_allocations (stone_id) where released_at is null and stone_id is not null;
create index stone_allocations_order_id_idx on public.stone_allocations (order_id);
create index stone_allocations_stone_id_idx on public.stone_allocations (stone_id);
create index stone_allocations_melee_lot_id_idx on public.stone_allocations (melee_lot_id);
create index stone_allocations_allocated_by_idx on public.stone_allocations (allocated_by);
create index stone_allocations_set_by_idx on public.stone_allocations (set_by);
create index stone_allocations_released_by_idx on public.stone_allocations (released_by);

-- The certificate links to its stone. Derived, never chosen: the report number is the stone's
-- identity (printed on the report, inscribed on the girdle), so a trigger fills stone_id from
-- lab + report number — QC cannot link a report to the wrong stone by a slip of the picker, and a
-- stone received after its certificate was attached links up too. The column makes the link a
-- real relationship (embeddable through the API, indexed).
alter table public.certificates
  add column stone_id uuid references public.stones (id) on delete set null;
create index certificates_stone_id_idx on public.certificates (stone_id);

create function private.link_certificate_stone()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- Runs after certificates_check (trigger names fire in order), so the number is normalised.
  new.stone_id := (
    select s.id from public.stones s where s.lab = new.lab and s.report_number = new.report_number
  );
  return new;
end;
$$;
revoke all on function private.link_certificate_stone() from public;

create trigger certificates_link_stone
  before insert or update of lab, report_number, stone_id on public.certificates
  for each row execute function private.link_certificate_stone();

-- A lab report number as the report prints it (spaces and dashes dropped, upper case), checked
-- against the lab's format with a sentence (LP050). One rule for certificates and stones: a
-- stone and its certificate are matched by this number.
create function private.normalised_report_number(p_lab public.certificate_lab, p_number text)
returns text
language plpgsql
immutable
security invoker
set search_path = ''
as $$
declare
  n text := upper(regexp_replace(coalesce(p_number, ''), '[\s-]', '', 'g'));
begin
  if p_lab = 'GIA' and n !~ '^[0-9]{10}$' then
    raise exception using errcode = 'LP050',
      message = format('%s is not a GIA report number: GIA numbers have 10 digits.', n);
  elsif p_lab = 'IGI' and n !~ '^(LG)?[0-9]{9}$' then
    raise exception using errcode = 'LP050',
      message = format('%s is not an IGI report number: IGI numbers have 9 digits, lab-grown ones start with LG.', n);
  end if;
  return n;
end;
$$;
revoke all on function private.normalised_report_number(public.certificate_lab, text) from public;
grant execute on function private.normalised_report_number(public.certificate_lab, text) to authenticated, service_role;

-- Certificates keep their rule (20261123101000), now through the shared function.
create or replace function private.check_certificate()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  new.report_number := private.normalised_report_number(new.lab, new.report_number);
  if (select private.staff_role()) is not null and tg_op = 'INSERT' then
    new.added_by := (select auth.uid());
    new.created_at := now();
  end if;
  return new;
end;
$$;

-- Stones: the report number is normalised and checked exactly as on certificates (LP050).
create function private.check_stone()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  new.report_number := private.normalised_report_number(new.lab, new.report_number);
  if (select private.staff_role()) is not null and tg_op = 'INSERT' then
    new.received_by := (select auth.uid());
    new.received_at := now();
  end if;
  return new;
end;
$$;
revoke all on function private.check_stone() from public;

create trigger stones_check
  before insert or update on public.stones
  for each row execute function private.check_stone();

-- A stone received (or re-numbered) after its certificate was attached links it now.
create function private.link_stone_certificates()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' then
    update public.certificates set stone_id = null where stone_id = new.id;
  end if;
  update public.certificates c set stone_id = new.id
  where c.lab = new.lab and c.report_number = new.report_number;
  return null;
end;
$$;
revoke all on function private.link_stone_certificates() from public;

create trigger stones_link_certificates
  after insert or update of lab, report_number on public.stones
  for each row execute function private.link_stone_certificates();

-- A new lot starts full; who received it is the signed-in person.
create function private.receive_melee_lot()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  new.lot_code := upper(btrim(new.lot_code));
  if tg_op = 'INSERT' then
    new.count_left := coalesce(new.count_left, new.count_received);
    new.carat_left := coalesce(new.carat_left, new.carat_received);
    if (select private.staff_role()) is not null then
      new.count_left := new.count_received;
      new.carat_left := new.carat_received;
      new.received_by := (select auth.uid());
      new.received_at := now();
    end if;
  end if;
  return new;
end;
$$;
revoke all on function private.receive_melee_lot() from public;

create trigger melee_lots_receive
  before insert or update on public.melee_lots
  for each row execute function private.receive_melee_lot();

-- Taking from and giving back to a lot. security definer: staff never write count_left or
-- carat_left themselves (no column grant), only through an allocation. The guarded update holds
-- the lot's row lock, so two simultaneous takes run one after the other and the second sees
-- what the first left.
create function private.take_from_melee_lot(p_lot_id uuid, p_count integer, p_carat numeric)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  lot public.melee_lots;
begin
  update public.melee_lots l
  set count_left = l.count_left - p_count, carat_left = l.carat_left - p_carat
  where l.id = p_lot_id and l.count_left >= p_count and l.carat_left >= p_carat
  returning * into lot;
  if lot.id is null then
    select * into lot from public.melee_lots l where l.id = p_lot_id;
    if lot.id is null then
      raise exception using errcode = 'LP114', message = 'That melee lot does not exist.';
    end if;
    raise exception using errcode = 'LP113',
      message = format('Lot %s has %s stones (%s ct) left; %s stones (%s ct) were asked for.',
                       lot.lot_code, lot.count_left, to_char(lot.carat_left, 'FM999990.000'), p_count,
                       to_char(p_carat, 'FM999990.000'));
  end if;
end;
$$;
revoke all on function private.take_from_melee_lot(uuid, integer, numeric) from public;
grant execute on function private.take_from_melee_lot(uuid, integer, numeric) to authenticated, service_role;

create function private.return_to_melee_lot(p_lot_id uuid, p_count integer, p_carat numeric)
returns void
language sql
security definer
set search_path = ''
as $$
  update public.melee_lots l
  set count_left = least(l.count_received, l.count_left + p_count),
      carat_left = least(l.carat_received, l.carat_left + p_carat)
  where l.id = p_lot_id;
$$;
revoke all on function private.return_to_melee_lot(uuid, integer, numeric) from public;
grant execute on function private.return_to_melee_lot(uuid, integer, numeric) to authenticated, service_role;

-- Allocating: the rules bind staff; service_role and seeds (no staff role) may record past
-- allocations as they were. Melee is taken from its lot in every case.
create function private.check_stone_allocation()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
declare
  o record;
  holder text;
  stone_label text;
  lot public.melee_lots;
begin
  if tg_op = 'UPDATE' then
    if (new.order_id, new.stone_id, new.melee_lot_id, new.stone_count, new.carat, new.allocated_at, new.allocated_by)
       is distinct from
       (old.order_id, old.stone_id, old.melee_lot_id, old.stone_count, old.carat, old.allocated_at, old.allocated_by) then
      raise exception using errcode = 'LP119',
        message = 'An allocation''s stone, order and quantities stay as recorded; release it and allocate again.';
    end if;
    if old.released_at is not null and new.released_at is distinct from old.released_at then
      raise exception using errcode = 'LP118', message = 'This allocation is already released.';
    end if;
    if old.released_at is null and new.released_at is not null then
      if (select private.staff_role()) is not null then
        -- A set stone is in the piece: only a manager releases it (a re-set after QC rework),
        -- unless the order is cancelled (its allocations go back with it).
        if old.set_at is not null and (select private.staff_role()) <> 'manager'
           and not exists (select 1 from public.orders x where x.id = old.order_id and x.stage = 'cancelled') then
          raise exception using errcode = 'LP115',
            message = 'This stone is already set in the piece; only a manager can release it.';
        end if;
        new.released_by := (select auth.uid());
        new.released_at := now();
      end if;
      if old.melee_lot_id is not null then
        perform private.return_to_melee_lot(old.melee_lot_id, old.stone_count, old.carat);
      end if;
    end if;
    return new;
  end if;

  -- INSERT
  -- Who may allocate is RLS's answer (42501) for direct writes, LP117 through the functions.
  if (select private.staff_role()) is not null then
    select x.code, x.stage, x.has_stones into o from public.orders x where x.id = new.order_id;
    if o.code is null then
      raise exception using errcode = 'LP110', message = 'That order does not exist.';
    end if;
    if o.stage in ('cancelled', 'shipping', 'delivered') then
      raise exception using errcode = 'LP110',
        message = format('Stones can be allocated only to an order still being made; %s is %s.', o.code,
                         case o.stage when 'cancelled' then 'cancelled' when 'shipping' then 'being shipped' else 'delivered' end);
    end if;
    if not o.has_stones then
      raise exception using errcode = 'LP111',
        message = format('%s is a piece without stones.', o.code);
    end if;
    new.allocated_by := (select auth.uid());
    new.allocated_at := now();
    new.set_at := null;
    new.set_by := null;
    new.released_at := null;
    new.released_by := null;
    new.release_reason := null;
  end if;

  if new.stone_id is not null then
    new.stone_count := 1;
    new.carat := (select s.carat from public.stones s where s.id = new.stone_id);
    if new.released_at is null then
      -- A plain sentence for the common case; the unique index decides the race.
      select x.code, s.lab || ' ' || s.report_number into holder, stone_label
      from public.stone_allocations a
      join public.orders x on x.id = a.order_id
      join public.stones s on s.id = a.stone_id
      where a.stone_id = new.stone_id and a.released_at is null;
      if holder is not null then
        raise exception using errcode = 'LP112',
          message = format('Stone %s is already allocated to %s.', stone_label, holder);
      end if;
    end if;
  else
    if coalesce(new.stone_count, 0) < 1 then
      raise exception using errcode = 'LP114', message = 'Allocate at least one melee stone.';
    end if;
    if new.carat is null then
      -- The lot's average weight per stone, for what a bench jeweler counts out.
      select * into lot from public.melee_lots l where l.id = new.melee_lot_id;
      if lot.id is null then
        raise exception using errcode = 'LP114', message = 'That melee lot does not exist.';
      end if;
      new.carat := round(lot.carat_received * new.stone_count / lot.count_received, 3);
      if new.carat > lot.carat_left then
        new.carat := lot.carat_left;
      end if;
    end if;
    if new.carat <= 0 then
      raise exception using errcode = 'LP114', message = 'Melee carat weight must be more than zero.';
    end if;
    if new.released_at is null then
      perform private.take_from_melee_lot(new.melee_lot_id, new.stone_count, new.carat);
    end if;
  end if;
  return new;
end;
$$;
revoke all on function private.check_stone_allocation() from public;

create trigger stone_allocations_check
  before insert or update on public.stone_allocations
  for each row execute function private.check_stone_allocation();

-- Cancelling an order puts its stones back (security definer: the stylist who cancels does not
-- write allocations).
create function private.release_stones_of_cancelled_order()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.stone_allocations a
  set released_at = now(), released_by = (select auth.uid()), release_reason = 'Order cancelled'
  where a.order_id = new.id and a.released_at is null;
  return null;
end;
$$;
revoke all on function private.release_stones_of_cancelled_order() from public;

create trigger orders_release_stones_on_cancel
  after update of stage on public.orders
  for each row
  when (new.stage = 'cancelled' and old.stage is distinct from 'cancelled')
  execute function private.release_stones_of_cancelled_order();

-- Hand-setting recorded done marks the order's allocated stones set (by whoever did the step);
-- undoing the step puts them back to allocated. Its own trigger beside the ledger's logic on
-- production_steps.
create function private.mark_stones_set()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.done_at is not null then
    update public.stone_allocations a
    set set_at = new.done_at, set_by = new.done_by
    where a.order_id = new.order_id and a.released_at is null and a.set_at is null;
  else
    update public.stone_allocations a
    set set_at = null, set_by = null
    where a.order_id = new.order_id and a.released_at is null and a.set_at is not null;
  end if;
  return null;
end;
$$;
revoke all on function private.mark_stones_set() from public;

create trigger production_steps_mark_stones_set
  after update of done_at on public.production_steps
  for each row
  when (new.step = 'hand_setting' and (old.done_at is null) <> (new.done_at is null))
  execute function private.mark_stones_set();

-- The API: allocate a certified stone, allocate part of a melee lot, release an allocation.
create function public.allocate_stone(p_order_id uuid, p_stone_id uuid)
returns public.stone_allocations
language plpgsql
security invoker
set search_path = ''
as $$
declare
  result public.stone_allocations;
  stone_label text;
begin
  if (select private.staff_role()) is null or (select private.staff_role()) not in ('workshop', 'manager') then
    raise exception using errcode = 'LP117', message = 'Only the workshop or a manager allocates stones.';
  end if;
  select s.lab || ' ' || s.report_number into stone_label from public.stones s where s.id = p_stone_id;
  if stone_label is null then
    raise exception using errcode = 'LP112', message = 'That stone is not in the inventory.';
  end if;
  begin
    insert into public.stone_allocations (order_id, stone_id) values (p_order_id, p_stone_id)
    returning * into result;
  exception when unique_violation then
    -- Lost the race: another allocation of this stone committed while this one waited.
    raise exception using errcode = 'LP112',
      message = format('Stone %s was just allocated to another order.', stone_label);
  end;
  return result;
end;
$$;
comment on function public.allocate_stone(uuid, uuid) is
  'Allocate a certified stone to an order (workshop, manager). Refused when the stone is on another order.';

create function public.allocate_melee(p_order_id uuid, p_lot_id uuid, p_count integer, p_carat numeric default null)
returns public.stone_allocations
language plpgsql
security invoker
set search_path = ''
as $$
declare
  result public.stone_allocations;
begin
  if (select private.staff_role()) is null or (select private.staff_role()) not in ('workshop', 'manager') then
    raise exception using errcode = 'LP117', message = 'Only the workshop or a manager allocates stones.';
  end if;
  if p_lot_id is null then
    raise exception using errcode = 'LP114', message = 'Choose a melee lot.';
  end if;
  insert into public.stone_allocations (order_id, melee_lot_id, stone_count, carat)
  values (p_order_id, p_lot_id, p_count, p_carat)
  returning * into result;
  return result;
end;
$$;
comment on function public.allocate_melee(uuid, uuid, integer, numeric) is
  'Allocate part of a melee lot to an order (workshop, manager); carat defaults to the lot''s average per stone.';

create function public.release_stone_allocation(p_allocation_id uuid, p_reason text default null)
returns public.stone_allocations
language plpgsql
security invoker
set search_path = ''
as $$
declare
  result public.stone_allocations;
begin
  if (select private.staff_role()) is null or (select private.staff_role()) not in ('workshop', 'manager') then
    raise exception using errcode = 'LP117', message = 'Only the workshop or a manager releases stones.';
  end if;
  update public.stone_allocations a
  set released_at = now(), release_reason = nullif(btrim(coalesce(p_reason, '')), '')
  where a.id = p_allocation_id
  returning * into result;
  if result.id is null then
    raise exception using errcode = 'LP118', message = 'That allocation does not exist.';
  end if;
  return result;
end;
$$;
comment on function public.release_stone_allocation(uuid, text) is
  'Put an allocated stone (or melee) back into inventory (workshop; a set stone only by a manager).';

revoke all on function public.allocate_stone(uuid, uuid) from public, anon;
revoke all on function public.allocate_melee(uuid, uuid, integer, numeric) from public, anon;
revoke all on function public.release_stone_allocation(uuid, text) from public, anon;
grant execute on function public.allocate_stone(uuid, uuid) to authenticated, service_role;
grant execute on function public.allocate_melee(uuid, uuid, integer, numeric) to authenticated, service_role;
grant execute on function public.release_stone_allocation(uuid, text) to authenticated, service_role;

-- Views (security_invoker: each reader's own RLS applies).
create view public.stone_inventory
with (security_invoker = true)
as
select s.id, s.lab, s.report_number, s.carat, s.colour, s.clarity, s.shape, s.note, s.received_at,
       case when a.id is null then 'available' when a.set_at is not null then 'set' else 'allocated' end as state,
       a.id as allocation_id, a.order_id, o.code as order_code, a.allocated_at, a.set_at
from public.stones s
left join public.stone_allocations a on a.stone_id = s.id and a.released_at is null
left join public.orders o on o.id = a.order_id;
comment on view public.stone_inventory is
  'Certified stones with where each stands: available, allocated to an order, or set in its piece.';

create view public.order_stone_allocations
with (security_invoker = true)
as
select a.id as allocation_id, a.order_id, o.code as order_code,
       case when a.stone_id is not null then 'certified' else 'melee' end as kind,
       case when a.set_at is not null then 'set' else 'allocated' end as state,
       a.stone_id, s.lab, s.report_number, a.carat, coalesce(s.colour, l.colour) as colour,
       coalesce(s.clarity, l.clarity) as clarity, coalesce(s.shape, l.shape) as shape,
       a.melee_lot_id, l.lot_code, l.size_mm, a.stone_count, a.allocated_at, a.allocated_by, a.set_at
from public.stone_allocations a
join public.orders o on o.id = a.order_id
left join public.stones s on s.id = a.stone_id
left join public.melee_lots l on l.id = a.melee_lot_id
where a.released_at is null;
comment on view public.order_stone_allocations is
  'The stones on each order now (released ones left out): for the workspace panel and the job ticket.';

-- Certificate vs stone, per order. Each allocated certified stone is 'match' when a certificate
-- on the order carries its lab + report number; otherwise it is paired with a certificate on the
-- order that matches no allocated stone ('mismatch': wrong report for the stone, or the wrong
-- stone for the report) or, with none left, 'missing'. Certificates left over are 'unallocated'
-- (their stone is not allocated to this order).
create view public.stone_certificate_checks
with (security_invoker = true)
as
with alloc as (
  select a.order_id, a.id as allocation_id, s.id as stone_id, s.lab, s.report_number, s.carat,
         row_number() over (partition by a.order_id order by a.allocated_at, a.id) as n
  from public.stone_allocations a
  join public.stones s on s.id = a.stone_id
  where a.released_at is null
),
matched as (
  select al.*, c.id as certificate_id, c.lab as certificate_lab, c.report_number as certificate_report_number,
         c.carat as certificate_carat
  from alloc al
  left join lateral (
    select c.* from public.certificates c
    where c.order_id = al.order_id and c.lab = al.lab and c.report_number = al.report_number
    limit 1
  ) c on true
),
unmatched as (
  select m.order_id, m.allocation_id, m.stone_id, m.lab, m.report_number, m.carat,
         row_number() over (partition by m.order_id order by m.n) as k
  from matched m where m.certificate_id is null
),
stray as (
  select c.order_id, c.id, c.lab, c.report_number, c.carat,
         row_number() over (partition by c.order_id order by c.created_at, c.id) as k
  from public.certificates c
  where not exists (
    select 1 from alloc al
    where al.order_id = c.order_id and al.lab = c.lab and al.report_number = c.report_number
  )
)
select m.order_id, m.allocation_id, m.stone_id, m.lab as stone_lab, m.report_number as stone_report_number,
       m.carat as stone_carat, m.certificate_id, m.certificate_lab, m.certificate_report_number,
       m.certificate_carat, 'match'::text as status
from matched m
where m.certificate_id is not null
union all
select coalesce(u.order_id, st.order_id), u.allocation_id, u.stone_id, u.lab, u.report_number, u.carat,
       st.id, st.lab, st.report_number, st.carat,
       case when u.allocation_id is null then 'unallocated'
            when st.id is null then 'missing'
            else 'mismatch' end
from unmatched u
full join stray st on st.order_id = u.order_id and st.k = u.k;
comment on view public.stone_certificate_checks is
  'Per order: each allocated certified stone against the certificates attached (match, mismatch, missing, unallocated).';

-- QC's "Certificate matches stone" passes only when the order's certified stones and its
-- certificates agree. Orders with no certified stone allocated (a customer's own stone, orders
-- from before the inventory) are not held to it: the database cannot know their stone.
create function private.check_certificate_matches_stone()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
declare
  problem record;
  v_order_id uuid;
begin
  if (select private.staff_role()) is null then
    return new;
  end if;
  select r.order_id into v_order_id from public.qc_runs r where r.id = new.run_id;
  if not exists (
    select 1 from public.stone_allocations a
    where a.order_id = v_order_id and a.stone_id is not null and a.released_at is null
  ) then
    return new;
  end if;
  select * into problem
  from public.stone_certificate_checks c
  where c.order_id = v_order_id and c.status <> 'match'
  order by case c.status when 'mismatch' then 0 when 'missing' then 1 else 2 end
  limit 1;
  if problem.status = 'mismatch' then
    raise exception using errcode = 'LP116',
      message = format('Certificate %s %s does not match the allocated stone %s %s.', problem.certificate_lab,
                       problem.certificate_report_number, problem.stone_lab, problem.stone_report_number);
  elsif problem.status = 'missing' then
    raise exception using errcode = 'LP116',
      message = format('Stone %s %s has no certificate attached to this order.', problem.stone_lab,
                       problem.stone_report_number);
  elsif problem.status = 'unallocated' then
    raise exception using errcode = 'LP116',
      message = format('Certificate %s %s is for a stone not allocated to this order.', problem.certificate_lab,
                       problem.certificate_report_number);
  end if;
  return new;
end;
$$;
revoke all on function private.check_certificate_matches_stone() from public;

create trigger qc_run_items_certificate_matches_stone
  before update of result on public.qc_run_items
  for each row
  when (new.result = 'pass' and old.result is distinct from 'pass'
        and lower(btrim(new.label)) = 'certificate matches stone')
  execute function private.check_certificate_matches_stone();

-- Row level security: every staff role reads; the workshop and managers receive stones and
-- allocate; managers remove inventory rows. Allocations are never deleted (release instead);
-- clients write only the columns the rules expect.
alter table public.stones enable row level security;
alter table public.melee_lots enable row level security;
alter table public.stone_allocations enable row level security;
revoke all on table public.stones, public.melee_lots, public.stone_allocations from anon;
revoke insert, update, delete on table public.melee_lots, public.stone_allocations from authenticated;
grant insert (lot_code, shape, size_mm, colour, clarity, count_received, carat_received)
  on table public.melee_lots to authenticated;
grant update (lot_code, shape, size_mm, colour, clarity) on table public.melee_lots to authenticated;
grant delete on table public.melee_lots to authenticated;
grant insert (order_id, stone_id, melee_lot_id, stone_count, carat) on table public.stone_allocations to authenticated;
grant update (released_at, release_reason) on table public.stone_allocations to authenticated;

create policy "staff see certified stones"
  on public.stones for select to authenticated
  using ((select private.staff_role()) is not null);
create policy "workshop and managers receive certified stones"
  on public.stones for insert to authenticated
  with check ((select private.staff_role()) in ('workshop', 'manager'));
create policy "workshop and managers correct certified stones"
  on public.stones for update to authenticated
  using ((select private.staff_role()) in ('workshop', 'manager'))
  with check ((select private.staff_role()) in ('workshop', 'manager'));
create policy "managers remove certified stones"
  on public.stones for delete to authenticated
  using ((select private.staff_role()) = 'manager');

create policy "staff see melee lots"
  on public.melee_lots for select to authenticated
  using ((select private.staff_role()) is not null);
create policy "workshop and managers receive melee lots"
  on public.melee_lots for insert to authenticated
  with check ((select private.staff_role()) in ('workshop', 'manager'));
create policy "workshop and managers correct melee lots"
  on public.melee_lots for update to authenticated
  using ((select private.staff_role()) in ('workshop', 'manager'))
  with check ((select private.staff_role()) in ('workshop', 'manager'));
create policy "managers remove melee lots"
  on public.melee_lots for delete to authenticated
  using ((select private.staff_role()) = 'manager');

create policy "staff see stone allocations"
  on public.stone_allocations for select to authenticated
  using ((select private.staff_role()) is not null);
create policy "workshop and managers allocate stones"
  on public.stone_allocations for insert to authenticated
  with check ((select private.staff_role()) in ('workshop', 'manager'));
create policy "workshop and managers release stones"
  on public.stone_allocations for update to authenticated
  using ((select private.staff_role()) in ('workshop', 'manager'))
  with check ((select private.staff_role()) in ('workshop', 'manager'));

alter publication supabase_realtime add table public.stone_allocations;
