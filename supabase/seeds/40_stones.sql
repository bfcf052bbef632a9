-- Demo stone inventory: a certified stone for every seeded certificate (the same lab, report
-- number and grading, so each certificate links to its stone and QC's "Certificate matches stone"
-- reads match), allocated to that certificate's order and set when its hand-setting was done; a
-- certified stone allocated to each certified order still before QC (its report comes with QC);
-- a dozen certified stones free in the safe; four melee lots, part of two given out to orders in
-- production. Deterministic apart from the carats the order seed drew. Runs after
-- 10_workshop_orders.sql. Demo data only: never run this against a production project.

do $stones$
declare
  workshop uuid := '0a5e1000-0000-4000-8000-000000000002';
  manager uuid := '0a5e1000-0000-4000-8000-000000000004';
  r record;
  v_stone uuid;
  k integer := 0;
begin
  if exists (select 1 from public.stones) then
    return;
  end if;

  -- 1. One stone per certificate; the insert trigger links the certificate to it.
  insert into public.stones (lab, report_number, carat, colour, clarity, shape, received_by, received_at)
  select c.lab, c.report_number, c.carat, c.colour, c.clarity, c.cut_shape, manager,
         coalesce(o.paid_at, o.created_at) - interval '3 days'
  from public.certificates c
  join public.orders o on o.id = c.order_id;

  insert into public.stone_allocations (order_id, stone_id, allocated_by, allocated_at, set_at, set_by,
                                        released_at, release_reason)
  select c.order_id, c.stone_id, workshop, coalesce(o.paid_at, o.created_at) + interval '1 day',
         hs.done_at, hs.done_by,
         case when o.stage = 'cancelled' then o.stage_entered_at end,
         case when o.stage = 'cancelled' then 'Order cancelled' end
  from public.certificates c
  join public.orders o on o.id = c.order_id
  left join public.production_steps hs on hs.order_id = o.id and hs.step = 'hand_setting' and hs.applicable
  where c.stone_id is not null;

  -- 2. Certified orders before QC: their stone is picked from the safe and allocated.
  for r in
    select o.id, o.code, o.paid_at, o.created_at, hs.done_at, hs.done_by
    from public.orders o
    left join public.production_steps hs on hs.order_id = o.id and hs.step = 'hand_setting' and hs.applicable
    where o.has_certified_stones and o.stage in ('cad', 'production', 'on_hold')
      and not exists (select 1 from public.certificates c where c.order_id = o.id)
    order by o.code
  loop
    k := k + 1;
    insert into public.stones (lab, report_number, carat, colour, clarity, shape, received_by, received_at)
    values (case when k % 3 = 0 then 'IGI' else 'GIA' end::public.certificate_lab,
            case when k % 3 = 0 then 'LG7' || lpad(k::text, 8, '0') else '23' || lpad(k::text, 8, '0') end,
            round(0.7 + (k % 7) * 0.15, 2), (array['D', 'E', 'F', 'G', 'H'])[1 + k % 5],
            (array['VVS2', 'VS1', 'VS2', 'VVS1', 'SI1'])[1 + k % 5],
            (array['Round brilliant', 'Oval', 'Cushion', 'Emerald', 'Pear'])[1 + k % 5],
            manager, coalesce(r.paid_at, r.created_at) - interval '3 days')
    returning id into v_stone;
    insert into public.stone_allocations (order_id, stone_id, allocated_by, allocated_at, set_at, set_by)
    values (r.id, v_stone, workshop, coalesce(r.paid_at, r.created_at) + interval '1 day', r.done_at, r.done_by);
  end loop;

  -- 3. Free stones in the safe.
  insert into public.stones (lab, report_number, carat, colour, clarity, shape, received_by, received_at)
  select case when n % 4 = 0 then 'IGI' else 'GIA' end::public.certificate_lab,
         case when n % 4 = 0 then 'LG8' || lpad(n::text, 8, '0') else '24' || lpad(n::text, 8, '0') end,
         round(0.5 + (n % 9) * 0.17, 2), (array['D', 'E', 'F', 'G', 'H', 'I'])[1 + n % 6],
         (array['IF', 'VVS1', 'VVS2', 'VS1', 'VS2', 'SI1'])[1 + n % 6],
         (array['Round brilliant', 'Oval', 'Cushion', 'Emerald', 'Pear', 'Radiant'])[1 + n % 6],
         workshop, now() - (n || ' days')::interval
  from generate_series(1, 12) n;

  -- 4. Melee lots, and melee for the pieces in production with stones.
  insert into public.melee_lots (lot_code, shape, size_mm, colour, clarity, count_received, carat_received,
                                 count_left, carat_left, received_by, received_at)
  values ('ML-1.3-GH-VS', 'Round', 1.30, 'G-H', 'VS', 500, 5.000, 500, 5.000, manager, now() - interval '60 days'),
         ('ML-1.5-FG-VS', 'Round', 1.50, 'F-G', 'VS', 300, 4.200, 300, 4.200, manager, now() - interval '45 days'),
         ('ML-1.0-DEF-VVS', 'Round', 1.00, 'D-F', 'VVS', 400, 2.000, 400, 2.000, manager, now() - interval '30 days'),
         ('ML-2.0-SAPH-B', 'Round', 2.00, 'Blue', 'Eye clean', 60, 2.100, 60, 2.100, manager, now() - interval '20 days');

  k := 0;
  for r in
    select o.id, o.paid_at, o.created_at, hs.done_at, hs.done_by
    from public.orders o
    left join public.production_steps hs on hs.order_id = o.id and hs.step = 'hand_setting' and hs.applicable
    where o.has_stones and o.stage = 'production'
    order by o.code
    limit 8
  loop
    k := k + 1;
    -- The insert trigger takes the stones from the lot (count and carats left go down).
    insert into public.stone_allocations (order_id, melee_lot_id, stone_count, carat, allocated_by, allocated_at,
                                          set_at, set_by)
    values (r.id, (select l.id from public.melee_lots l
                   where l.lot_code = case when k % 2 = 0 then 'ML-1.5-FG-VS' else 'ML-1.3-GH-VS' end),
            10 + 2 * k, null, workshop, coalesce(r.paid_at, r.created_at) + interval '2 days', r.done_at, r.done_by);
  end loop;
end;
$stones$;
