// The schema cache: tables, views, columns, keys, relationships and functions of the exposed
// schemas, read from pg_catalog once at start and again on `NOTIFY pgrst, 'reload schema'`, as
// PostgREST's SchemaCache.hs does. Requests are planned against it and never query the catalog.
import type { Database } from '../db/database';
import { loadRoleSets } from '../db/scope';
import { arrayLiteral } from './sql';

export type Column = {
  name: string;
  /** format_type() of the column: a type name Postgres itself spelled. */
  type: string;
  /** pg_type.typcategory ('A' array, 'S' string, 'U' user/json, …). */
  category: string;
  /** The base type's name (json, jsonb, tsvector, …), to pick operators. */
  typeName: string;
  nullable: boolean;
  hasDefault: boolean;
};

export type Table = {
  schema: string;
  name: string;
  kind: 'table' | 'view';
  columns: Map<string, Column>;
  /** Column names in ordinal order. */
  columnOrder: string[];
  primaryKey: string[];
  /** Unique constraints and unique indexes, each a list of columns. */
  uniques: string[][];
  insertable: boolean;
  /** Computed fields: functions of this table's row type, selectable like columns. */
  computed: Map<string, { schema: string; name: string; type: string }>;
};

/** One foreign key, seen from one side. `columns` are on `table`, `foreignColumns` on `foreignTable`. */
export type Relationship = {
  table: QualifiedName;
  foreignTable: QualifiedName;
  constraint: string;
  columns: string[];
  foreignColumns: string[];
  cardinality: 'many-to-one' | 'one-to-many' | 'one-to-one' | 'many-to-many';
  /** Many-to-many: the junction table and its two foreign keys (`columns`/`foreignColumns`
   * are then empty). `sourceColumns` on the junction reference `table`'s `sourceForeign`. */
  /** A computed relationship: a function of `table`'s row returning `foreignTable` rows. */
  computed?: QualifiedName;
  junction?: {
    table: QualifiedName;
    sourceConstraint: string;
    targetConstraint: string;
    sourceColumns: string[];
    sourceForeign: string[];
    targetColumns: string[];
    targetForeign: string[];
  };
  /** For one-to-one: whether `table` holds the foreign key. */
  holdsKey: boolean;
};

export type QualifiedName = { schema: string; name: string };

export type RoutineParam = { name: string; type: string; hasDefault: boolean };

export type Routine = {
  schema: string;
  name: string;
  params: RoutineParam[];
  returnsSet: boolean;
  /** void; a scalar type; or a composite (table type or OUT parameters). */
  returns:
    | { kind: 'void' }
    | { kind: 'scalar'; type: string }
    | { kind: 'composite'; relation: QualifiedName | null; columns: string[] };
  volatility: 'i' | 's' | 'v';
};

export type SchemaCache = {
  schemas: string[];
  tables: Map<string, Table>;
  /** Keyed by the qualified name of the origin table. */
  relationships: Map<string, Relationship[]>;
  routines: Map<string, Routine[]>;
  /** Roles the authenticator may switch to (PostgREST relies on Postgres refusing others). */
  roles: Set<string>;
  /** Roles that exist but the authenticator may not become. */
  otherRoles: Set<string>;
};

export const qualified = (schema: string, name: string) => `${schema}.${name}`;

type TableRow = {
  schema: string;
  name: string;
  kind: string;
  columns: string;
  pk: string;
  uniques: string;
  insertable: boolean;
};
type FkRow = {
  schema: string;
  table: string;
  fschema: string;
  ftable: string;
  name: string;
  cols: string;
  fcols: string;
};
type RoutineRow = {
  schema: string;
  name: string;
  retset: boolean;
  volatility: string;
  ret_type: string;
  ret_typtype: string;
  ret_rel_schema: string | null;
  ret_rel_name: string | null;
  nargdefaults: number;
  args: string;
};

