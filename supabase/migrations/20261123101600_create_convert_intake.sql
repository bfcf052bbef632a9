-- public.convert_intake(): turns a confirmed intake request into an order (stage intake, ready
-- for the quote), copying the customer, product, metal, size and stone wishes, and marks the
-- request converted — both or neither. Runs with the caller's rights: RLS decides who may.
--
-- Refusal codes: PT403 not a stylist or manager, PT404 no such request, LP080 not confirmed yet.

create function public.convert_intake(p_intake_request_id uuid, p_product_name text default null)
returns public.orders
language plpgsql
security invoker
set search_path = ''
as $$
declare
  req public.intake_requests;
  o public.orders;
begin
  if (select private.staff_role()) is distinct from 'concierge'
     and (select private.staff_role()) is distinct from 'manager' then
    raise exception using errcode = 'PT403', message = 'Only a stylist or a manager can turn a request into an order.';
  end if;
  select * into req from public.intake_requests where id = p_intake_request_id for update;
  if not found then
    raise exception using errcode = 'PT404', message = 'That intake request does not exist.';
  end if;
  if req.status = 'converted' then
    raise exception using errcode = 'LP080', message = 'This request has already been turned into an order.';
  end if;
  if req.status <> 'confirmed' then
    raise exception using errcode = 'LP080', message = 'Confirm the request''s details with the customer before turning it into an order.';
  end if;

  insert into public.orders (customer_id, intake_request_id, product, product_name, metal, ring_size, specs, has_stones)
  values (
    req.customer_id, req.id, req.base,
    coalesce(nullif(btrim(p_product_name), ''), initcap(replace(req.base::text, '_', ' '))),
    req.metal, req.ring_size,
    jsonb_strip_nulls(jsonb_build_object('stones', req.stone_preferences, 'notes', req.notes,
                                         'needed_by', req.needed_by, 'gift', req.is_gift)),
    req.stone_preferences is not null
  )
  returning * into o;

  update public.intake_requests set status = 'converted' where id = req.id;
  return o;
end;
$$;
comment on function public.convert_intake(uuid, text) is 'Turns a confirmed intake request into an order.';
revoke all on function public.convert_intake(uuid, text) from public, anon;
grant execute on function public.convert_intake(uuid, text) to authenticated, service_role;
