-- Shipments: carrier, tracking number, shipped and delivered times, label file. An order may
-- have more than one (a resize goes back out), but a tracking number belongs to one shipment.

create table public.shipments (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references public.orders (id) on delete cascade,
  carrier text not null constraint shipments_carrier_known check (carrier in ('UPS', 'FedEx', 'USPS', 'DHL')),
  tracking_number text
    constraint shipments_tracking_number_format check (tracking_number ~ '^[A-Z0-9]{8,40}$'),
  shipped_at timestamptz,
  delivered_at timestamptz,
  label_attachment_id uuid references public.attachments (id) on delete set null,
  created_by uuid default auth.uid() references public.staff (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint shipments_tracking_unique unique (carrier, tracking_number),
  constraint shipments_delivered_after_shipped check (delivered_at is null or (shipped_at is not null and delivered_at >= shipped_at)),
  constraint shipments_shipped_has_tracking check (shipped_at is null or tracking_number is not null)
);
comment on table public.shipments is 'Parcels sent to customers, with tracking.';
create index shipments_order_id_idx on public.shipments (order_id);
create index shipments_label_attachment_id_idx on public.shipments (label_attachment_id);
create index shipments_created_by_idx on public.shipments (created_by);

alter table public.shipments enable row level security;
revoke all on table public.shipments from anon;

create policy "staff see shipments"
  on public.shipments for select to authenticated
  using ((select private.staff_role()) is not null);
create policy "concierge workshop and managers book shipments"
  on public.shipments for insert to authenticated
  with check ((select private.staff_role()) in ('concierge', 'workshop', 'manager'));
create policy "concierge workshop and managers update tracking"
  on public.shipments for update to authenticated
  using ((select private.staff_role()) in ('concierge', 'workshop', 'manager'))
  with check ((select private.staff_role()) in ('concierge', 'workshop', 'manager'));
create policy "managers remove shipments"
  on public.shipments for delete to authenticated
  using ((select private.staff_role()) = 'manager');
