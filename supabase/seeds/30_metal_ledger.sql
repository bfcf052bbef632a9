-- Demo metal ledger: for every seeded order that reached production, each production step done
-- so far gets an issue of metal (3 h before the step was done) and a return (5 min before),
-- carrying the piece's weight from step to step; the step an order in production is on now has
-- its metal out (on the floor today). Losses sit inside the default norms except a few that are
-- flagged (a casting above its metal's norm, a polish at 1.7 %), and one casting issue carries a
-- correction. Deterministic (the order of the codes). Runs after 10_workshop_orders.sql.
-- Demo data only: never run this against a production project.

do $ledger$
declare
  workshop uuid := '0a5e1000-0000-4000-8000-000000000002';
  manager uuid := '0a5e1000-0000-4000-8000-000000000004';
  r record;
  s record;
  piece numeric;
  issued numeric;
  back numeric;
  recovered numeric;
  loss_rate numeric;
  who uuid;
  first_casting uuid;
begin
  if exists (select 1 from public.metal_entries) then
    return;
  end if;
  for r in
    select o.id, o.metal, o.product, o.stage, row_number() over (order by o.code) as k
    from public.orders o
    where o.stage = 'production'
       or exists (select 1 from public.production_steps p where p.order_id = o.id and p.done_at is not null)
    order by o.code
  loop
    -- The finished piece's weight: a ring ~9 g, a stack ~7 g, a trio ~6 g, an earscape ~3.5 g;
    -- platinum is denser than 18K gold (21.4 vs ~15.6 g/cm³), so the same model weighs more.
    piece := (case r.product when 'bespoke_ring' then 9 when 'stacking_rings' then 7
                             when 'layering_trio' then 6 else 3.5 end
              * case when r.metal = 'platinum' then 1.35 else 1 end) + (r.k % 7) * 0.37;
    who := case when r.k % 5 = 0 then manager else workshop end;
    for s in
      select p.step, p.done_at from public.production_steps p
      where p.order_id = r.id and p.applicable order by p.step
    loop
      if s.done_at is null then
        -- The step the piece is on now: metal issued this morning, not back yet.
        if r.stage = 'production' then
          insert into public.metal_entries (order_id, step, kind, grams, recorded_by, recorded_at)
          values (r.id, s.step, 'issue',
                  round(case when s.step = 'casting' then piece * 1.55 else piece end, 2), who,
                  now() - interval '95 minutes' - (r.k % 4) * interval '40 minutes');
        end if;
        exit;
      end if;
      if s.step = 'casting' then
        -- The tree carries ~55 % more metal than the piece: sprue and button come back as scrap.
        issued := round(piece * 1.55, 2);
        loss_rate := case when r.metal = 'platinum' then 0.021 + (r.k % 5) * 0.005
                          else 0.035 + (r.k % 6) * 0.008 end;
        if r.k % 11 = 3 then
          loss_rate := case when r.metal = 'platinum' then 0.068 else 0.112 end;
        end if;
        back := round(piece, 2);
        recovered := round(issued - back - issued * loss_rate, 2);
      else
        issued := round(piece, 2);
        loss_rate := case s.step when 'forming' then 0.012 + (r.k % 4) * 0.004
                                 when 'polishing' then case when r.k % 13 = 6 then 0.017 else 0.004 + (r.k % 3) * 0.002 end
                                 when 'hand_setting' then 0.002
                                 else 0.004 end;
        -- Filings and sawdust from forming are swept up for the refiner.
        recovered := case when s.step = 'forming' then round(issued * 0.008, 2) else 0 end;
        back := round(issued - issued * loss_rate - recovered, 2);
      end if;
      insert into public.metal_entries (order_id, step, kind, grams, recorded_by, recorded_at)
      values (r.id, s.step, 'issue', issued, who, s.done_at - interval '3 hours')
      returning case when s.step = 'casting' and first_casting is null then id else first_casting end
      into first_casting;
      insert into public.metal_entries (order_id, step, kind, grams, recovered_grams, recorded_by, recorded_at)
      values (r.id, s.step, 'return', back, recovered, who, s.done_at - interval '5 minutes');
      piece := back;
    end loop;
  end loop;

  -- A correction as the day's-end count finds them: the first casting was weighed with the
  -- flask's button still on it.
  if first_casting is not null then
    insert into public.metal_entries (order_id, step, kind, grams, corrects_id, reason, recorded_by, recorded_at)
    select e.order_id, e.step, e.kind, e.grams - 0.1, e.id,
           'Weighed with the flask button still attached; re-weighed.', manager, e.recorded_at + interval '6 hours'
    from public.metal_entries e where e.id = first_casting;
  end if;
end;
$ledger$;
