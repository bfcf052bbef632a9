-- Change capture for Supabase Realtime's postgres_changes, without logical decoding (PGlite has
-- none): the `supabase_realtime` publication decides which tables stream, exactly as on
-- Supabase, and a row trigger on each of those tables sends the change with pg_notify at commit.
-- Rolled-back writes never notify; writes from any path (REST, rpc, plain SQL) are seen.
-- Idempotent: runs before every start, on an existing database too.

-- Supabase creates the publication empty; projects add tables with
-- `alter publication supabase_realtime add table ...` in their migrations.
do $$
begin
  if not exists (select 1 from pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
end
$$;

-- Makes each notification payload unique: Postgres folds identical payloads sent on one channel
-- within one transaction into one, which would swallow two identical updates.
create sequence if not exists realtime.change_seq;

-- pg_notify payloads are capped near 8000 bytes: bigger changes are parked here and only their
-- sequence number is notified; the realtime service reads and deletes them.
create table if not exists realtime.pending_changes (
  seq bigint primary key,
  payload jsonb not null,
  created_at timestamptz not null default now()
);
revoke all on realtime.pending_changes from anon, authenticated;

-- One row trigger for every table in the publication. security definer: the writer's role (anon,
-- authenticated) must not need rights on the realtime schema to have its change captured.
create or replace function realtime.capture_change() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  seq bigint := nextval('realtime.change_seq');
  change text;
begin
  change := jsonb_build_object(
    'seq', seq,
    'schema', tg_table_schema,
    'table', tg_table_name,
    'type', tg_op,
    -- walrus formats the commit time this way; the change time is the closest a trigger sees.
    'commit_timestamp', to_char(clock_timestamp() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'record', case when tg_op <> 'DELETE' then to_jsonb(new) end,
    -- The whole old row: the service trims it to what the replica identity would put in the WAL.
    'old_record', case when tg_op <> 'INSERT' then to_jsonb(old) end
  )::text;
  if octet_length(change) <= 7500 then
    perform pg_notify('supabase_realtime_changes', change);
  else
    insert into realtime.pending_changes (seq, payload) values (seq, change::jsonb);
    perform pg_notify('supabase_realtime_changes', jsonb_build_object('seq', seq, 'parked', true)::text);
  end if;
  return null;
end
$$;

-- Puts the capture trigger on every table of the publication (including `for all tables`
-- publications, through pg_publication_tables) and takes it off tables that left it.
-- security definer: the event trigger runs it as whoever ran the DDL, who may not own the tables;
-- it takes no input and only brings the triggers in line with the publication.
create or replace function realtime.sync_capture_triggers() returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  rel regclass;
begin
  for rel in
    select c.oid::regclass
    from pg_catalog.pg_publication_tables pt
    join pg_catalog.pg_namespace n on n.nspname = pt.schemaname
    join pg_catalog.pg_class c on c.relnamespace = n.oid and c.relname = pt.tablename
    where pt.pubname = 'supabase_realtime'
      -- A `for all tables` publication also lists realtime's own tables: capturing those
      -- would recurse (a parked change is itself an insert).
      and pt.schemaname <> 'realtime'
      and not exists (
        select 1 from pg_catalog.pg_trigger t
        where t.tgrelid = c.oid and t.tgname = 'supabase_realtime_capture'
      )
  loop
    -- regclass output is already a quoted, schema-qualified name from the catalog.
    execute format(
      'create trigger supabase_realtime_capture after insert or update or delete on %s '
      'for each row execute function realtime.capture_change()', rel);
  end loop;

  for rel in
    select t.tgrelid::regclass
    from pg_catalog.pg_trigger t
    where t.tgname = 'supabase_realtime_capture'
      and not exists (
        select 1
        from pg_catalog.pg_publication_tables pt
        join pg_catalog.pg_namespace n on n.nspname = pt.schemaname
        join pg_catalog.pg_class c on c.relnamespace = n.oid and c.relname = pt.tablename
        where pt.pubname = 'supabase_realtime' and c.oid = t.tgrelid
          and pt.schemaname <> 'realtime'
      )
  loop
    execute format('drop trigger supabase_realtime_capture on %s', rel);
  end loop;
end
$$;

-- After DDL that can change what streams (publication membership, new tables, columns, grants,
-- policies, replica identity), re-sync the triggers and tell the service to forget its catalog
-- cache. CREATE/DROP TRIGGER are not in the list, so the sync's own DDL does not re-fire it.
create or replace function realtime.on_schema_change() returns event_trigger
language plpgsql
as $$
begin
  -- Realtime must never make a project's DDL fail: on any error, warn and let the service's
  -- start-up reconcile catch up.
  begin
    perform realtime.sync_capture_triggers();
  exception when others then
    raise warning 'realtime: could not sync capture triggers: %', sqlerrm;
  end;
  perform pg_notify('supabase_realtime_schema', tg_tag);
end
$$;

do $$
begin
  if not exists (select 1 from pg_event_trigger where evtname = 'supabase_realtime_schema_change') then
    create event trigger supabase_realtime_schema_change on ddl_command_end
      when tag in (
        'CREATE TABLE', 'CREATE TABLE AS', 'SELECT INTO', 'ALTER TABLE', 'DROP TABLE',
        'CREATE PUBLICATION', 'ALTER PUBLICATION', 'DROP PUBLICATION',
        'CREATE POLICY', 'ALTER POLICY', 'DROP POLICY', 'GRANT', 'REVOKE'
      )
      execute function realtime.on_schema_change();
  end if;
exception
  -- Event triggers need a superuser; on a managed Postgres without one, the service re-syncs
  -- at start and on a timer instead.
  when insufficient_privilege then
    raise notice 'realtime: no event trigger (not a superuser); the service polls instead';
end
$$;

select realtime.sync_capture_triggers();

-- Internal machinery: nothing for the API roles to call.
revoke all on function realtime.capture_change() from public;

-- Row-level security per subscriber, as walrus's apply_rls does it: for each (role, claims) pair,
-- become that role with those claims and ask whether the changed row (found by primary key) is
-- visible. One call checks every subscriber of a change; a policy that raises counts as "not
-- visible" for that subscriber only. Not security definer: switching role is not allowed there.
-- Like walrus, the check is a prepared statement with a generic plan: policies read the claims
-- at execution time, so the plan is reused for every subscriber of the same role (the caller
-- sorts them by role) instead of being planned once per subscriber.
create or replace function realtime.visible_to(rel regclass, rec jsonb, roles text[], claims jsonb[])
returns boolean[]
language plpgsql
set search_path = ''
as $$
declare
  pk_match text;
  run_check text;
  visible boolean;
  result boolean[] := '{}';
  n int := coalesce(array_length(roles, 1), 0);
begin
  select string_agg(format('t.%1$I is not distinct from r.%1$I', a.attname), ' and ')
  into pk_match
  from pg_catalog.pg_index i
  join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey)
  where i.indrelid = rel and i.indisprimary;
  if pk_match is null or n = 0 then
    return array_fill(false, array[n]);
  end if;
  perform pg_catalog.set_config('plan_cache_mode', 'force_generic_plan', true);
  -- Prepared statements outlive transactions: drop one left by an interrupted call.
  if exists (select 1 from pg_catalog.pg_prepared_statements where name = 'realtime_visible_to') then
    deallocate realtime_visible_to;
  end if;
  -- rel is a regclass (quoted by the catalog); column names go through %I.
  execute format(
    'prepare realtime_visible_to(jsonb) as select exists (select 1 from '
    'pg_catalog.jsonb_populate_record(null::%1$s, $1) r join %1$s t on %2$s)',
    rel, pk_match);
  run_check := format('execute realtime_visible_to(%L)', rec);
  -- Fast path: one subtransaction for all subscribers. If any policy raises, redo the checks
  -- one subtransaction each, so only the subscriber whose check failed is left out.
  begin
    for i in 1 .. n loop
      perform pg_catalog.set_config('role', roles[i], true),
              pg_catalog.set_config('request.jwt.claims', claims[i]::text, true);
      execute run_check into visible;
      result := result || coalesce(visible, false);
    end loop;
  exception when others then
    result := '{}';
    for i in 1 .. n loop
      begin
        perform pg_catalog.set_config('role', roles[i], true),
                pg_catalog.set_config('request.jwt.claims', claims[i]::text, true);
        execute run_check into visible;
      exception when others then
        visible := false;
      end;
      result := result || coalesce(visible, false);
    end loop;
  end;
  perform pg_catalog.set_config('role', 'none', true),
          pg_catalog.set_config('request.jwt.claims', '', true);
  deallocate realtime_visible_to;
  return result;
