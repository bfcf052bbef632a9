-- Attachments: the record of every file kept for an intake request or an order (reference
-- images, CAD renders and files, certificates, QC photos, unboxing videos, shipping labels):
-- where it is in storage, its type and size, who uploaded it and when. Each kind has its own
-- file types and size limit (the same as its storage bucket) and its own uploaders.

create table public.attachments (
  id uuid primary key default gen_random_uuid(),
  order_id uuid references public.orders (id) on delete cascade,
  intake_request_id uuid references public.intake_requests (id) on delete cascade,
  kind public.attachment_kind not null,
  bucket text not null,
  storage_path text not null
    constraint attachments_storage_path_relative check (storage_path !~ '(^/|\.\./)' and char_length(storage_path) between 1 and 1024),
  file_name text,
  mime_type text not null,
  size_bytes bigint not null constraint attachments_size_positive check (size_bytes > 0),
  uploaded_by uuid default auth.uid() references public.staff (id) on delete set null,
  uploaded_at timestamptz not null default now(),
  constraint attachments_one_owner check ((order_id is null) <> (intake_request_id is null)),
  constraint attachments_reference_on_intake check ((kind = 'reference_image') = (intake_request_id is not null)),
  constraint attachments_bucket_path_unique unique (bucket, storage_path)
);
comment on table public.attachments is 'Metadata of files in storage, one row per file.';

create index attachments_order_id_kind_idx on public.attachments (order_id, kind);
create index attachments_intake_request_id_idx on public.attachments (intake_request_id);
create index attachments_uploaded_by_idx on public.attachments (uploaded_by);

-- The rules per kind, in plain words for whoever uploads.
create function private.check_attachment()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
declare
  mb constant bigint := 1024 * 1024;
  expected_bucket text;
  max_bytes bigint;
  types_ok boolean;
  what text;
begin
  case new.kind
    when 'reference_image' then
      expected_bucket := 'intake-references'; max_bytes := 15 * mb; what := 'A reference image';
      types_ok := new.mime_type in ('image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/gif');
    when 'cad_render' then
      expected_bucket := 'cad'; max_bytes := 50 * mb; what := 'A CAD render';
      types_ok := new.mime_type in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf');
    when 'cad_file' then
      expected_bucket := 'cad'; max_bytes := 50 * mb; what := 'A CAD file';
      types_ok := new.mime_type in ('model/stl', 'model/obj', 'model/3mf', 'application/sla',
        'application/vnd.ms-pki.stl', 'application/octet-stream', 'application/pdf',
        'image/jpeg', 'image/png');
    when 'certificate' then
      expected_bucket := 'certificates'; max_bytes := 20 * mb; what := 'A certificate';
      types_ok := new.mime_type in ('application/pdf', 'image/jpeg', 'image/png');
    when 'qc_photo' then
      expected_bucket := 'qc-photos'; max_bytes := 25 * mb; what := 'A QC photo';
      types_ok := new.mime_type in ('image/jpeg', 'image/png', 'image/webp', 'image/heic');
    when 'unboxing_video' then
      expected_bucket := 'qc-videos'; max_bytes := 500 * mb; what := 'An unboxing video';
      types_ok := new.mime_type in ('video/mp4', 'video/quicktime', 'video/webm');
    when 'shipping_label' then
      expected_bucket := 'shipping-labels'; max_bytes := 5 * mb; what := 'A shipping label';
      types_ok := new.mime_type in ('application/pdf', 'image/png');
  end case;
  if new.bucket <> expected_bucket then
    raise exception using errcode = 'LP060',
      message = format('%s belongs in the %s bucket.', what, expected_bucket);
  end if;
  if not types_ok then
    raise exception using errcode = 'LP061',
      message = format('%s cannot be a %s file.', what, new.mime_type);
  end if;
  if new.size_bytes > max_bytes then
    raise exception using errcode = 'LP062',
      message = format('%s can be at most %s MB; this file is %s MB.', what, max_bytes / mb,
                       round(new.size_bytes::numeric / mb, 1));
  end if;
  if tg_op = 'INSERT' and new.kind = 'reference_image' and (
       select count(*) from public.attachments a
       where a.intake_request_id = new.intake_request_id and a.kind = 'reference_image'
     ) >= 10 then
    raise exception using errcode = 'LP063',
      message = 'An intake request can have at most 10 reference images.';
  end if;
  return new;
end;
$$;
revoke all on function private.check_attachment() from public;

create trigger attachments_check
  before insert or update on public.attachments
  for each row execute function private.check_attachment();

alter table public.attachments enable row level security;
revoke all on table public.attachments from anon;
-- Attachment rows are facts about files: added and removed, not edited.
revoke update on table public.attachments from authenticated;

create policy "staff see attachments"
  on public.attachments for select to authenticated
  using ((select private.staff_role()) is not null);

-- Who files what: stylists the customer's references, the workshop its CAD, QC its evidence;
-- labels by whoever ships; managers anything. Always in the uploader's own name.
create policy "staff attach the files of their own work"
  on public.attachments for insert to authenticated
  with check (
    uploaded_by = (select auth.uid())
    and case kind
      when 'reference_image' then (select private.staff_role()) in ('concierge', 'manager')
      when 'cad_render' then (select private.staff_role()) in ('workshop', 'concierge', 'manager')
      when 'cad_file' then (select private.staff_role()) in ('workshop', 'manager')
      when 'certificate' then (select private.staff_role()) in ('qc', 'manager')
      when 'qc_photo' then (select private.staff_role()) in ('qc', 'manager')
      when 'unboxing_video' then (select private.staff_role()) in ('qc', 'manager')
      when 'shipping_label' then (select private.staff_role()) in ('concierge', 'workshop', 'manager')
      else false
    end
  );

create policy "uploaders and managers remove attachments"
  on public.attachments for delete to authenticated
  using (
    uploaded_by = (select auth.uid())
    or (select private.staff_role()) = 'manager'
  );
