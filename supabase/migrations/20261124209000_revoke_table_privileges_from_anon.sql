-- Issue 10: customers now reach the database with the anon key (review links), so "anon has no
-- table privileges at all" becomes a promise the catalog keeps, not a habit each migration has
-- to remember. Supabase's default privileges grant every new public table, view and sequence to
-- anon (RLS is then the only guard); every table so far revoked them by hand, but several views
-- (security_invoker, so still guarded by their tables) kept the grant. Here: take away what anon
-- holds on every existing relation in public, and stop granting it on the ones migrations create
-- from now on. Anon keeps only what is granted explicitly: execute on review_page/review_decide.
revoke all on all tables in schema public from anon;
revoke all on all sequences in schema public from anon;
alter default privileges in schema public revoke all on tables from anon;
alter default privileges in schema public revoke all on sequences from anon;