end
$$;
revoke all on function realtime.visible_to(regclass, jsonb, text[], jsonb[]) from public;

-- Private channels are authorised by RLS policies on realtime.messages, as on Supabase
-- ("Realtime Authorization"): the service inserts probe rows for the topic, then asks, as the
-- joining user, whether it can see them; the transaction is rolled back. No policy, no access.
create table if not exists realtime.messages (
  id uuid primary key default gen_random_uuid(),
  topic text not null,
  extension text not null,
  payload jsonb,
  event text,
  private boolean default false,
  updated_at timestamp not null default now(),
  inserted_at timestamp not null default now()
);
alter table realtime.messages enable row level security;
grant usage on schema realtime to anon, authenticated, service_role;
grant select, insert, update on realtime.messages to anon, authenticated, service_role;

-- The topic being authorised, for policies (Supabase's realtime.topic()).
create or replace function realtime.topic() returns text
language sql
stable
as $$
  select nullif(current_setting('realtime.topic', true), '')::text;
$$;
grant execute on function realtime.topic() to anon, authenticated, service_role;

-- Broadcast from the database, as Supabase offers it: realtime.send() (and the trigger helper
-- realtime.broadcast_changes()) queue a message in realtime.messages and notify the service,
-- which delivers it to the channels on that topic and then deletes the row. Private (the
-- default) reaches private channels only, whose members passed the read policy at join.
create or replace function realtime.send(payload jsonb, event text, topic text, private boolean default true)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  message_id uuid;
begin
  insert into realtime.messages (payload, event, topic, private, extension)
  values (payload, event, topic, private, 'broadcast')
  returning id into message_id;
  perform pg_notify('supabase_realtime_broadcast', message_id::text);
end
$$;
grant execute on function realtime.send(jsonb, text, text, boolean) to anon, authenticated, service_role;

create or replace function realtime.broadcast_changes(
  topic_name text, event_name text, operation text, table_name text, table_schema text,
  new record, old record, level text default 'ROW')
returns void
language plpgsql
set search_path = ''
as $$
begin
  if level = 'STATEMENT' then
    raise exception 'function can only be triggered for each row, not for each statement';
  end if;
  perform realtime.send(
    jsonb_build_object(
      'old_record', case when old is null then null else to_jsonb(old) end,
      'record', case when new is null then null else to_jsonb(new) end,
      'operation', operation, 'table', table_name, 'schema', table_schema),
    event_name, topic_name);
end
$$;
grant execute on function realtime.broadcast_changes(text, text, text, text, text, record, record, text)
  to anon, authenticated, service_role;