const tablesSql = `
select n.nspname as schema, c.relname as name, c.relkind::text as kind,
  coalesce((select json_agg(json_build_object(
      'name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
      'category', coalesce(bt.typcategory, t.typcategory)::text,
      'typeName', coalesce(bt.typname, t.typname)::text,
      'nullable', not a.attnotnull,
      'hasDefault', a.atthasdef or a.attidentity <> '' or a.attgenerated <> '') order by a.attnum)
    from pg_attribute a
    join pg_type t on t.oid = a.atttypid
    left join pg_type bt on t.typtype = 'd' and bt.oid = t.typbasetype
    where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped), '[]')::text as columns,
  coalesce((select to_json(array_agg(a.attname order by k.i))
    from pg_constraint pk, unnest(pk.conkey) with ordinality k(attnum, i)
    join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
    where pk.conrelid = c.oid and pk.contype = 'p'), '[]')::text as pk,
  coalesce((select json_agg(cols) from (
    select (select array_agg(a.attname order by k.i) from unnest(ix.indkey::int2[]) with ordinality k(attnum, i)
            join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum) as cols
    from pg_index ix where ix.indrelid = c.oid and ix.indisunique and ix.indpred is null
      and not (0 = any(ix.indkey::int2[]))) u), '[]')::text as uniques,
  c.relkind in ('r', 'p') or pg_relation_is_updatable(c.oid, true) & 8 = 8 as insertable
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where n.nspname = any($1::text[]) and c.relkind in ('r', 'v', 'm', 'f', 'p')`;

const fksSql = `
select n1.nspname as schema, c1.relname as table, n2.nspname as fschema, c2.relname as ftable,
  con.conname as name,
  (select to_json(array_agg(a.attname order by k.i)) from unnest(con.conkey) with ordinality k(attnum, i)
    join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum)::text as cols,
  (select to_json(array_agg(a.attname order by k.i)) from unnest(con.confkey) with ordinality k(attnum, i)
    join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum)::text as fcols
from pg_constraint con
join pg_class c1 on c1.oid = con.conrelid join pg_namespace n1 on n1.oid = c1.relnamespace
join pg_class c2 on c2.oid = con.confrelid join pg_namespace n2 on n2.oid = c2.relnamespace
where con.contype = 'f' and n1.nspname = any($1::text[]) and n2.nspname = any($1::text[])`;

const routinesSql = `
select n.nspname as schema, p.proname as name, p.proretset as retset,
  p.provolatile::text as volatility,
  format_type(p.prorettype, null) as ret_type, t.typtype::text as ret_typtype,
  rn.nspname as ret_rel_schema, rc.relname as ret_rel_name,
  p.pronargdefaults as nargdefaults,
  coalesce((select json_agg(json_build_object(
      'name', coalesce(p.proargnames[x.i], ''), 'type', format_type(x.oid, null),
      'mode', coalesce(p.proargmodes[x.i]::text, 'i')) order by x.i)
    from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality x(oid, i)), '[]')::text as args
from pg_proc p
join pg_namespace n on n.oid = p.pronamespace
join pg_type t on t.oid = p.prorettype
left join pg_class rc on rc.oid = t.typrelid and t.typtype = 'c'
left join pg_namespace rn on rn.oid = rc.relnamespace
where n.nspname = any($1::text[]) and p.prokind = 'f'`;

// A view's columns traced to the base table columns they show: the `_RETURN` rule's target
// list carries resorigtbl/resorigcol, which PostgREST also reads to embed through views.
const viewsSql = `
select n.nspname as schema, c.relname as name, r.ev_action::text as action
from pg_rewrite r
join pg_class c on c.oid = r.ev_class join pg_namespace n on n.oid = c.relnamespace
where n.nspname = any($1::text[]) and c.relkind in ('v', 'm') and r.rulename = '_RETURN'`;

const attnumsSql = `
select c.oid::text as oid, n.nspname as schema, c.relname as name,
  json_object_agg(a.attnum, a.attname)::text as cols
from pg_class c join pg_namespace n on n.oid = c.relnamespace
join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
where n.nspname = any($1::text[]) and c.relkind in ('r', 'p', 'v', 'm', 'f')
group by c.oid, n.nspname, c.relname`;

