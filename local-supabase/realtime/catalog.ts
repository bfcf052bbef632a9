// What the change feed needs to know about a table, read from the catalog and cached until the
// database says its schema changed: columns and their type names (walrus's `columns`), primary
// key, replica identity, whether RLS is on, whether it is in the supabase_realtime publication,
// and which columns each role may select.
import type { Database } from '../db/database';

export type ColumnMeta = { name: string; type: string; pk: boolean };

export type TableMeta = {
  schema: string;
  table: string;
  columns: ColumnMeta[];
  pk: string[];
  replicaFull: boolean;
  rlsEnabled: boolean;
  published: boolean;
  /** Which operations the publication publishes (`publish = 'insert, update'`...). */
  publishes: { INSERT: boolean; UPDATE: boolean; DELETE: boolean };
};

export class Catalog {
  private tables = new Map<string, Promise<TableMeta | undefined>>();
  private privileges = new Map<string, Promise<Set<string> | undefined>>();

  constructor(private readonly db: Database) {}

  /** Forget everything: called when DDL ran (event trigger NOTIFY) or on the polling timer. */
  invalidate(): void {
    this.tables.clear();
    this.privileges.clear();
  }

  table(schema: string, table: string): Promise<TableMeta | undefined> {
    const key = JSON.stringify([schema, table]);
    let entry = this.tables.get(key);
    if (!entry) {
      entry = this.loadTable(schema, table);
      this.tables.set(key, entry);
      entry.catch(() => this.tables.delete(key));
    }
    return entry;
  }

  /** Columns `role` may select on the table; undefined when the role does not exist. */
  selectableColumns(schema: string, table: string, role: string): Promise<Set<string> | undefined> {
    const key = JSON.stringify([schema, table, role]);
    let entry = this.privileges.get(key);
    if (!entry) {
      entry = this.loadPrivileges(schema, table, role);
      this.privileges.set(key, entry);
      entry.catch(() => this.privileges.delete(key));
    }
    return entry;
  }

  /** Whether a schema exists (a subscription to `schema=*` tables checks only this). */
  async schemaExists(schema: string): Promise<boolean> {
    const r = await this.db.query<{ ok: boolean }>(
      `select exists (select 1 from pg_catalog.pg_namespace where nspname = $1) as ok`,
      [schema],
    );
    return r.rows[0]?.ok === true;
  }

  private async loadTable(schema: string, table: string): Promise<TableMeta | undefined> {
    const r = await this.db.query<{ meta: string | null }>(
      `select json_build_object(
          'replicaFull', c.relreplident = 'f',
          'rlsEnabled', c.relrowsecurity,
          'published', n.nspname <> 'realtime' and exists (
            select 1 from pg_catalog.pg_publication_tables pt
            where pt.pubname = 'supabase_realtime' and pt.schemaname = n.nspname
              and pt.tablename = c.relname),
          'publishes', (
            select json_build_object('INSERT', p.pubinsert, 'UPDATE', p.pubupdate, 'DELETE', p.pubdelete)
            from pg_catalog.pg_publication p where p.pubname = 'supabase_realtime'),
          'columns', coalesce((
            select json_agg(json_build_object(
                'name', a.attname,
                'type', t.typname,
                'pk', exists (
                  select 1 from pg_catalog.pg_index i
                  where i.indrelid = c.oid and i.indisprimary and a.attnum = any (i.indkey)))
              order by a.attnum)
            from pg_catalog.pg_attribute a
            join pg_catalog.pg_type t on t.oid = a.atttypid
            where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped), '[]'::json)
        )::text as meta
       from pg_catalog.pg_class c
       join pg_catalog.pg_namespace n on n.oid = c.relnamespace
       where n.nspname = $1 and c.relname = $2 and c.relkind in ('r', 'p')`,
      [schema, table],
    );
    const raw = r.rows[0]?.meta;
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Omit<TableMeta, 'schema' | 'table' | 'pk'>;
    return {
      ...parsed,
      schema,
      table,
      pk: parsed.columns.filter((c) => c.pk).map((c) => c.name),
    };
  }

  private async loadPrivileges(
    schema: string,
    table: string,
    role: string,
  ): Promise<Set<string> | undefined> {
    const r = await this.db.query<{ cols: string | null; role_exists: boolean }>(
      `select exists (select 1 from pg_catalog.pg_roles where rolname = $3) as role_exists,
              (select json_agg(a.attname)::text
                 from pg_catalog.pg_attribute a
                 join pg_catalog.pg_class c on c.oid = a.attrelid
                 join pg_catalog.pg_namespace n on n.oid = c.relnamespace
                where n.nspname = $1 and c.relname = $2 and a.attnum > 0 and not a.attisdropped
                  -- CASE, not AND: has_column_privilege raises for an unknown role.
                  and case when exists (select 1 from pg_catalog.pg_roles where rolname = $3)
                      then pg_catalog.has_column_privilege($3, c.oid, a.attnum, 'SELECT')
                      else false end) as cols`,
      [schema, table, role],
    );
    const row = r.rows[0];
    if (!row?.role_exists) return undefined;
    return new Set(row.cols ? (JSON.parse(row.cols) as string[]) : []);
  }
}
