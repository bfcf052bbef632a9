-- Demo workshop data: about 80 believable orders across every stage with 16 weeks of history
-- (event log, payments, CAD rounds, production steps, QC runs, certificates, shipments,
-- after-sales), plus open intake requests carrying each risk flag. Deterministic (setseed).
-- `npm run seed:scale -- --orders 10000` runs this same file with loupe.seed_orders and
-- loupe.seed_weeks set. Demo data only: never run this against a production project.
-- The demo run (no loupe.seed_orders) gives its orders fixed ids, so the seeded certificate
-- PDFs (supabase/seed-files/certificates/<order id>/…, uploaded from config.toml's
-- objects_path, linked by seeds/20_certificate_files.sql) find their orders; the clock is UTC
-- so the same orders reach the same stages whatever the session's time zone.

do $seed$
declare
  n_orders integer := coalesce(nullif(current_setting('loupe.seed_orders', true), '')::integer, 80);
  n_weeks integer := coalesce(nullif(current_setting('loupe.seed_weeks', true), '')::integer, 16);
  demo boolean := nullif(current_setting('loupe.seed_orders', true), '') is null;
  stylists uuid[] := array['0a5e1000-0000-4000-8000-000000000001', '0a5e1000-0000-4000-8000-000000000005']::uuid[];
  workshop uuid := '0a5e1000-0000-4000-8000-000000000002';
  qc_staff uuid := '0a5e1000-0000-4000-8000-000000000003';
  manager uuid := '0a5e1000-0000-4000-8000-000000000004';
  firsts text[] := array['Maya', 'Priya', 'Olivia', 'Sofia', 'Amelia', 'Hannah', 'Chloe', 'Zara',
    'Isabel', 'Nora', 'Leila', 'Grace', 'Ava', 'Mei', 'Camila', 'Ruth', 'Ines', 'Daniel', 'Marcus',
    'Theo', 'Jamal', 'Lucas', 'Elena', 'Yuki', 'Fatima', 'Clara', 'Noah', 'Ethan', 'Aisha', 'Lena'];
  lasts text[] := array['Rodriguez', 'Shah', 'Bennett', 'Costa', 'Nakamura', 'Okafor', 'Dubois',
    'Kowalski', 'Haddad', 'Lindqvist', 'Moreno', 'Fitzgerald', 'Chen', 'Abara', 'Romano', 'Singh',
    'Walsh', 'Ivanova', 'Herrera', 'Tanaka', 'Brooks', 'Mensah', 'Novak', 'Ferreira', 'Kim'];
  names_by_base jsonb := '{
    "bespoke_ring": ["Oval solitaire", "Three-stone trellis", "Bezel-set emerald cut", "Hidden-halo pear", "Toi et moi ring", "Marquise east-west solitaire"],
    "stacking_rings": ["Pavé stacking set", "Contour band trio", "Baguette eternity stack"],
    "layering_trio": ["Initial, bar and paperclip trio", "Birthstone layering trio", "Herringbone and pendant trio"],
    "earscape": ["Constellation earscape", "Huggie and climber set", "Cartilage star earscape"]
  }';
  hold_reasons text[] := array['Customer travelling until next week; approval paused.',
    'Centre stone on back-order from the supplier.', 'Waiting for the customer to confirm the engraving text.',
    'Customer asked to pause while they decide between metals.'];
  cancel_reasons text[] := array['Customer chose a ready-to-ship piece instead.', 'Budget changed; customer withdrew.',
    'Duplicate request from the same customer.'];
  tweak_notes text[] := array['Make the band 0.3 mm thinner.', 'Lower the setting so it sits closer to the finger.',
    'Swap the side stones for baguettes.', 'Round the shoulders a little more.', 'Open up the gallery under the stone.'];
  stage_chain public.order_stage[] := array['intake', 'awaiting_payment', 'cad', 'production', 'qc', 'shipping', 'delivered']::public.order_stage[];
  i integer;
  k integer;
  span interval;
  base public.product_base;
  metal public.metal;
  cust uuid;
  req uuid;
  oid uuid;
  stylist uuid;
  first_name text;
  last_name text;
  received timestamptz;
  confirmed timestamptz;
  t timestamptz[];          -- when the order entered each stage of stage_chain
  reached integer;          -- index in stage_chain of the stage the order is in now
  tweaks integer;
  sent timestamptz;
  rework boolean;
  certified boolean;
  stones boolean;
  final_stage public.order_stage;
  entered timestamptz;
  hold_at timestamptz;
  v_run uuid;
  code_no integer;
  shipped timestamptz;
  v_cad public.cad_state;
  size numeric;
  rnd double precision;
  shift interval;
  cad_at timestamptz[];
  cad_kind text[];
  cad_until timestamptz;
  rounds integer;
  cad_shift interval;       -- time the design spent with the customer (off the CAD clock)
  paused timestamptz;       -- when the CAD clock stopped, for a design with the customer now