// Computed fields (PostgREST's): one-argument functions taking a table's row type.
const computedSql = `
select n.nspname as schema, p.proname as name, tn.nspname as table_schema, tc.relname as table_name,
  format_type(p.prorettype, null) as type
from pg_proc p
join pg_namespace n on n.oid = p.pronamespace
join pg_type t on t.oid = p.proargtypes[0]
join pg_class tc on tc.oid = t.typrelid join pg_namespace tn on tn.oid = tc.relnamespace
join pg_type rt on rt.oid = p.prorettype
where p.pronargs = 1 and p.prokind = 'f' and not p.proretset and n.nspname = any($1::text[])
  and p.prorettype <> 'void'::regtype and rt.typtype <> 'c'`;

// Computed relationships: one-argument functions of a table's row type returning rows of a
// table; to-one when they return a single row or are declared ROWS 1, as in PostgREST.
const computedRelsSql = `
select n.nspname as schema, p.proname as name, tn.nspname as table_schema, tc.relname as table_name,
  rn.nspname as target_schema, rc.relname as target_name,
  (not p.proretset or p.prorows = 1) as to_one
from pg_proc p
join pg_namespace n on n.oid = p.pronamespace
join pg_type t on t.oid = p.proargtypes[0]
join pg_class tc on tc.oid = t.typrelid join pg_namespace tn on tn.oid = tc.relnamespace
join pg_type rt on rt.oid = p.prorettype and rt.typtype = 'c'
join pg_class rc on rc.oid = rt.typrelid join pg_namespace rn on rn.oid = rc.relnamespace
where p.pronargs = 1 and p.prokind = 'f' and n.nspname = any($1::text[])`;

