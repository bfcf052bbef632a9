-- private.lock_order(): the first step of every rule function that changes an order — the
-- caller must be staff, the order must exist, and the caller's expected version must still be
-- current. The row stays locked until the transaction ends, so two people acting on the same
-- card at once are serialised and the second one is told (PT409, which the REST layer answers
-- with HTTP 409), never silently overwritten.
--
-- Refusal codes shared by the rule functions (PostgREST answers PTxyz with HTTP xyz and any
-- other custom code with 400):
--   PT403  the caller's role may not do this          PT404  no such order
--   PT409  the order changed since the caller read it (version conflict)

create function private.lock_order(p_order_id uuid, p_expected_version integer)
returns public.orders
language plpgsql
-- Invoker: it is only ever called from the security definer rule functions, as their owner.
security invoker
set search_path = ''
as $$
declare
  o public.orders;
begin
  if (select private.staff_role()) is null then
    raise exception using errcode = 'PT403', message = 'Only Loupe staff can change orders.';
  end if;
  select * into o from public.orders where id = p_order_id for update;
  if not found then
    raise exception using errcode = 'PT404', message = 'That order does not exist.';
  end if;
  if p_expected_version is null or o.version <> p_expected_version then
    raise exception using
      errcode = 'PT409',
      message = format('Someone else changed order %s a moment ago. Reload it and try again.', o.code),
      detail = format('current version %s, expected %s', o.version, coalesce(p_expected_version::text, 'none'));
  end if;
  return o;
end;
$$;
comment on function private.lock_order(uuid, integer) is
  'Locks an order for a rule function after checking the caller is staff and the version is current.';
revoke all on function private.lock_order(uuid, integer) from public;
