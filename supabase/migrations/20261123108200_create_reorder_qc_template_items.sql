-- Reordering a QC checklist in Settings: the items' positions are unique per template, so a
-- swap done as separate updates would collide half-way (and two requests could leave the list
-- half-moved). One call renumbers the whole list 1..n in the order given, atomically. It runs
-- as the caller: the "managers change qc checklist items" policy decides who may.
--
-- Refusal codes: LP106 the list given is not exactly the template's items.

create function public.reorder_qc_template_items(p_template_id uuid, p_item_ids uuid[])
returns setof public.qc_template_items
language plpgsql
volatile
security invoker
set search_path = ''
as $$
begin
  if (select private.staff_role()) is distinct from 'manager' then
    raise exception using errcode = 'LP100', message = 'Only managers can change QC checklists.';
  end if;
  if p_item_ids is null
     or cardinality(p_item_ids) <> (select count(distinct x) from unnest(p_item_ids) x)
     or (select count(*) from public.qc_template_items i where i.template_id = p_template_id)
        <> cardinality(p_item_ids)
     or exists (
       select 1 from unnest(p_item_ids) x
       where not exists (
         select 1 from public.qc_template_items i where i.id = x and i.template_id = p_template_id
       )
     ) then
    raise exception using errcode = 'LP106',
      message = 'The checklist changed while you were reordering it. Reload and try again.';
  end if;
  -- Out of the way first (negative), then into place: no moment with two items on one position.
  update public.qc_template_items i set position = -i.position where i.template_id = p_template_id;
  update public.qc_template_items i
  set position = o.n
  from unnest(p_item_ids) with ordinality as o(id, n)
  where i.id = o.id and i.template_id = p_template_id;
  update public.qc_templates t set updated_at = now() where t.id = p_template_id;
  return query
    select i.* from public.qc_template_items i where i.template_id = p_template_id order by i.position;
end;
$$;
comment on function public.reorder_qc_template_items(uuid, uuid[]) is
  'Puts a QC checklist''s items in the given order (positions 1..n); managers only.';
revoke all on function public.reorder_qc_template_items(uuid, uuid[]) from public, anon;
grant execute on function public.reorder_qc_template_items(uuid, uuid[]) to authenticated;