export async function loadSchemaCache(db: Database, schemas: string[]): Promise<SchemaCache> {
  const [tableRows, fkRows, routineRows, roleSets] = [
    await db.query<TableRow>(tablesSql, [arrayLiteral(schemas)]),
    await db.query<FkRow>(fksSql, [arrayLiteral(schemas)]),
    await db.query<RoutineRow>(routinesSql, [arrayLiteral(schemas)]),
    await loadRoleSets(db),
  ];
  const schemaParam = [arrayLiteral(schemas)];
  const viewRows = await db.query<{ schema: string; name: string; action: string }>(
    viewsSql,
    schemaParam,
  );
  const attnumRows = await db.query<{ oid: string; schema: string; name: string; cols: string }>(
    attnumsSql,
    schemaParam,
  );
  const computedRows = await db.query<{
    schema: string;
    name: string;
    table_schema: string;
    table_name: string;
    type: string;
  }>(computedSql, schemaParam);
  const computedRelRows = await db.query<{
    schema: string;
    name: string;
    table_schema: string;
    table_name: string;
    target_schema: string;
    target_name: string;
    to_one: boolean;
  }>(computedRelsSql, schemaParam);

  const tables = new Map<string, Table>();
  for (const row of tableRows.rows) {
    const columns = JSON.parse(row.columns) as Column[];
    tables.set(qualified(row.schema, row.name), {
      schema: row.schema,
      name: row.name,
      kind: row.kind === 'r' || row.kind === 'p' ? 'table' : 'view',
      columns: new Map(columns.map((c) => [c.name, c])),
      columnOrder: columns.map((c) => c.name),
      primaryKey: JSON.parse(row.pk) as string[],
      uniques: (JSON.parse(row.uniques) as (string[] | null)[]).filter((u): u is string[] =>
        Array.isArray(u),
      ),
      insertable: row.insertable,
      computed: new Map(),
    });
  }
  for (const c of computedRows.rows) {
    const table = tables.get(qualified(c.table_schema, c.table_name));
    if (table && !table.columns.has(c.name))
      table.computed.set(c.name, { schema: c.schema, name: c.name, type: c.type });
  }

  const relationships = new Map<string, Relationship[]>();
  const add = (r: Relationship) => {
    const key = qualified(r.table.schema, r.table.name);
    const list = relationships.get(key) ?? [];
    list.push(r);
    relationships.set(key, list);
  };
  const sameSet = (a: string[], b: string[]) =>
    a.length === b.length && a.every((x) => b.includes(x));
  for (const fk of fkRows.rows) {
    const cols = JSON.parse(fk.cols) as string[];
    const fcols = JSON.parse(fk.fcols) as string[];
    const child = tables.get(qualified(fk.schema, fk.table));
    // A foreign key whose columns are also unique on the child is one-to-one (PostgREST 11+).
    const oneToOne =
      !!child && (sameSet(child.primaryKey, cols) || child.uniques.some((u) => sameSet(u, cols)));
    const table = { schema: fk.schema, name: fk.table };
    const foreignTable = { schema: fk.fschema, name: fk.ftable };
    add({
      table,
      foreignTable,
      constraint: fk.name,
      columns: cols,
      foreignColumns: fcols,
      cardinality: oneToOne ? 'one-to-one' : 'many-to-one',
      holdsKey: true,
    });
    add({
      table: foreignTable,
      foreignTable: table,
      constraint: fk.name,
      columns: fcols,
      foreignColumns: cols,
      cardinality: oneToOne ? 'one-to-one' : 'one-to-many',
      holdsKey: false,
    });
  }

  addViewRelationships(viewRows.rows, attnumRows.rows, fkRows.rows, add);
  addManyToMany(tables, fkRows.rows, add);
  for (const c of computedRelRows.rows) {
    add({
      table: { schema: c.table_schema, name: c.table_name },
      foreignTable: { schema: c.target_schema, name: c.target_name },
      constraint: c.name,
      columns: [],
      foreignColumns: [],
      cardinality: c.to_one ? 'many-to-one' : 'one-to-many',
      holdsKey: false,
      computed: { schema: c.schema, name: c.name },
    });
  }

  const routines = new Map<string, Routine[]>();
  for (const row of routineRows.rows) {
    const args = JSON.parse(row.args) as { name: string; type: string; mode: string }[];
    const inputs = args.filter((a) => a.mode === 'i' || a.mode === 'b' || a.mode === 'v');
    const outputs = args.filter((a) => a.mode === 'o' || a.mode === 'b' || a.mode === 't');
    const params = inputs.map((a, i) => ({
      name: a.name,
      type: a.type,
      hasDefault: i >= inputs.length - row.nargdefaults,
    }));
    let returns: Routine['returns'];
    if (row.ret_type === 'void') returns = { kind: 'void' };
    else if (row.ret_typtype === 'c' && row.ret_rel_schema && row.ret_rel_name) {
      const rel = { schema: row.ret_rel_schema, name: row.ret_rel_name };
      returns = {
        kind: 'composite',
        relation: rel,
        columns: tables.get(qualified(rel.schema, rel.name))?.columnOrder ?? [],
      };
    } else if (row.ret_type === 'record' && outputs.length > 0) {
      returns = { kind: 'composite', relation: null, columns: outputs.map((o) => o.name) };
    } else returns = { kind: 'scalar', type: row.ret_type };
    const routine: Routine = {
      schema: row.schema,
      name: row.name,
      params,
      returnsSet: row.retset,
      returns,
      volatility: row.volatility as Routine['volatility'],
    };
    const key = qualified(row.schema, row.name);
    routines.set(key, [...(routines.get(key) ?? []), routine]);
  }

  return {
    schemas,
    tables,
    relationships,
    routines,
    roles: roleSets.assumable,
    otherRoles: roleSets.other,
  };
}

/**
 * Relationships through views: a view that shows all the columns of a foreign key (on either
 * side) inherits it, named like the key, as PostgREST infers them from view definitions.
 */
