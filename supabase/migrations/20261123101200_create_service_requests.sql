-- After-sales service requests on delivered orders: resizes and care (cleaning, polish, prong
-- check). The first resize within 30 days of delivery, by at most 2 US sizes, is free; the
-- database decides, not the client.
--
-- Refusal codes: LP070 service is for delivered orders, LP071 a resize needs both sizes.

create table public.service_requests (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references public.orders (id) on delete cascade,
  kind public.service_kind not null,
  from_size numeric(4, 2)
    constraint service_requests_from_size_quarter check (from_size > 0 and from_size <= 16 and from_size * 4 = trunc(from_size * 4)),
  to_size numeric(4, 2)
    constraint service_requests_to_size_quarter check (to_size > 0 and to_size <= 16 and to_size * 4 = trunc(to_size * 4)),
  requested_at timestamptz not null default now(),
  is_free boolean not null default false,
  status public.service_status not null default 'open',
  note text,
  created_by uuid default auth.uid() references public.staff (id) on delete set null,
  constraint service_requests_resize_sizes check (kind <> 'resize' or (from_size is not null and to_size is not null and from_size <> to_size))
);
comment on table public.service_requests is 'After-sales resizes and care for delivered pieces.';
comment on column public.service_requests.is_free is
  'Set by the database: first resize, within 30 days of delivery, at most 2 sizes. Care is billed.';
create index service_requests_order_id_idx on public.service_requests (order_id);
create index service_requests_created_by_idx on public.service_requests (created_by);

create function private.price_service_request()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
declare
  delivered timestamptz;
begin
  if not exists (select 1 from public.orders o where o.id = new.order_id and o.stage = 'delivered') then
    raise exception using errcode = 'LP070', message = 'After-sales service is only for delivered orders.';
  end if;
  if new.kind = 'resize' and (new.from_size is null or new.to_size is null or new.from_size = new.to_size) then
    raise exception using errcode = 'LP071', message = 'A resize needs the current size and a different new size.';
  end if;
  -- Staff cannot backdate a request into the free window.
  if tg_op = 'INSERT' and (select private.staff_role()) is not null then
    new.requested_at := now();
  end if;
  select max(e.at) into delivered
  from public.order_events e
  where e.order_id = new.order_id and e.kind = 'stage_changed' and e.to_stage = 'delivered';
  new.is_free := new.kind = 'resize'
    and delivered is not null
    and new.requested_at <= delivered + interval '30 days'
    and abs(new.to_size - new.from_size) <= 2
    and not exists (
      select 1 from public.service_requests s
      where s.order_id = new.order_id and s.kind = 'resize' and s.id <> new.id
    );
  return new;
end;
$$;
revoke all on function private.price_service_request() from public;

create trigger service_requests_price
  before insert or update of kind, from_size, to_size, requested_at, order_id on public.service_requests
  for each row execute function private.price_service_request();

alter table public.service_requests enable row level security;
revoke all on table public.service_requests from anon;
revoke update on table public.service_requests from authenticated;
grant update (status, note) on table public.service_requests to authenticated;

create policy "staff see service requests"
  on public.service_requests for select to authenticated
  using ((select private.staff_role()) is not null);
create policy "concierge and managers open service requests"
  on public.service_requests for insert to authenticated
  with check ((select private.staff_role()) in ('concierge', 'manager'));
create policy "concierge workshop and managers progress service requests"
  on public.service_requests for update to authenticated
  using ((select private.staff_role()) in ('concierge', 'workshop', 'manager'))
  with check ((select private.staff_role()) in ('concierge', 'workshop', 'manager'));
create policy "managers remove service requests"
  on public.service_requests for delete to authenticated
  using ((select private.staff_role()) = 'manager');
