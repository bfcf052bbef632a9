-- The house's file buckets, all private (files are served through signed URLs), each with the
-- size limit and file types Storage enforces on upload, and the storage.objects policies that
-- say who reads and writes which bucket. Paths start with the id of the order (or, for
-- reference images, the intake request) the file belongs to, so access follows the order.
--
--   intake-references  images, 15 MB                 concierge and managers write
--   cad                images, PDF, 3D files, 50 MB  workshop, concierge and managers write
--   certificates       PDF, JPEG, PNG, 20 MB         QC and managers write
--   qc-photos          images, 25 MB                 QC and managers write
--   qc-videos          MP4, MOV, WebM, 500 MB        QC and managers write (unboxing videos)
--   shipping-labels    PDF, PNG, 5 MB                concierge, workshop and managers write
-- Every member of staff reads them; files are removed by their uploader or a manager.

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types) values
  ('intake-references', 'intake-references', false, 15 * 1024 * 1024,
   array['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/gif']),
  ('cad', 'cad', false, 50 * 1024 * 1024,
   array['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'model/stl', 'model/obj',
         'model/3mf', 'application/sla', 'application/vnd.ms-pki.stl', 'application/octet-stream']),
  ('certificates', 'certificates', false, 20 * 1024 * 1024,
   array['application/pdf', 'image/jpeg', 'image/png']),
  ('qc-photos', 'qc-photos', false, 25 * 1024 * 1024,
   array['image/jpeg', 'image/png', 'image/webp', 'image/heic']),
  ('qc-videos', 'qc-videos', false, 500 * 1024 * 1024,
   array['video/mp4', 'video/quicktime', 'video/webm']),
  ('shipping-labels', 'shipping-labels', false, 5 * 1024 * 1024,
   array['application/pdf', 'image/png']);

-- The first folder of a path is the owning record's id. Written inline (not as a helper) so
-- the uuid cast is guarded and the lookup uses the primary key.
create policy "staff read the files of orders and requests"
  on storage.objects for select to authenticated
  using (
    bucket_id in ('intake-references', 'cad', 'certificates', 'qc-photos', 'qc-videos', 'shipping-labels')
    and (select private.staff_role()) is not null
    and case
      when (storage.foldername(name))[1] !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then false
      when bucket_id = 'intake-references' then exists (
        select 1 from public.intake_requests r where r.id = ((storage.foldername(name))[1])::uuid)
      else exists (
        select 1 from public.orders o where o.id = ((storage.foldername(name))[1])::uuid)
    end
  );

create policy "staff upload the files of their own work"
  on storage.objects for insert to authenticated
  with check (
    case bucket_id
      when 'intake-references' then (select private.staff_role()) in ('concierge', 'manager')
      when 'cad' then (select private.staff_role()) in ('workshop', 'concierge', 'manager')
      when 'certificates' then (select private.staff_role()) in ('qc', 'manager')
      when 'qc-photos' then (select private.staff_role()) in ('qc', 'manager')
      when 'qc-videos' then (select private.staff_role()) in ('qc', 'manager')
      when 'shipping-labels' then (select private.staff_role()) in ('concierge', 'workshop', 'manager')
      else false
    end
    and case
      when (storage.foldername(name))[1] !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then false
      when bucket_id = 'intake-references' then exists (
        select 1 from public.intake_requests r where r.id = ((storage.foldername(name))[1])::uuid)
      else exists (
        select 1 from public.orders o where o.id = ((storage.foldername(name))[1])::uuid)
    end
  );

-- Files are evidence: replacing one in place is a manager's call (upload a new one instead).
create policy "managers replace files"
  on storage.objects for update to authenticated
  using (
    bucket_id in ('intake-references', 'cad', 'certificates', 'qc-photos', 'qc-videos', 'shipping-labels')
    and (select private.staff_role()) = 'manager'
  )
  with check (
    bucket_id in ('intake-references', 'cad', 'certificates', 'qc-photos', 'qc-videos', 'shipping-labels')
    and (select private.staff_role()) = 'manager'
  );

create policy "uploaders and managers remove files"
  on storage.objects for delete to authenticated
  using (
    bucket_id in ('intake-references', 'cad', 'certificates', 'qc-photos', 'qc-videos', 'shipping-labels')
    and (
      (select private.staff_role()) = 'manager'
      or ((select private.staff_role()) is not null and owner_id = (select auth.uid())::text)
    )
  );
