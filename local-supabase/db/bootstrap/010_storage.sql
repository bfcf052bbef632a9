-- The `storage` schema Supabase Storage owns: buckets and objects with the columns, indexes,
-- helper functions, RLS and grants of supabase/storage's tenant migrations, so bucket policies
-- written for Supabase (`storage.foldername(name)[1] = auth.uid()::text`) work unchanged.
-- Idempotent: run on every start, and a real Postgres may already have it.

create table if not exists storage.buckets (
  id text not null primary key,
  name text not null,
  owner uuid,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  public boolean default false,
  avif_autodetection boolean default false,
  file_size_limit bigint,
  allowed_mime_types text[],
  owner_id text,
  type text not null default 'STANDARD'
);
create unique index if not exists bname on storage.buckets using btree (name);

create table if not exists storage.objects (
  id uuid not null default gen_random_uuid() primary key,
  bucket_id text references storage.buckets (id),
  name text,
  owner uuid,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  last_accessed_at timestamptz default now(),
  metadata jsonb,
  path_tokens text[] generated always as (string_to_array(name, '/')) stored,
  version text,
  owner_id text,
  user_metadata jsonb
);
create unique index if not exists bucketid_objname on storage.objects using btree (bucket_id, name);
create index if not exists name_prefix_search on storage.objects using btree (name text_pattern_ops);

-- Path helpers policies call (supabase/storage 0060/0061): pure string functions.
create or replace function storage.foldername(name text) returns text[]
language plpgsql immutable
as $function$
declare
  _parts text[];
begin
  select string_to_array(name, '/') into _parts;
  return _parts[1 : array_length(_parts, 1) - 1];
end
$function$;

create or replace function storage.filename(name text) returns text
language plpgsql immutable
as $function$
declare
  _parts text[];
begin
  select string_to_array(name, '/') into _parts;
  return _parts[array_length(_parts, 1)];
end
$function$;

create or replace function storage.extension(name text) returns text
language plpgsql immutable
as $function$
declare
  _parts text[];
  _filename text;
begin
  select string_to_array(name, '/') into _parts;
  select _parts[array_length(_parts, 1)] into _filename;
  return reverse(split_part(reverse(_filename), '.', 1));
end
$function$;

-- Keeps updated_at honest on every update, as Supabase's trigger does.
create or replace function storage.update_updated_at_column() returns trigger
language plpgsql
as $function$
begin
  new.updated_at = now();
  return new;
end
$function$;

do $$
begin
  if not exists (select 1 from pg_trigger where tgname = 'update_objects_updated_at'
                 and tgrelid = 'storage.objects'::regclass) then
    create trigger update_objects_updated_at before update on storage.objects
      for each row execute function storage.update_updated_at_column();
  end if;
end
$$;

-- The v1 list operation (`POST /object/list/<bucket>`), with the signature of Supabase's
-- storage.search: the entries one level below `prefix` whose remaining name starts with
-- `search` (case-insensitive), folders as rows with a null id. SECURITY INVOKER, so the
-- caller's RLS on storage.objects decides what is listed, folders included. Prefix matching
-- is a plain string comparison (no LIKE), so `%` and `_` in names are literal.
create or replace function storage.search(
  prefix text,
  bucketname text,
  limits int default 100,
  levels int default 1,
  offsets int default 0,
  search text default '',
  sortcolumn text default 'name',
  sortorder text default 'asc'
)
returns table (
  name text,
  id uuid,
  updated_at timestamptz,
  created_at timestamptz,
  last_accessed_at timestamptz,
  metadata jsonb
)
language plpgsql stable security invoker
as $function$
declare
  _prefix text := coalesce(prefix, '');
  _match text := lower(coalesce(prefix, '') || coalesce(search, ''));
  _column text := lower(coalesce(sortcolumn, 'name'));
  _asc boolean := lower(coalesce(sortorder, 'asc')) <> 'desc';
begin
  if _column not in ('name', 'updated_at', 'created_at', 'last_accessed_at') then
    _column := 'name';
  end if;
  return query
    with visible as (
      select o.*, substr(o.name, length(_prefix) + 1) as rest
      from storage.objects o
      where o.bucket_id = bucketname
        and left(lower(o.name), length(_match)) = _match
    ),
    entries as (
      select distinct split_part(v.rest, '/', 1) as name, null::uuid as id,
             null::timestamptz as updated_at, null::timestamptz as created_at,
             null::timestamptz as last_accessed_at, null::jsonb as metadata, true as is_folder
      from visible v
      where strpos(v.rest, '/') > 0
      union all
      select v.rest, v.id, v.updated_at, v.created_at, v.last_accessed_at, v.metadata, false
      from visible v
      where strpos(v.rest, '/') = 0
    )
    select e.name, e.id, e.updated_at, e.created_at, e.last_accessed_at, e.metadata
    from entries e
    order by
      -- Sorting by a date lists folders (no dates) first, as Supabase does.
      case when _column <> 'name' then not e.is_folder end,
      case when _column = 'name' and _asc then e.name collate "C" end asc,
      case when _column = 'name' and not _asc then e.name collate "C" end desc,
      case when _column = 'updated_at' and _asc then e.updated_at end asc,
      case when _column = 'updated_at' and not _asc then e.updated_at end desc,
      case when _column = 'created_at' and _asc then e.created_at end asc,
      case when _column = 'created_at' and not _asc then e.created_at end desc,
      case when _column = 'last_accessed_at' and _asc then e.last_accessed_at end asc,
      case when _column = 'last_accessed_at' and not _asc then e.last_accessed_at end desc,
      e.name collate "C"
    limit least(coalesce(limits, 100), 1500)
    offset greatest(coalesce(offsets, 0), 0);
end
$function$;

-- RLS on both tables; the API roles get table privileges and the project's policies decide
-- (supabase/storage 0002, 0007, 0046). service_role has BYPASSRLS.
alter table storage.buckets enable row level security;
alter table storage.objects enable row level security;

grant usage on schema storage to postgres, anon, authenticated, service_role;
grant all on storage.buckets, storage.objects to anon, authenticated, service_role;
grant execute on function storage.foldername(text), storage.filename(text), storage.extension(text),
  storage.search(text, text, int, int, int, text, text, text) to anon, authenticated, service_role;
alter default privileges in schema storage grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges in schema storage grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges in schema storage grant all on sequences to postgres, anon, authenticated, service_role;
