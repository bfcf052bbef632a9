-- Issue 10, review links: a GET to /rpc/review_page runs the function in a READ ONLY
-- transaction (PostgREST does so for every GET). Before this migration the first write then
-- failed with 25006 — on an unknown token the failure counter's INSERT, on a live one the
-- opened_at UPDATE — so the error text told a guessed token from a real one, and nothing was
-- counted: an oracle around the rate limit. Now both entry points refuse a read-only call first,
-- with one fixed answer, before the token is even hashed. The customer page always uses POST.

create function private.review_require_post()
returns void
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  if current_setting('transaction_read_only') = 'on' then
    raise exception using errcode = 'PT405',
      message = 'Open review links with POST.';
  end if;
end;
$$;
revoke all on function private.review_require_post() from public;

create or replace function review_access.review_page(p_token text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  client text := private.review_client_key();
  l public.review_links;
begin
  -- Before anything that depends on the token: see the header comment.
  perform private.review_require_post();
  perform private.review_check_client(client);
  l := private.review_link_for(p_token);
  if l.id is null then
    -- Recorded and answered, not raised: an exception would roll the count back.
    perform private.review_record_failure(client);
    return jsonb_build_object('status', 'invalid');
  end if;
  update public.review_links x
  set opened_at = coalesce(x.opened_at, now()), last_opened_at = now()
  where x.id = l.id
  returning * into l;
  return private.review_page_json(l);
end;
$$;

create or replace function review_access.review_decide(p_token text, p_decision text, p_note text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  client text := private.review_client_key();
  l public.review_links;
  o public.orders;
  note text;
  used integer;
  latest_send bigint;
  who jsonb;
begin
  -- Before anything that depends on the token: see the header comment.
  perform private.review_require_post();
  perform private.review_check_client(client);
  l := private.review_link_for(p_token);
  if l.id is null then
    perform private.review_record_failure(client);
    return jsonb_build_object('status', 'invalid');
  end if;
  -- The customer's words, with the link itself taken out if they pasted it in: tokens never
  -- reach the event log.
  note := nullif(btrim(replace(coalesce(p_note, ''), p_token, '[link]')), '');

  if l.kind <> 'cad_review' then
    raise exception using errcode = 'LP127', message = 'This link shows the order''s progress; it cannot approve or change the design.';
  end if;
  -- Order first, then link: the same lock order as the staff CAD acts.
  select * into o from public.orders x where x.id = l.order_id for update;
  select * into l from public.review_links x where x.id = l.id for update;
  select max(e.id) into latest_send from public.order_events e where e.order_id = o.id and e.kind = 'cad_sent';
  if l.decided_at is not null then
    raise exception using errcode = 'LP124',
      message = 'Your decision on this design is already recorded. Your stylist will be in touch about the next step.';
  end if;
  if o.stage <> 'cad' or o.cad_state is distinct from 'with_customer' or l.cad_sent_event_id <> latest_send then
    raise exception using errcode = 'LP124',
      message = 'This design is no longer waiting for your decision. Please contact your stylist.';
  end if;
  if p_decision is null or p_decision not in ('approve', 'tweak', 'major_change') then
    raise exception using errcode = 'LP126', message = 'Choose approve, a minor tweak or a bigger change.';
  end if;
  if p_decision in ('tweak', 'major_change') and note is null then
    raise exception using errcode = 'LP125',
      message = case p_decision when 'tweak' then 'Tell us what you would like changed.'
                else 'Tell us about the change you have in mind.' end;
  end if;
  if char_length(note) > 2000 then
    raise exception using errcode = 'LP125', message = 'Please keep your note under 2,000 characters.';
  end if;

  who := jsonb_build_object('actor', 'customer', 'review_link_id', l.id);
  if p_decision = 'approve' then
    -- As approve_cad does: approved, and the house's CAD clock runs on from where it stopped.
    update public.orders
    set cad_state = 'approved',
        stage_entered_at = stage_entered_at + coalesce(now() - stage_clock_paused_at, interval '0'),
        stage_clock_paused_at = null
    where id = o.id returning * into o;
    insert into public.order_events (order_id, kind, actor_id, from_stage, to_stage, note, data)
    values (o.id, 'cad_approved', null, o.stage, o.stage, note, who || jsonb_build_object('round', l.cad_round));

  elsif p_decision = 'tweak' then
    select count(*) into used from public.cad_revisions r where r.order_id = o.id and r.kind = 'tweak';
    if used >= 2 then
      raise exception using errcode = 'LP123',
        message = 'Both minor tweak rounds for this design are used. Please contact your stylist to talk about a bigger change.';
    end if;
    -- As request_cad_tweak does; the cad_revisions trigger numbers the round and is the cap's
    -- last word.
    insert into public.cad_revisions (order_id, kind, note, requested_by) values (o.id, 'tweak', note, null);
    update public.orders
    set cad_state = 'tweak_requested',
        stage_entered_at = stage_entered_at + coalesce(now() - stage_clock_paused_at, interval '0'),
        stage_clock_paused_at = null
    where id = o.id returning * into o;
    insert into public.order_events (order_id, kind, actor_id, from_stage, to_stage, note, data)
    values (o.id, 'cad_tweak_requested', null, o.stage, o.stage, note,
            who || jsonb_build_object('round', used + 1));

  else
    -- A request, not a recorded major change: the stage, design state and clock stay; the
    -- flag on the order (and so the board) tells the concierge to call the customer.
    update public.orders set customer_change_requested_at = now() where id = o.id returning * into o;
    insert into public.order_events (order_id, kind, actor_id, from_stage, to_stage, note, data)
    values (o.id, 'major_change_requested', null, o.stage, o.stage, note,
            who || jsonb_build_object('round', l.cad_round));
  end if;

  update public.review_links x
  set decided_at = now(), decision = p_decision::public.review_decision, decision_note = note
  where x.id = l.id
  returning * into l;
  return private.review_page_json(l);
end;
$$;
