-- Managers edit the QC checklists (DESIGN: they configure checklist templates), and a run
-- item keeps its own copy of the line it checked (label, required, needs photo). Removing a
-- checklist line, or a whole checklist, sets qc_run_items.template_item_id to null on every
-- run that used it (on delete set null) — and private.check_qc_item() refused that update on
-- finished runs as if QC were re-checking the piece (LP042), so no manager could ever remove a
-- line once a run had passed or failed with it. The guard is for what QC records (result,
-- note, photo); a change that touches none of them — only the cascade can make one, since
-- clients may write nothing else — passes untouched.

create or replace function private.check_qc_item()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  if (select private.staff_role()) is null then
    return new;
  end if;
  if (new.result, new.note, new.photo_attachment_id)
     is not distinct from (old.result, old.note, old.photo_attachment_id) then
    return new;
  end if;
  if (select r.status from public.qc_runs r where r.id = new.run_id) <> 'in_progress' then
    raise exception using errcode = 'LP042',
      message = 'This QC run is finished; start a new run to check the piece again.';
  end if;
  if new.result = 'pass' and new.needs_photo and new.photo_attachment_id is null then
    raise exception using errcode = 'LP043',
      message = format('%s needs a photo before it can pass.', new.label);
  end if;
  if new.result is distinct from old.result then
    new.checked_by := case when new.result = 'pending' then null else (select auth.uid()) end;
    new.checked_at := case when new.result = 'pending' then null else now() end;
  end if;
  return new;
end;
$$;
