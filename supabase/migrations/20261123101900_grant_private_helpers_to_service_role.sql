-- service_role (scripts, data repair, the Studio) writes through the same tables, and their
-- triggers ask private.staff_role() whether the writer is staff; the staff migration granted
-- the private schema to authenticated only, so service_role gets usage and that one helper.
-- (It bypasses RLS anyway; this lets it reach the helper, not any new data.)
grant usage on schema private to service_role;
grant execute on function private.staff_role() to service_role;
