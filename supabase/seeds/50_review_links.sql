-- Demo customer review links for `npm start`, with tokens written down here so a demo can open
-- them (real tokens are random and never stored; only their SHA-256 is). Demo data only: never
-- run this against a production project — anyone who reads this file could open these links.
--   CAD review (the first seeded order whose design is with the customer):
--     http://localhost:5173/r/DemoCadReviewLink-for-npm-start-only-2026aa
--   Status only (the first seeded order in production, quote shown):
--     http://localhost:5173/r/DemoStatusLink-for-npm-start-only-2026-bbbb
-- Runs after 10_workshop_orders.sql.

do $links$
declare
  concierge uuid := '0a5e1000-0000-4000-8000-000000000001';
  o record;
  link uuid;
begin
  if exists (select 1 from public.review_links) then
    return;
  end if;

  select x.id, (select max(e.id) from public.order_events e where e.order_id = x.id and e.kind = 'cad_sent') as sent,
         (select count(*) from public.cad_revisions r where r.order_id = x.id and r.kind = 'tweak') as round
  into o
  from public.orders x
  where x.stage = 'cad' and x.cad_state = 'with_customer'
  order by x.code
  limit 1;
  if o.id is not null and o.sent is not null then
    insert into public.review_links (order_id, kind, cad_sent_event_id, cad_round, created_by, expires_at)
    values (o.id, 'cad_review', o.sent, o.round, concierge, now() + interval '60 days')
    returning id into link;
    insert into private.review_link_tokens (token_hash, link_id, expires_at)
    select private.review_token_hash('DemoCadReviewLink-for-npm-start-only-2026aa'), l.id, l.expires_at
    from public.review_links l where l.id = link;
  end if;

  select x.id into o from public.orders x where x.stage = 'production' order by x.code limit 1;
  if o.id is not null then
    insert into public.review_links (order_id, kind, show_quote, created_by, expires_at)
    values (o.id, 'status', true, concierge, now() + interval '60 days')
    returning id into link;
    insert into private.review_link_tokens (token_hash, link_id, expires_at)
    select private.review_token_hash('DemoStatusLink-for-npm-start-only-2026-bbbb'), l.id, l.expires_at
    from public.review_links l where l.id = link;
  end if;
end;
$links$;
