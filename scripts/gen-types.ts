// `npm run gen:types`: writes src/types/database.ts from the migrations, in the shape
// `supabase gen types typescript` produces (Tables Row/Insert/Update/Relationships, Views,
// Functions, Enums, plus the Tables<>/TablesInsert<>/Enums<> helpers), so row types are never
// written by hand. It applies supabase/migrations to an in-memory database and reads the catalog.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startStack } from '../local-supabase/server';
import type { Database } from '../local-supabase/db/database';

const out = fileURLToPath(new URL('../src/types/database.ts', import.meta.url));
const SCHEMA = 'public';

type Column = {
  table_name: string;
  column_name: string;
  udt_name: string;
  is_nullable: boolean;
  has_default: boolean;
  is_generated: boolean;
  is_updatable: boolean;
};

const scalarTypes: Record<string, string> = {
  bool: 'boolean',
  int2: 'number',
  int4: 'number',
  int8: 'number',
  float4: 'number',
  float8: 'number',
  numeric: 'number',
  oid: 'number',
  json: 'Json',
  jsonb: 'Json',
  void: 'undefined',
};
const stringTypes = new Set([
  'text',
  'varchar',
  'bpchar',
  'char',
  'name',
  'uuid',
  'date',
  'time',
  'timetz',
  'timestamp',
  'timestamptz',
  'interval',
  'citext',
  'inet',
  'cidr',
  'macaddr',
  'bytea',
  'tsvector',
  'money',
]);

function tsType(udt: string, enums: Set<string>, tables: Set<string>): string {
  if (udt.startsWith('_')) return `${tsType(udt.slice(1), enums, tables)}[]`;
  if (enums.has(udt)) return `Database['${SCHEMA}']['Enums']['${udt}']`;
  if (tables.has(udt)) return `Database['${SCHEMA}']['Tables']['${udt}']['Row']`;
  if (stringTypes.has(udt)) return 'string';
  return scalarTypes[udt] ?? 'unknown';
}

/** A TypeScript string literal in the repo's single-quote style. */
const q = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : q(name));
const list = (items: string[]) => `[${items.map(q).join(', ')}]`;

