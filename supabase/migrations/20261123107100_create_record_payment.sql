-- public.record_payment(): a stylist or manager records that the customer paid the quote in
-- full (card, Shop Pay installments, another installment plan or a bank transfer — the house is
-- paid up front by the provider, so all count as paid in full), and the order moves on to CAD by
-- move_order's rules, in one transaction. The payment is logged by orders' payment trigger
-- (payment_recorded: who, method, amount, when paid) and the move by move_order (stage_changed).
--
-- One deliberate exception to "all or nothing": when CAD is at its WIP limit (LP020), money the
-- house has received must not go unrecorded. The payment stays; the order waits, paid, in
-- awaiting payment, and the caller sees stage = awaiting_payment with paid_at set. A manager may
-- pass an override reason to take the slot anyway, exactly as with move_order.
--
-- Refusal codes: PT403 not a stylist or manager; PT404/PT409 from private.lock_order;
--   LP100  already paid in full          LP101  not awaiting payment
--   LP102  no quote to pay               LP103  method or paid-at date missing or impossible

-- security definer, like private.move_order: it calls private.lock_order, which only rule
-- functions may, and checks the caller's role itself before anything else.
create function private.record_payment(
  p_order_id uuid,
  p_expected_version integer,
  p_method public.payment_method,
  p_paid_at timestamptz,
  p_override_reason text
)
returns public.orders
language plpgsql
security definer
set search_path = ''
as $$
declare
  o public.orders;
  paid timestamptz := coalesce(p_paid_at, now());
  tz text;
  method_label text;
begin
  if (select private.staff_role()) is distinct from 'concierge'
     and (select private.staff_role()) is distinct from 'manager' then
    raise exception using errcode = 'PT403', message = 'Only a stylist or a manager can record a payment.';
  end if;
  o := private.lock_order(p_order_id, p_expected_version);
  select w.timezone into tz from public.workshop_settings w;

  if o.paid_at is not null then
    raise exception using errcode = 'LP100',
      message = format('Order %s was already paid in full on %s.', o.code,
                       to_char(o.paid_at at time zone tz, 'FMMon FMDD, YYYY'));
  end if;
  if o.stage <> 'awaiting_payment' then
    raise exception using errcode = 'LP101',
      message = format('Order %s is in %s; a payment is recorded while the order awaits payment.',
                       o.code, private.stage_label(o.stage));
  end if;
  if o.quote_amount is null then
    raise exception using errcode = 'LP102',
      message = format('Order %s has no quote yet: send the quote before recording the payment.', o.code);
  end if;
  if p_method is null then
    raise exception using errcode = 'LP103', message = 'Choose how the customer paid.';
  end if;
  -- A few minutes of slack for a tablet whose clock runs ahead.
  if paid > now() + interval '5 minutes' then
    raise exception using errcode = 'LP103', message = 'A payment cannot be recorded in the future.';
  end if;
  if (paid at time zone tz)::date < (o.created_at at time zone tz)::date then
    raise exception using errcode = 'LP103',
      message = format('The payment date is before order %s was opened (%s).', o.code,
                       to_char(o.created_at at time zone tz, 'FMMon FMDD, YYYY'));
  end if;

  update public.orders set paid_at = paid, payment_method = p_method
  where id = o.id
  returning * into o;

  method_label := case p_method
    when 'card' then 'card'
    when 'shop_pay_installments' then 'Shop Pay installments'
    when 'installment_plan' then 'installment plan'
    when 'bank_transfer' then 'bank transfer'
  end;
  begin
    o := private.move_order(o.id, 'cad', o.version, format('Paid in full (%s).', method_label),
                            p_override_reason);
  exception when sqlstate 'LP020' then
    -- CAD is full: the payment above stands (this block's savepoint only undoes the move).
    null;
  end;
  return o;
end;
$$;
revoke all on function private.record_payment(uuid, integer, public.payment_method, timestamptz, text) from public;
grant execute on function private.record_payment(uuid, integer, public.payment_method, timestamptz, text) to authenticated, service_role;

create function public.record_payment(
  p_order_id uuid,
  p_expected_version integer,
  p_method public.payment_method,
  p_paid_at timestamptz default null,
  p_override_reason text default null
)
returns public.orders
language sql
security invoker
set search_path = ''
as $$
  select * from private.record_payment(p_order_id, p_expected_version, p_method, p_paid_at, p_override_reason);
$$;
comment on function public.record_payment(uuid, integer, public.payment_method, timestamptz, text) is
  'Records full payment of an order awaiting payment and moves it on to CAD (unless CAD is at its WIP limit).';
revoke all on function public.record_payment(uuid, integer, public.payment_method, timestamptz, text) from public, anon;
grant execute on function public.record_payment(uuid, integer, public.payment_method, timestamptz, text) to authenticated, service_role;
