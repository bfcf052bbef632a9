// Unit tests for the plan and query stages against a hand-made schema cache: identifiers are
// quoted from the catalog, every value is a bound parameter, relationships resolve or fail as
// PostgREST's do.
import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { plan } from './plan';
import { buildStatement, parseList } from './query';
import { parseRequest } from './request';
import type { Column, Relationship, SchemaCache, Table } from './schema-cache';

const col = (name: string, typeName = 'int4'): Column => ({
  name,
  type: typeName,
  category: 'N',
  typeName,
  nullable: true,
  hasDefault: false,
});

const table = (name: string, columns: Column[]): Table => ({
  schema: 'public',
  name,
  kind: 'table',
  columns: new Map(columns.map((c) => [c.name, c])),
  columnOrder: columns.map((c) => c.name),
  primaryKey: ['id'],
  uniques: [['id']],
  insertable: true,
  computed: new Map(),
});

const rel = (
  from: string,
  to: string,
  constraint: string,
  columns: string[],
  foreignColumns: string[],
  cardinality: Relationship['cardinality'],
): Relationship => ({
  table: { schema: 'public', name: from },
  foreignTable: { schema: 'public', name: to },
  constraint,
  columns,
  foreignColumns,
  cardinality,
  holdsKey: cardinality === 'many-to-one',
});

const cache: SchemaCache = {
  schemas: ['public'],
  tables: new Map([
    ['public.people', table('people', [col('id'), col('name', 'text')])],
    [
      'public.loans',
      table('loans', [
        col('id'),
        col('lender_id'),
        col('borrower_id'),
        col('note', 'text'),
        col('doc', 'tsvector'),
      ]),
    ],
  ]),
  relationships: new Map([
    [
      'public.loans',
      [
        rel('loans', 'people', 'loans_lender_fk', ['lender_id'], ['id'], 'many-to-one'),
        rel('loans', 'people', 'loans_borrower_fk', ['borrower_id'], ['id'], 'many-to-one'),
      ],
    ],
    [
      'public.people',
      [rel('people', 'loans', 'loans_lender_fk', ['id'], ['lender_id'], 'one-to-many')],
    ],
  ]),
  routines: new Map(),
  roles: new Set(['anon']),
  otherRoles: new Set(),
};

// people ⇄ clubs through memberships (person_id, club_id) — a junction.
cache.tables.set('public.clubs', table('clubs', [col('id'), col('name', 'text')]));
cache.relationships.get('public.people')?.push({
  table: { schema: 'public', name: 'people' },
  foreignTable: { schema: 'public', name: 'clubs' },
  constraint: 'memberships',
  columns: [],
  foreignColumns: [],
  cardinality: 'many-to-many',
  holdsKey: false,
  junction: {
    table: { schema: 'public', name: 'memberships' },
    sourceConstraint: 'memberships_person_fk',
    targetConstraint: 'memberships_club_fk',
    sourceColumns: ['person_id'],
    sourceForeign: ['id'],
    targetColumns: ['club_id'],
    targetForeign: ['id'],
  },
});

function sqlFor(
  path: string,
  qs: string,
  init: { method?: string; body?: unknown; prefer?: string } = {},
) {
  const request = parseRequest({
    method: init.method ?? 'GET',
    path,
    query: new URLSearchParams(qs),
    headers: init.prefer ? { prefer: init.prefer } : {},
    body: init.body === undefined ? undefined : Buffer.from(JSON.stringify(init.body)),
    schemas: ['public'],
  });
  return buildStatement(plan(request, cache, 1000), request);
}

const errorOf = (fn: () => unknown): ApiError | undefined => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  return undefined;
};