export async function introspect(db: Database): Promise<string> {
  const enumRows = (
    await db.query<{ name: string; labels: string[] }>(
      `select t.typname as name, array_agg(e.enumlabel::text order by e.enumsortorder) as labels
         from pg_type t join pg_enum e on e.enumtypid = t.oid
         join pg_namespace n on n.oid = t.typnamespace
        where n.nspname = $1 group by t.typname order by t.typname`,
      [SCHEMA],
    )
  ).rows;
  const relations = (
    await db.query<{ name: string; kind: string; insertable: boolean }>(
      `select c.relname as name, c.relkind::text as kind,
              coalesce((select t.is_insertable_into = 'YES' from information_schema.tables t
                         where t.table_schema = n.nspname and t.table_name = c.relname), false)
                as insertable
         from pg_class c
         join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = $1 and c.relkind in ('r','p','v','m') order by c.relname`,
      [SCHEMA],
    )
  ).rows;
  const columns = (
    await db.query<Column>(
      `select c.table_name, c.column_name, c.udt_name,
              c.is_nullable = 'YES' as is_nullable,
              (c.column_default is not null or c.is_identity = 'YES') as has_default,
              (c.is_generated = 'ALWAYS' or c.identity_generation = 'ALWAYS') as is_generated,
              c.is_updatable = 'YES' as is_updatable
         from information_schema.columns c
        where c.table_schema = $1 order by c.table_name, c.ordinal_position`,
      [SCHEMA],
    )
  ).rows;
  const fks = (
    await db.query<{
      name: string;
      table_name: string;
      columns: string[];
      ref_table: string;
      ref_columns: string[];
      one_to_one: boolean;
    }>(
      `select con.conname as name, src.relname as table_name,
              array(select a.attname::text from unnest(con.conkey) with ordinality k(n, i)
                    join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.i) as columns,
              dst.relname as ref_table,
              array(select a.attname::text from unnest(con.confkey) with ordinality k(n, i)
                    join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.i) as ref_columns,
              exists (select 1 from pg_index i where i.indrelid = con.conrelid and i.indisunique
                        and (i.indkey::int2[])::int2[] @> con.conkey and array_length(con.conkey, 1) = i.indnatts) as one_to_one
         from pg_constraint con
         join pg_class src on src.oid = con.conrelid
         join pg_namespace sn on sn.oid = src.relnamespace
         join pg_class dst on dst.oid = con.confrelid
         join pg_namespace dn on dn.oid = dst.relnamespace
        where con.contype = 'f' and sn.nspname = $1 and dn.nspname = $1
        order by con.conname`,
      [SCHEMA],
    )
  ).rows;
  const functions = (
    await db.query<{
      name: string;
      arg_names: string[] | null;
      arg_types: string[];
      arg_modes: string[] | null;
      arg_defaults: number;
      returns: string;
      returns_set: boolean;
    }>(
      `select p.proname as name, p.proargnames::text[] as arg_names,
              -- Every parameter, OUT and TABLE columns included, in declaration order.
              array(select t.typname::text
                      from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality a(oid, i)
                      join pg_type t on t.oid = a.oid order by a.i) as arg_types,
              p.proargmodes::text[] as arg_modes,
              p.pronargdefaults::int as arg_defaults,
              rt.typname as returns, p.proretset as returns_set
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         join pg_type rt on rt.oid = p.prorettype
        where n.nspname = $1 and p.prokind = 'f' and rt.typname not in ('trigger', 'event_trigger')
        order by p.proname`,
      [SCHEMA],
    )
  ).rows;

  const enums = new Set(enumRows.map((e) => e.name));
  const tableNames = new Set(relations.map((r) => r.name));
  const I = (n: number) => '  '.repeat(n);
  const colsOf = (t: string) => columns.filter((c) => c.table_name === t);

  const relBlock = (t: string, depth: number) => {
    const rels = fks.filter((f) => f.table_name === t);
    if (rels.length === 0) return `${I(depth)}Relationships: [];`;
    return [
      `${I(depth)}Relationships: [`,
      ...rels.map((f) =>
        [
          `${I(depth + 1)}{`,
          `${I(depth + 2)}foreignKeyName: ${q(f.name)};`,
          `${I(depth + 2)}columns: ${list(f.columns)};`,
          `${I(depth + 2)}isOneToOne: ${f.one_to_one};`,
          `${I(depth + 2)}referencedRelation: ${q(f.ref_table)};`,
          `${I(depth + 2)}referencedColumns: ${list(f.ref_columns)};`,
          `${I(depth + 1)}},`,
        ].join('\n'),
      ),
      `${I(depth)}];`,
    ].join('\n');
  };

  const relationBlock = (kind: 'table' | 'view') =>
    relations
      .filter((r) =>
        kind === 'table' ? r.kind === 'r' || r.kind === 'p' : r.kind === 'v' || r.kind === 'm',
      )
      .map((r) => {
        const cols = colsOf(r.name);
        const type = (c: Column) =>
          tsType(c.udt_name, enums, tableNames) + (c.is_nullable ? ' | null' : '');
        const row = cols.map((c) => `${I(5)}${key(c.column_name)}: ${type(c)};`);
        const insert = cols.map((c) =>
          c.is_generated
            ? `${I(5)}${key(c.column_name)}?: never;`
            : `${I(5)}${key(c.column_name)}${c.has_default || c.is_nullable ? '?' : ''}: ${type(c)};`,
        );
        const update = cols.map((c) =>
          c.is_generated
            ? `${I(5)}${key(c.column_name)}?: never;`
            : `${I(5)}${key(c.column_name)}?: ${type(c)};`,
        );
        const parts = [`${I(3)}${key(r.name)}: {`, `${I(4)}Row: {`, ...row, `${I(4)}};`];
        // Like `supabase gen types`: only tables and auto-updatable views get Insert/Update.
        if (kind === 'table' || r.insertable) {
          parts.push(
            `${I(4)}Insert: {`,
            ...insert,
            `${I(4)}};`,
            `${I(4)}Update: {`,
            ...update,
            `${I(4)}};`,
          );
        }
        parts.push(relBlock(r.name, 4), `${I(3)}};`);
        return parts.join('\n');
      })
      .join('\n');

  const functionBlock = functions
    .map((f) => {
      const names = f.arg_names ?? [];
      const modes = f.arg_modes ?? f.arg_types.map(() => 'i');
      const params = f.arg_types.map((t, i) => ({
        name: names[i] || `arg${i}`,
        type: tsType(t, enums, tableNames),
        mode: modes[i] ?? 'i',
      }));
      const inputs = params.filter((p) => p.mode === 'i' || p.mode === 'b' || p.mode === 'v');
      const outputs = params.filter((p) => p.mode === 'o' || p.mode === 'b' || p.mode === 't');
      // Defaults belong to the last inputs.
      const firstDefault = inputs.length - f.arg_defaults;
      const args = inputs.map((p, i) => `${key(p.name)}${i >= firstDefault ? '?' : ''}: ${p.type}`);
      // RETURNS TABLE (...) / OUT parameters: one object per row, as supabase gen types does.
      const ret =
        f.returns === 'record' && outputs.length > 0
          ? `{ ${outputs.map((p) => `${key(p.name)}: ${p.type}`).join('; ')} }`
          : tsType(f.returns, enums, tableNames);
      return [
        `${I(3)}${key(f.name)}: {`,
        `${I(4)}Args: ${args.length ? `{ ${args.join('; ')} }` : 'never'};`,
        `${I(4)}Returns: ${f.returns_set ? `${ret}[]` : ret};`,
        `${I(3)}};`,
      ].join('\n');
    })
    .join('\n');

  const enumBlock = enumRows
    .map((e) => `${I(3)}${key(e.name)}: ${e.labels.map(q).join(' | ')};`)
    .join('\n');
  const enumConstants = enumRows.map((e) => `${I(3)}${key(e.name)}: ${list(e.labels)},`).join('\n');
  const empty = `${I(3)}[_ in never]: never;`;

  return `// Generated by \`npm run gen:types\` (scripts/gen-types.ts) from supabase/migrations in the
// shape of \`supabase gen types typescript\`. Do not edit by hand: change a migration and rerun.
export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];

export type Database = {
  ${SCHEMA}: {
    Tables: {
${relationBlock('table') || empty}
    };
    Views: {
${relationBlock('view') || empty}
    };
    Functions: {
${functionBlock || empty}
    };
    Enums: {
${enumBlock || empty}
    };
    CompositeTypes: {
${empty}
    };
  };
};

type PublicSchema = Database['${SCHEMA}'];

export type Tables<T extends keyof (PublicSchema['Tables'] & PublicSchema['Views'])> = (PublicSchema['Tables'] &
  PublicSchema['Views'])[T] extends { Row: infer R }
  ? R
  : never;
export type TablesInsert<T extends keyof PublicSchema['Tables']> = PublicSchema['Tables'][T]['Insert'];
export type TablesUpdate<T extends keyof PublicSchema['Tables']> = PublicSchema['Tables'][T]['Update'];
export type Enums<T extends keyof PublicSchema['Enums']> = PublicSchema['Enums'][T];

export const Constants = {
  ${SCHEMA}: {
    Enums: {
${enumConstants}
    },
  },
} as const;
`;
}

async function main() {
  const check = process.argv.includes('--check');
  const stack = await startStack({ port: 0, data: 'memory', seedFile: null, log: () => undefined });
  let generated: string;
  try {
    generated = await introspect(stack.db);
  } finally {
    await stack.close();
  }
  if (check) {
    const current = existsSync(out) ? readFileSync(out, 'utf8') : '';
    if (current !== generated) {
      console.error(`${out} is out of date with supabase/migrations: run npm run gen:types`);
      process.exit(1);
    }
    console.log('database types are up to date');
    return;
  }
  writeFileSync(out, generated);
  console.log(`wrote ${out}`);
}

// Run as a script (not when a test imports introspect).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: Error) => {
    console.error(`gen-types failed: ${error.message}`);
    process.exit(1);
  });
}