function addViewRelationships(
  views: { schema: string; name: string; action: string }[],
  attnums: { oid: string; schema: string; name: string; cols: string }[],
  fks: FkRow[],
  add: (r: Relationship) => void,
): void {
  const byOid = new Map(
    attnums.map((r) => [
      r.oid,
      { schema: r.schema, name: r.name, cols: JSON.parse(r.cols) as Record<string, string> },
    ]),
  );
  const entry =
    /:resno (\d+) :resname (\S+) :ressortgroupref \d+ :resorigtbl (\d+) :resorigcol (\d+)/g;
  for (const view of views) {
    // The outer query's target list comes last in the node text; later matches win.
    const byResno = new Map<string, { column: string; table: string; baseColumn: string }>();
    for (const m of view.action.matchAll(entry)) {
      const [, resno, resname, oid, attnum] = m as unknown as [
        string,
        string,
        string,
        string,
        string,
      ];
      const base = byOid.get(oid);
      const baseColumn = base?.cols[attnum];
      if (base && baseColumn)
        byResno.set(resno, {
          column: resname,
          table: qualified(base.schema, base.name),
          baseColumn,
        });
      else byResno.delete(resno);
    }
    const shown = [...byResno.values()];
    const viewColumnFor = (table: string, column: string) =>
      shown.find((s) => s.table === table && s.baseColumn === column)?.column;
    const self = { schema: view.schema, name: view.name };
    for (const fk of fks) {
      const cols = JSON.parse(fk.cols) as string[];
      const fcols = JSON.parse(fk.fcols) as string[];
      const child = qualified(fk.schema, fk.table);
      const parent = qualified(fk.fschema, fk.ftable);
      const asChild = cols.map((c) => viewColumnFor(child, c));
      if (asChild.every((c): c is string => c !== undefined)) {
        const foreignTable = { schema: fk.fschema, name: fk.ftable };
        add({
          table: self,
          foreignTable,
          constraint: fk.name,
          columns: asChild,
          foreignColumns: fcols,
          cardinality: 'many-to-one',
          holdsKey: true,
        });
        add({
          table: foreignTable,
          foreignTable: self,
          constraint: fk.name,
          columns: fcols,
          foreignColumns: asChild,
          cardinality: 'one-to-many',
          holdsKey: false,
        });
      }
      const asParent = fcols.map((c) => viewColumnFor(parent, c));
      if (asParent.every((c): c is string => c !== undefined)) {
        const table = { schema: fk.schema, name: fk.table };
        add({
          table,
          foreignTable: self,
          constraint: fk.name,
          columns: cols,
          foreignColumns: asParent,
          cardinality: 'many-to-one',
          holdsKey: true,
        });
        add({
          table: self,
          foreignTable: table,
          constraint: fk.name,
          columns: asParent,
          foreignColumns: cols,
          cardinality: 'one-to-many',
          holdsKey: false,
        });
      }
    }
  }
}

/**
 * Many-to-many through a junction: a table with two foreign keys whose columns together lie
 * in its primary key (PostgREST's addM2MRels), embeddable from either end without naming it.
 */
function addManyToMany(
  tables: Map<string, Table>,
  fks: FkRow[],
  add: (r: Relationship) => void,
): void {
  const byTable = new Map<string, FkRow[]>();
  for (const fk of fks) {
    const key = qualified(fk.schema, fk.table);
    byTable.set(key, [...(byTable.get(key) ?? []), fk]);
  }
  for (const [key, list] of byTable) {
    const junction = tables.get(key);
    if (!junction || list.length < 2) continue;
    for (const a of list) {
      for (const b of list) {
        if (a === b) continue;
        const aCols = JSON.parse(a.cols) as string[];
        const bCols = JSON.parse(b.cols) as string[];
        if (![...aCols, ...bCols].every((c) => junction.primaryKey.includes(c))) continue;
        add({
          table: { schema: a.fschema, name: a.ftable },
          foreignTable: { schema: b.fschema, name: b.ftable },
          constraint: junction.name,
          columns: [],
          foreignColumns: [],
          cardinality: 'many-to-many',
          holdsKey: false,
          junction: {
            table: { schema: junction.schema, name: junction.name },
            sourceConstraint: a.name,
            targetConstraint: b.name,
            sourceColumns: aCols,
            sourceForeign: JSON.parse(a.fcols) as string[],
            targetColumns: bCols,
            targetForeign: JSON.parse(b.fcols) as string[],
          },
        });
      }
    }
  }
}
