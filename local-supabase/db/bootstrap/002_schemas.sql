-- Schemas and default privileges as on Supabase (initial-schema.sql): the API roles use
-- `public`, and whatever a migration creates there is granted to them by default; RLS is what
-- actually guards rows.
create schema if not exists extensions;
create schema if not exists auth;
create schema if not exists storage;
create schema if not exists realtime;

grant usage on schema public to postgres, anon, authenticated, service_role;
grant usage on schema extensions to postgres, anon, authenticated, service_role;

alter default privileges in schema public grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to postgres, anon, authenticated, service_role;

-- Supabase installs these in `extensions` for every project.
create extension if not exists pgcrypto with schema extensions;
create extension if not exists "uuid-ossp" with schema extensions;

alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