describe('query building', () => {
  it('binds every filter value and quotes every identifier', () => {
    const hostile = `x'); drop table people; --`;
    const s = sqlFor(
      '/people',
      `select=id,name&name=eq.${encodeURIComponent(hostile)}&id=in.(1,"2,3")`,
    );
    expect(s.sql).not.toContain('drop table');
    expect(s.params).toEqual([hostile, '{"1","2,3"}']);
    expect(s.sql).toContain('"pgrst_0"."name" = $1');
    expect(s.sql).toContain('"pgrst_0"."id" = ANY($2)');
    expect(s.sql).toContain('FROM "public"."people" AS "pgrst_0"');
    expect(s.sql).toContain('LIMIT 1000');
  });

  it('builds a correlated lateral per embed, to-one as an object and to-many as an array', () => {
    const s = sqlFor('/people', 'select=name,loans(note)&loans.note=like.*x*');
    expect(s.sql).toContain('json_agg(');
    expect(s.sql).toContain('"pgrst_1"."lender_id" = "pgrst_0"."id"');
    expect(s.params).toEqual(['%x%']);
    const toOne = sqlFor('/loans', 'select=id,lender:people!loans_lender_fk(name)');
    expect(toOne.sql).toContain('row_to_json(');
    expect(toOne.sql).toContain('AS "lender"');
  });

  it('keeps an embedded or= inside parentheses, so the join condition still binds', () => {
    const s = sqlFor('/people', 'select=id,loans(id)&loans.or=(note.eq.a,id.eq.2)');
    expect(s.sql).toContain(
      'WHERE "pgrst_1"."lender_id" = "pgrst_0"."id" AND (("pgrst_1"."note" = $1) OR ("pgrst_1"."id" = $2))',
    );
  });

  it('embeds many-to-many by joining the junction and correlating it to the parent', () => {
    const s = sqlFor('/people', 'select=name,clubs(name)');
    expect(s.sql).toContain(
      'FROM "public"."clubs" AS "pgrst_1" INNER JOIN "public"."memberships" AS "pgrst_1_jt" ON "pgrst_1_jt"."club_id" = "pgrst_1"."id"',
    );
    expect(s.sql).toContain('WHERE "pgrst_1_jt"."person_id" = "pgrst_0"."id"');
  });

  it('orders by a to-one embed through its foreign key, and refuses a to-many one (PGRST118)', () => {
    const s = sqlFor(
      '/loans',
      'select=id,lender:people!loans_lender_fk(name)&order=lender(name).desc',
    );
    expect(s.sql).toContain(
      'ORDER BY (SELECT "pgrst_1_o"."name" FROM "public"."people" AS "pgrst_1_o" WHERE "pgrst_1_o"."id" = "pgrst_0"."lender_id" LIMIT 1) DESC',
    );
    expect(errorOf(() => sqlFor('/people', 'select=id,loans(id)&order=loans(id)'))?.code).toBe(
      'PGRST118',
    );
  });

  it('counts embedded rows the legacy way, and refuses aggregates as Supabase does (PGRST123)', () => {
    expect(sqlFor('/people', 'select=name,loans(count)').sql).toContain(
      'SELECT count(*) AS "count" FROM',
    );
    expect(errorOf(() => sqlFor('/people', 'select=count()'))?.code).toBe('PGRST123');
    expect(errorOf(() => sqlFor('/people', 'select=count'))?.code).toBe('42703');
  });

  it('uses the tsvector column directly and to_tsvector otherwise', () => {
    expect(sqlFor('/loans', 'doc=fts(english).cat').sql).toContain(
      '"pgrst_0"."doc" @@ to_tsquery($1::regconfig, $2)',
    );
    expect(sqlFor('/loans', 'note=wfts.cat').sql).toContain(
      'to_tsvector("pgrst_0"."note") @@ websearch_to_tsquery($1)',
    );
  });

  it('writes through json_populate_recordset with one parameter for the whole body', () => {
    const s = sqlFor('/people', 'select=id&columns=id,name', {
      method: 'POST',
      body: [{ id: 1, name: 'a' }, { id: 2 }],
      prefer: 'return=representation,resolution=merge-duplicates',
    });
    expect(s.sql).toContain('json_populate_recordset(NULL::"public"."people", $1::json)');
    expect(s.sql).toContain(
      'ON CONFLICT ("id") DO UPDATE SET "id" = EXCLUDED."id", "name" = EXCLUDED."name"',
    );
    expect(s.params).toHaveLength(1);
  });

  it('reports ambiguous embeds (PGRST201, 300) and unknown ones (PGRST200)', () => {
    const ambiguous = errorOf(() => sqlFor('/loans', 'select=people(name)'));
    expect(ambiguous?.status).toBe(300);
    expect(ambiguous?.code).toBe('PGRST201');
    expect(ambiguous?.details).toHaveLength(2);
    expect(errorOf(() => sqlFor('/loans', 'select=planets(name)'))?.code).toBe('PGRST200');
  });

  it('reports unknown columns, tables and payload keys', () => {
    expect(errorOf(() => sqlFor('/people', 'select=nope'))?.code).toBe('42703');
    expect(errorOf(() => sqlFor('/people', 'order=nope.desc'))?.code).toBe('42703');
    expect(errorOf(() => sqlFor('/nope', ''))?.code).toBe('PGRST205');
    expect(errorOf(() => sqlFor('/people', '', { method: 'POST', body: { nope: 1 } }))?.code).toBe(
      'PGRST204',
    );
    expect(errorOf(() => sqlFor('/people', 'loans.id=eq.1'))?.code).toBe('PGRST108');
    // Without columns=, bulk objects must share their keys, as in PostgREST.
    expect(
      errorOf(() => sqlFor('/people', '', { method: 'POST', body: [{ id: 1 }, { name: 'x' }] }))
        ?.code,
    ).toBe('PGRST102');
  });
});

describe('in lists', () => {
  it('reads quoted items, escapes and null', () => {
    expect(parseList('(a, "b,c" ,"d\\"e",null,"null")')).toEqual(['a', 'b,c', 'd"e', null, 'null']);
    expect(parseList('()')).toEqual([]);
  });
});
