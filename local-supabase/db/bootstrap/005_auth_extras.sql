-- What the auth service needs beyond 003_auth.sql: GoTrue's `auth.mfa_amr_claims` (one row per
-- way a session was authenticated; the access token's `amr` claim is read from it, as GoTrue's
-- Session.CalculateAALAndAMR does) and the index GoTrue uses to find a session's tokens.
-- Idempotent: run on every start, and a real Postgres may already have these.
create table if not exists auth.mfa_amr_claims (
  session_id uuid not null references auth.sessions (id) on delete cascade,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  authentication_method text not null,
  id uuid primary key default gen_random_uuid(),
  constraint mfa_amr_claims_session_id_authentication_method_pkey unique (session_id, authentication_method)
);
create index if not exists refresh_tokens_instance_id_user_id_idx on auth.refresh_tokens (instance_id, user_id);
create index if not exists refresh_tokens_updated_at_idx on auth.refresh_tokens (updated_at desc);
grant all on auth.mfa_amr_claims to service_role;