begin
  perform set_config('TimeZone', 'UTC', true);
  perform setseed(0.2026);
  span := make_interval(days => n_weeks * 7);

  for i in 1 .. n_orders loop
    -- Who, what and when.
    base := (array['bespoke_ring', 'bespoke_ring', 'bespoke_ring', 'stacking_rings', 'layering_trio', 'earscape']::public.product_base[])[1 + floor(random() * 6)::integer];
    metal := (enum_range(null::public.metal))[1 + floor(random() * 7)::integer];
    first_name := firsts[1 + floor(random() * array_length(firsts, 1))::integer];
    last_name := lasts[1 + floor(random() * array_length(lasts, 1))::integer];
    stylist := stylists[1 + (i % 2)];
    stones := base <> 'layering_trio' or random() < 0.4;
    certified := stones and base = 'bespoke_ring' and random() < 0.85;
    size := case when base in ('bespoke_ring', 'stacking_rings') then
              case when i % 23 = 0 then 13.5 when i % 31 = 0 then 2.75 else 4.5 + floor(random() * 17) / 4 end end;

    -- Oldest first, so codes follow dates; the business is growing, so recent weeks are busier
    -- (and the board has work in every column).
    received := now() - span * power(1 - (i - 0.5) / n_orders, 1.6) - make_interval(hours => 3);
    -- Most confirmations beat the 2 h promise; about one in five does not.
    confirmed := received + make_interval(mins => case when random() < 0.8 then 10 + floor(random() * 100)::integer else 130 + floor(random() * 240)::integer end);

    -- The order's path: when it entered each stage (random but believable durations, a few
    -- long tails that end up late), then where "now" falls on that path.
    tweaks := case when random() < 0.5 then 0 when random() < 0.6 then 1 else 2 end;
    rework := i % 37 = 12;
    t := array[confirmed + make_interval(mins => 5 + floor(random() * 60)::integer)];
    t := t || (t[1] + make_interval(hours => 2 + floor(random() * 28)::integer));           -- quote sent
    t := t || (t[2] + make_interval(hours => 12 + floor(random() * 130)::integer));         -- paid in full
    t := t || (t[3] + make_interval(hours => 20 + floor(random() * 30)::integer + tweaks * (30 + floor(random() * 40)::integer) + 6 + floor(random() * 40)::integer));
    t := t || (t[4] + make_interval(days => round((9 + random() * 8 + case when random() < 0.12 then 5 else 0 end) * 1.4)::integer));
    t := t || (t[5] + make_interval(hours => 20 + floor(random() * 76)::integer + case when rework then 96 else 0 end));
    t := t || (t[6] + make_interval(hours => 48 + floor(random() * 96)::integer));
    -- A few of the older orders are slid forward so that today finds them in QC, or in CAD
    -- on their second tweak round: every column of the board has cards.
    shift := null;
    if i % 11 = 4 and t[6] <= now() then
      shift := now() - make_interval(hours => 4 + i % 30) - t[5];
    elsif i % 11 = 8 and t[5] <= now() then
      tweaks := 2;
      shift := now() + make_interval(hours => 6 + i % 14) - t[4];
    end if;
    if shift is not null then
      received := received + shift;
      confirmed := confirmed + shift;
      for k in 1 .. 7 loop
        t[k] := t[k] + shift;
      end loop;
    end if;
    reached := 1;
    for k in 2 .. 7 loop
      if t[k] <= now() then reached := k; end if;
    end loop;
    -- The QC failure and rework story is told only for pieces that have since passed QC.
    rework := rework and reached >= 6;
    cust := gen_random_uuid();
    insert into public.customers (id, display_name, created_at, created_by)
    values (cust, first_name || ' ' || left(last_name, 1) || '.', received, stylist);
    insert into public.customer_contacts (customer_id, full_name, email, phone, address_line1, city, region, postal_code, country)
    values (cust, first_name || ' ' || last_name,
            lower(first_name || '.' || last_name || i || '@example.com'),
            '+1 212 555 ' || lpad((i % 10000)::text, 4, '0'),
            (10 + i % 890) || ' ' || (array['Bleecker St', 'Elm Ave', 'Harbor Rd', 'Maple Ln', 'Sunset Blvd'])[1 + i % 5],
            (array['New York', 'Brooklyn', 'Austin', 'Chicago', 'San Francisco', 'Seattle'])[1 + i % 6],
            (array['NY', 'NY', 'TX', 'IL', 'CA', 'WA'])[1 + i % 6],
            lpad((10001 + i * 37 % 89000)::text, 5, '0'), 'US');

    req := gen_random_uuid();
    insert into public.intake_requests (id, customer_id, received_at, source, base, metal, stone_preferences, ring_size,
      budget_amount, is_gift, needed_by, notes, path, risk_flags, assigned_stylist_id, status, confirmed_at, created_at)
    values (req, cust, received,
      case when i % 3 = 0 then 'concierge_form' else 'customizer_look' end::public.intake_source,
      base, metal,
      case when stones then (array['1.2 ct oval lab diamond', '0.9 ct round natural diamond', 'Emerald-cut sapphire, teal', 'Pear moissanite, 1.5 ct', 'Mixed pavé accents'])[1 + i % 5] end,
      size, round((800 + random() * 8000)::numeric, -2), i % 7 = 0,
      case when i % 7 = 0 then (received + make_interval(days => 18 + i % 30))::date end,
      case when i % 9 = 0 then 'Wants a hidden birthstone inside the band.' end,
      case when i % 3 = 0 then 'concierge_assisted' else 'self_serve' end::public.intake_path,
      case when i % 9 = 0 then array['special_request']::public.intake_risk[]
           when i % 13 = 0 then array['feasibility_review']::public.intake_risk[] else '{}' end,
      stylist, 'converted', confirmed, received);

    final_stage := stage_chain[reached];
    entered := t[reached];
    -- CAD acts up to today (or until the design was approved): the first design sent, then
    -- each tweak request and the re-send. The order's CAD state follows from the last act.
    cad_at := '{}';
    cad_kind := '{}';
    if reached >= 3 then
      sent := t[3] + make_interval(hours => 20 + floor(random() * 20)::integer);
      cad_until := case when reached > 3 then t[4] - interval '4 hours' else now() end;
      if sent <= cad_until then
        cad_at := cad_at || sent; cad_kind := cad_kind || 'sent'::text;
        for k in 1 .. tweaks loop
          sent := sent + make_interval(hours => 18 + floor(random() * 20)::integer);
          exit when sent > cad_until;
          cad_at := cad_at || sent; cad_kind := cad_kind || 'tweak'::text;
          sent := sent + make_interval(hours => 8 + floor(random() * 16)::integer);
          exit when sent > cad_until;
          cad_at := cad_at || sent; cad_kind := cad_kind || 'sent'::text;
        end loop;
      end if;
    end if;
    v_cad := case
      when reached > 3 then 'approved'
      when reached < 3 then null
      when cardinality(cad_kind) = 0 then 'drafting'
      when cad_kind[cardinality(cad_kind)] = 'sent' then 'with_customer'
      else 'tweak_requested' end;
    -- The CAD clock is the house's: each stretch with the customer moves the stage start on,
    -- and a design with the customer now has its clock stopped since it was sent.
    cad_shift := interval '0';
    paused := null;
    if reached = 3 then
      for k in 1 .. cardinality(cad_kind) loop
        if cad_kind[k] = 'sent' and k < cardinality(cad_kind) then
          cad_shift := cad_shift + (cad_at[k + 1] - cad_at[k]);
        elsif cad_kind[k] = 'sent' then
          paused := cad_at[k];
        end if;
      end loop;
      entered := t[3] + cad_shift;
    end if;

    -- The order row in its current state; the trigger logs "created" in the stylist's name.
    perform set_config('request.jwt.claims', json_build_object('sub', stylist, 'role', 'authenticated')::text, true);
    insert into public.orders (id, customer_id, intake_request_id, product, product_name, metal, specs, has_stones,
      has_certified_stones, ring_size, quote_amount, paid_at, payment_method, stage, stage_entered_at,
      stage_clock_paused_at, cad_state, priority, promised_date, assignee_id, created_at, updated_at)
    values (case when demo then md5('loupe-demo-order-' || i)::uuid else gen_random_uuid() end,
      cust, req, base,
      (select x #>> '{}' from jsonb_array_elements(names_by_base -> base::text) with ordinality e(x, n)
        where n = 1 + i % jsonb_array_length(names_by_base -> base::text)),
      metal,
      jsonb_strip_nulls(jsonb_build_object('stones', case when stones then 'as quoted' end, 'finish', (array['high polish', 'satin', 'hammered'])[1 + i % 3])),
      stones, certified, size,
      case base when 'bespoke_ring' then 2800 + (i * 173) % 6700 when 'stacking_rings' then 900 + (i * 97) % 1700
                when 'layering_trio' then 700 + (i * 61) % 1200 else 600 + (i * 83) % 1600 end,
      case when reached >= 3 then t[3] - interval '12 minutes' end,
      case when reached >= 3 then (array['card', 'card', 'shop_pay_installments', 'installment_plan', 'bank_transfer']::public.payment_method[])[1 + i % 5] end,
      final_stage, entered, paused, v_cad,
      case when i % 11 = 0 then 1 else 0 end,
      (t[1] + make_interval(days => 30 + i % 6))::date,
      case when reached in (3, 4) then workshop when reached = 5 then qc_staff end,
      t[1], greatest(entered, t[1]))
    returning id, substring(code from '[0-9]+$')::integer into oid, code_no;
    perform set_config('request.jwt.claims', '', true);

    -- The history, act by act.
    if reached >= 2 then
      insert into public.order_events (order_id, kind, at, actor_id, from_stage, to_stage, note)
      values (oid, 'stage_changed', t[2], stylist, 'intake', 'awaiting_payment', 'Quote sent.');
    end if;
    if reached >= 3 then
      insert into public.order_events (order_id, kind, at, actor_id, from_stage, to_stage, data) values
        (oid, 'payment_recorded', t[3] - interval '12 minutes', stylist, 'awaiting_payment', 'awaiting_payment', '{}'),
        (oid, 'stage_changed', t[3], stylist, 'awaiting_payment', 'cad', '{}');
      -- CAD: the first design, then each tweak round and the re-send, then approval.
      rounds := 0;
      for k in 1 .. cardinality(cad_kind) loop
        if cad_kind[k] = 'sent' then
          if k = 1 then
            insert into public.cad_revisions (order_id, kind, note, requested_by, created_at)
            values (oid, 'initial', 'First design.', workshop, cad_at[k]);
          end if;
          insert into public.order_events (order_id, kind, at, actor_id, from_stage, to_stage)
          values (oid, 'cad_sent', cad_at[k], workshop, 'cad', 'cad');
        else
          rounds := rounds + 1;
          insert into public.cad_revisions (order_id, kind, note, requested_by, created_at)
          values (oid, 'tweak', tweak_notes[1 + (i + rounds) % 5], stylist, cad_at[k]);
          insert into public.order_events (order_id, kind, at, actor_id, from_stage, to_stage, note, data)
          values (oid, 'cad_tweak_requested', cad_at[k], stylist, 'cad', 'cad', tweak_notes[1 + (i + rounds) % 5],
                  jsonb_build_object('round', rounds));
        end if;
      end loop;
      if reached >= 4 then
        insert into public.order_events (order_id, kind, at, actor_id, from_stage, to_stage, note) values
          (oid, 'cad_approved', t[4] - interval '3 hours', stylist, 'cad', 'cad', 'Customer approved by email.'),
          (oid, 'stage_changed', t[4], workshop, 'cad', 'production', null);
      end if;
    end if;

    -- Production steps done in order across the stage (all of them once past production).
    if reached >= 4 then
      update public.production_steps s
      set done_at = t[4] + (least(coalesce(t[5], now()), now()) - t[4]) * (array_position(enum_range(null::public.production_step_kind), s.step)::numeric / 5.5),
          done_by = workshop
      where s.order_id = oid and s.applicable
        and (reached >= 5 or array_position(enum_range(null::public.production_step_kind), s.step) <= 1 + i % 4);
    end if;

    -- QC: a run per attempt; one order fails its first run and goes back for rework.
    if reached >= 5 then
      insert into public.order_events (order_id, kind, at, actor_id, from_stage, to_stage)
      values (oid, 'stage_changed', t[5], workshop, 'production', 'qc');
      if rework then
        insert into public.qc_runs (order_id, attempt, started_by, started_at) values (oid, 1, qc_staff, t[5] + interval '2 hours')
        returning id into v_run;
        update public.qc_run_items set result = case when label = 'Stones secure' then 'fail' else 'pass' end::public.qc_item_result,
          checked_by = qc_staff, checked_at = t[5] + interval '3 hours',
          note = case when label = 'Stones secure' then 'North prong on the centre stone lifted.' end
        where qc_run_items.run_id = v_run;
        update public.qc_runs set status = 'failed', finished_at = t[5] + interval '4 hours',
          fail_reason = 'Prong on the centre stone lifted; re-tip and re-set.' where id = v_run;
        insert into public.order_events (order_id, kind, at, actor_id, from_stage, to_stage, note, data) values
          (oid, 'stage_changed', t[5] + interval '4 hours', qc_staff, 'qc', 'production', 'Prong on the centre stone lifted; re-tip and re-set.',
           jsonb_build_object('rework', true, 'qc_run_id', v_run, 'qc_attempt', 1)),
          (oid, 'stage_changed', t[5] + interval '76 hours', workshop, 'production', 'qc', 'Re-tipped and re-set.', '{}');
      end if;
      insert into public.qc_runs (order_id, attempt, started_by, started_at)
      values (oid, case when rework then 2 else 1 end, qc_staff, t[5] + case when rework then interval '78 hours' else interval '2 hours' end)
      returning id into v_run;
      if certified then
        insert into public.certificates (order_id, lab, report_number, carat, colour, clarity, cut_shape, added_by, created_at)
        values (oid, case when i % 3 = 0 then 'IGI' else 'GIA' end::public.certificate_lab,
                case when i % 3 = 0 then 'LG6' || lpad(code_no::text, 8, '0') else '22' || lpad(code_no::text, 8, '0') end,
                round((0.5 + random() * 2)::numeric, 2), (array['D', 'E', 'F', 'G', 'H'])[1 + i % 5],
                (array['VVS1', 'VVS2', 'VS1', 'VS2', 'SI1'])[1 + i % 5],
                (array['Oval', 'Round brilliant', 'Emerald', 'Pear', 'Marquise'])[1 + i % 5],
                qc_staff, least(now() - interval '10 minutes', t[5] + interval '5 hours'));
      end if;
      update public.qc_run_items set result = 'pass', checked_by = qc_staff,
        checked_at = greatest(t[5], least(now(), coalesce(t[6], now()))) - interval '1 hour'
      where qc_run_items.run_id = v_run
        and (reached >= 6 or position <= 2 + i % 5);
      if reached >= 6 then
        update public.qc_runs set status = 'passed', finished_at = t[6] where id = v_run;
        insert into public.order_events (order_id, kind, at, actor_id, from_stage, to_stage, data)
        values (oid, 'stage_changed', t[6], qc_staff, 'qc', 'shipping', jsonb_build_object('qc_run_id', v_run));
      end if;
    end if;

    -- Shipping and delivery.
    if reached >= 6 then
      shipped := t[6] + make_interval(hours => 12 + floor(random() * 24)::integer);
      insert into public.shipments (order_id, carrier, tracking_number, shipped_at, delivered_at, created_by, created_at)
      values (oid, case when i % 2 = 0 then 'UPS' else 'FedEx' end,
              case when i % 2 = 0 then '1Z' || upper(substr(md5(oid::text), 1, 16)) else lpad((code_no * 7919 + 100000000000)::text, 12, '0') end,
              case when shipped <= now() then shipped end,
              case when reached = 7 then t[7] end, stylist, t[6] + interval '2 hours');
    end if;
    if reached = 7 then
      insert into public.order_events (order_id, kind, at, actor_id, from_stage, to_stage)
      values (oid, 'stage_changed', t[7], case when i % 2 = 0 then stylist else workshop end, 'shipping', 'delivered');
      -- After-sales: a free resize within 30 days, a late one that is billed, a cleaning.
      if i % 17 = 1 and size is not null then
        insert into public.service_requests (order_id, kind, from_size, to_size, requested_at, status, note, created_by)
        values (oid, 'resize', size, size + 0.5, least(now(), t[7] + make_interval(days => 8 + i % 20)), 'done', 'Slightly snug in summer.', stylist);
      elsif i % 17 = 5 then
        insert into public.service_requests (order_id, kind, requested_at, status, created_by)
        values (oid, 'cleaning', least(now(), t[7] + interval '40 days'), 'open', stylist);
      end if;
    end if;

    -- A few orders wait on hold, a few were cancelled.
    if i % 7 = 3 and final_stage in ('cad', 'production', 'qc') then
      hold_at := entered + (now() - entered) * 0.4;
      update public.orders set stage = 'on_hold', stage_entered_at = hold_at, stage_clock_paused_at = null,
        resume_stage = final_stage,
        on_hold_reason = hold_reasons[1 + i % 4], updated_at = hold_at where id = oid;
      insert into public.order_events (order_id, kind, at, actor_id, from_stage, to_stage, note, data)
      values (oid, 'stage_changed', hold_at, manager, final_stage, 'on_hold', hold_reasons[1 + i % 4],
              jsonb_build_object('stage_entered_at', entered));
    elsif i % 6 = 5 and final_stage in ('intake', 'awaiting_payment', 'cad') then
      hold_at := entered + (now() - entered) * 0.5;
      update public.orders set stage = 'cancelled', stage_entered_at = hold_at, stage_clock_paused_at = null,
        cancel_reason = cancel_reasons[1 + i % 3],
        cad_state = null, updated_at = hold_at where id = oid;
      insert into public.order_events (order_id, kind, at, actor_id, from_stage, to_stage, note)
      values (oid, 'stage_changed', hold_at, stylist, final_stage, 'cancelled', cancel_reasons[1 + i % 3]);
    end if;
  end loop;

  -- Open intake requests from the last two days: each risk flag, each status, some already
  -- past the 2 h confirmation promise.
  for i in 1 .. greatest(14, n_orders / 6) loop
    first_name := firsts[1 + (i * 7) % array_length(firsts, 1)];
    last_name := lasts[1 + (i * 11) % array_length(lasts, 1)];
    cust := gen_random_uuid();
    received := now() - make_interval(mins => 20 + i * 170 % 2800);
    insert into public.customers (id, display_name, created_at, created_by)
    values (cust, first_name || ' ' || left(last_name, 1) || '.', received, stylists[1 + i % 2]);
    insert into public.customer_contacts (customer_id, full_name, email, phone)
    values (cust, first_name || ' ' || last_name, lower(first_name || '.' || last_name || '.new' || i || '@example.com'),
            '+1 646 555 ' || lpad((i % 10000)::text, 4, '0'));
    rnd := random();
    insert into public.intake_requests (customer_id, received_at, source, base, metal, stone_preferences, ring_size,
      budget_amount, is_gift, needed_by, notes, path, risk_flags, assigned_stylist_id, status, confirmed_at, created_at)
    values (cust, received,
      case when i % 2 = 0 then 'customizer_look' else 'concierge_form' end::public.intake_source,
      (enum_range(null::public.product_base))[1 + i % 4],
      (enum_range(null::public.metal))[1 + i % 7],
      (array['Oval lab diamond, about 1.5 ct', 'Something green — emerald or tsavorite', null, 'Round brilliant, G colour or better'])[1 + i % 4],
      case when i % 4 in (0, 1) then (array[2.5, 6.25, 13.75, 7])[1 + i % 4] end,
      (array[1500, 3200, 6000, 12000])[1 + i % 4],
      i % 5 = 2, case when i % 5 = 2 then (received + make_interval(days => 9 + i % 5))::date end,
      (array['Matching band for an heirloom ring; needs to sit flush.', 'Wants the setting to hold a stone she already owns.',
             'Left-handed, wears rings stacked on the index finger.', null])[1 + i % 4],
      case when i % 3 = 0 then 'concierge_assisted'::public.intake_path end,
      case when i % 6 = 1 then array['special_request']::public.intake_risk[]
           when i % 6 = 3 then array['feasibility_review']::public.intake_risk[]
           when i % 6 = 5 then array['special_request', 'feasibility_review']::public.intake_risk[] else '{}' end,
      case when i % 4 <> 0 then stylists[1 + i % 2] end,
      (array['new', 'new', 'in_review', 'confirmed', 'declined', 'in_review'])[1 + i % 6]::public.intake_status,
      case when (array['new', 'new', 'in_review', 'confirmed', 'declined', 'in_review'])[1 + i % 6] = 'confirmed'
           then received + make_interval(mins => 40 + floor(rnd * 150)::integer) end,
      received);
  end loop;
end
$seed$;
