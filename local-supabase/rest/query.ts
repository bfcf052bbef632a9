// Stage 3, as PostgREST's Query.hs / QueryBuilder.hs: one SQL statement per request built from
// the plan. Identifiers come only from the schema cache and are quoted; every value from the
// request is a `$n` parameter. Postgres builds the JSON body itself (json_agg, row_to_json), so
// values reach the client exactly as Postgres prints them.
import type { ApiRequest, Field, Filter, OrderTerm } from './request';
import type { EmbedPlan, Plan, PlannedCondition, ReadPlan, Source } from './plan';
import type { Column } from './schema-cache';
import { arrayLiteral, ident, Params, qident } from './sql';
import { queryParamError } from './errors';

export type Statement = {
  sql: string;
  params: unknown[];
  /** How to read the one result row: total, page_total, body. */
  shape: 'rows' | 'scalar' | 'void' | 'none';
};

const MAX_INT = 2 ** 53;

/**
 * A level's whole row, cast to its table's type: a no-op on the table itself, and what makes
 * computed fields work on rows of a CTE (mutation results, function results).
 */
function rowOf(alias: string, rowType: { schema: string; name: string } | undefined): string {
  return rowType ? `${ident(alias)}::${qident(rowType.schema, rowType.name)}` : ident(alias);
}

/** `"alias"."col"->'a'->>'b'` — json keys are parameters, array indexes plain integers. */
function columnExpr(p: Params, alias: string, field: Field): string {
  let sql = field.computed
    ? `${qident(field.computed.schema, field.computed.name)}(${rowOf(alias, field.computed.rowType)})`
    : ident(alias) + '.' + ident(field.name);
  for (const step of field.path) {
    sql += step.arrow + (/^-?\d{1,9}$/.test(step.key) ? step.key : p.add(step.key) + '::text');
  }
  return sql;
}

/** The elements of `(a,b,"c,d")` or `{a,b}`, for `in` and quantified operators. */
export function parseList(value: string): (string | null)[] {
  const inner = value.slice(1, -1);
  if (inner.trim() === '') return [];
  const out: (string | null)[] = [];
  let i = 0;
  for (;;) {
    while (inner[i] === ' ') i++;
    let item = '';
    if (inner[i] === '"') {
      i++;
      while (i < inner.length && inner[i] !== '"') {
        if (inner[i] === '\\' && i + 1 < inner.length) i++;
        item += inner[i];
        i++;
      }
      i++; // the closing quote; anything up to the comma is ignored
      while (i < inner.length && inner[i] !== ',') i++;
      out.push(item);
    } else {
      while (i < inner.length && inner[i] !== ',') item += inner[i++];
      item = item.trim();
      out.push(item.toLowerCase() === 'null' ? null : item);
    }
    if (i >= inner.length) return out;
    i++; // the comma
  }
}

const COMPARISON: Record<string, string> = {
  eq: '=',
  neq: '<>',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
  like: 'LIKE',
  ilike: 'ILIKE',
  match: '~',
  imatch: '~*',
  cs: '@>',
  cd: '<@',
  ov: '&&',
  sl: '<<',
  sr: '>>',
  nxr: '&<',
  nxl: '&>',
  adj: '-|-',
};

const TSQUERY: Record<string, string> = {
  fts: 'to_tsquery',
  plfts: 'plainto_tsquery',
  phfts: 'phraseto_tsquery',
  wfts: 'websearch_to_tsquery',
};

function filterSql(p: Params, alias: string, filter: Filter, column: Column | undefined): string {
  const col = columnExpr(p, alias, filter.field);
  const likeValue = (v: string) => v.replaceAll('*', '%');
  let sql: string;
  switch (filter.op) {
    case 'is': {
      const v = filter.value.toLowerCase();
      sql = `${col} IS ${v === 'not_null' ? 'NOT NULL' : v.toUpperCase()}`;
      break;
    }
    case 'isdistinct':
      sql = `${col} IS DISTINCT FROM ${p.add(filter.value)}`;
      break;
    case 'in':
      sql = `${col} = ANY(${p.add(arrayLiteral(parseList(filter.value)))})`;
      break;
    case 'fts':
    case 'plfts':
    case 'phfts':
    case 'wfts': {
      const lang = filter.language ? p.add(filter.language) + '::regconfig, ' : '';
      const doc = column?.typeName === 'tsvector' ? col : `to_tsvector(${lang}${col})`;
      sql = `${doc} @@ ${TSQUERY[filter.op]}(${lang}${p.add(filter.value)})`;
      break;
    }
    default: {
      const op = COMPARISON[filter.op] as string;
      const isLike = filter.op === 'like' || filter.op === 'ilike';
      if (filter.quantifier) {
        if (!filter.value.startsWith('{') || !filter.value.endsWith('}'))
          throw queryParamError(
            `"failed to parse filter (${filter.op}(${filter.quantifier}).${filter.value})"`,
            'expecting a list: {a,b}',
          );
        const list = parseList(filter.value).map((v) => (v !== null && isLike ? likeValue(v) : v));
        sql = `${col} ${op} ${filter.quantifier.toUpperCase()}(${p.add(arrayLiteral(list))})`;
      } else {
        sql = `${col} ${op} ${p.add(isLike ? likeValue(filter.value) : filter.value)}`;
      }
    }
  }
  return filter.negated ? `NOT (${sql})` : sql;
}

function conditionSql(p: Params, alias: string, c: PlannedCondition): string {
  if (c.kind === 'filter') return filterSql(p, alias, c.filter, c.column);
  const parts = c.children.map((x) => `(${conditionSql(p, alias, x)})`);
  // Always parenthesised: the caller ANDs this with join conditions and other filters.
  const joined = '(' + parts.join(c.op === 'and' ? ' AND ' : ' OR ') + ')';
  return c.negated ? `NOT ${joined}` : joined;
}

type Level = {
  selectList: string;
  joins: string;
  countJoins: string;
  where: string[];
  orderLimit: string;
};

/** One level of a read: its select list, the laterals of its embeds, filters, order and range. */
function level(p: Params, plan: ReadPlan, opts: { limit?: number; offset?: number }): Level {
  const alias = plan.alias;
  const select: string[] = [];
  if (plan.star) select.push(ident(alias) + '.*');
  const grouped: string[] = [];
  const aggregating = plan.select.some((c) => c.aggregate);
  for (const c of plan.select) {
    if (c.aggregate) {
      select.push(`count(*) AS ${ident(c.alias)}`);
      continue;
    }
    const expr = columnExpr(p, alias, c.field);
    // With an aggregate, the other selected columns group the rows, as in PostgREST 12.
    if (aggregating) grouped.push(expr);
    select.push((c.cast ? `CAST(${expr} AS ${c.cast})` : expr) + ' AS ' + ident(c.alias));
  }
  const joins: string[] = [];
  const countJoins: string[] = [];
  const where = plan.conditions.map((c) => conditionSql(p, alias, c));
  for (const embed of plan.embeds) {
    const join = embedJoin(p, alias, embed);
    joins.push(join);
    if (embed.inner || embed.nullFilter) countJoins.push(join);
    if (embed.spread)
      for (const name of outputNames(embed.plan))
        select.push(`${ident(embed.lateral)}.${ident(name)} AS ${ident(name)}`);
    else if (embed.toOne) select.push(`${ident(embed.lateral)}."body" AS ${ident(embed.key)}`);
    else select.push(`COALESCE(${ident(embed.lateral)}."body", '[]') AS ${ident(embed.key)}`);
    const marker = embed.spread
      ? `${ident(embed.lateral)}."pgrst_found"`
      : `${ident(embed.lateral)}."body"`;
    if (embed.inner) where.push(`${marker} IS NOT NULL`);
    if (embed.nullFilter)
      where.push(`${marker} IS ${embed.nullFilter === 'null' ? 'NULL' : 'NOT NULL'}`);
  }
  // Nothing selected (e.g. only spread embeds with no columns): Postgres needs one column.
  if (select.length === 0) select.push('NULL AS "pgrst_empty"');
  let orderLimit = grouped.length ? ' GROUP BY ' + grouped.join(', ') : '';
  if (plan.order.length > 0) {
    orderLimit +=
      ' ORDER BY ' +
      plan.order
        .map(
          (t) =>
            orderExpr(p, plan, t) +
            (t.direction ? ' ' + t.direction.toUpperCase() : '') +
            (t.nulls ? ' NULLS ' + t.nulls.toUpperCase() : ''),
        )
        .join(', ');
  }
  const limit = opts.limit;
  if (limit !== undefined && limit < MAX_INT) orderLimit += ` LIMIT ${Math.floor(limit)}`;
  if (opts.offset) orderLimit += ` OFFSET ${Math.floor(opts.offset)}`;
  return {
    selectList: select.join(', '),
    joins: joins.join(' '),
    countJoins: countJoins.join(' '),
    where,
    orderLimit,
  };
}

/** The keys a level's rows have, to lift a spread embed's columns into its parent. */
function outputNames(plan: ReadPlan): string[] {
  const names = plan.star ? [...(plan.columns?.keys() ?? [])] : [];
  for (const c of plan.select) names.push(c.alias);
  for (const e of plan.embeds) {
    if (e.spread) names.push(...outputNames(e.plan));
    else names.push(e.key);
  }
  return names;
}

/** An order term's expression; a related order reads the to-one row through its foreign key. */
function orderExpr(p: Params, plan: ReadPlan, term: OrderTerm): string {
  if (term.relation === undefined) return columnExpr(p, plan.alias, term.field);
  const embed =
    plan.embeds.find((e) => e.key === term.relation) ??
    plan.embeds.find((e) => e.target.name === term.relation);
  if (!embed)
    throw queryParamError(`"failed to parse order"`, `'${term.relation}' is not embedded`);
  const rel = embed.relationship;
  const o = embed.plan.alias + '_o';
  const value = columnExpr(p, o, term.field);
  if (rel.computed) {
    return `(SELECT ${value} FROM ${qident(rel.computed.schema, rel.computed.name)}(${rowOf(plan.alias, rel.table)}) AS ${ident(o)} LIMIT 1)`;
  }
  const on = rel.columns
    .map(
      (c, i) =>
        `${ident(o)}.${ident(rel.foreignColumns[i] as string)} = ${ident(plan.alias)}.${ident(c)}`,
    )
    .join(' AND ');
  return `(SELECT ${value} FROM ${qident(embed.target.schema, embed.target.name)} AS ${ident(o)} WHERE ${on} LIMIT 1)`;
}

const whereSql = (where: string[]) => (where.length ? ' WHERE ' + where.join(' AND ') : '');

/** A correlated LEFT JOIN LATERAL producing one json value per parent row, as PostgREST does. */
function embedJoin(p: Params, parentAlias: string, embed: EmbedPlan): string {
  const child = embed.plan;
  const rel = embed.relationship;
  const l = level(p, child, { limit: child.limit, offset: child.offset });
  let from = `${qident(embed.target.schema, embed.target.name)} AS ${ident(child.alias)}`;
  let on: string[];
  if (rel.computed) {
    // A computed relationship: the function called with the parent row.
    from = `${qident(rel.computed.schema, rel.computed.name)}(${rowOf(parentAlias, rel.table)}) AS ${ident(child.alias)}`;
    on = [];
  } else if (rel.junction) {
    // Many-to-many: the target joined to the junction, the junction correlated to the parent.
    const j = rel.junction;
    const jAlias = ident(child.alias + '_jt');
    const joinOn = j.targetColumns
      .map(
        (c, i) =>
          `${jAlias}.${ident(c)} = ${ident(child.alias)}.${ident(j.targetForeign[i] as string)}`,
      )
      .join(' AND ');
    from += ` INNER JOIN ${qident(j.table.schema, j.table.name)} AS ${jAlias} ON ${joinOn}`;
    on = j.sourceColumns.map(
      (c, i) =>
        `${jAlias}.${ident(c)} = ${ident(parentAlias)}.${ident(j.sourceForeign[i] as string)}`,
    );
  } else {
    on = rel.columns.map(
      (c, i) =>
        `${ident(child.alias)}.${ident(rel.foreignColumns[i] as string)} = ${ident(parentAlias)}.${ident(c)}`,
    );
  }
  if (embed.spread) {
    // A spread embed lifts the child's columns into the parent row.
    if (!embed.toOne) {
      throw queryParamError(
        `"A spread operation on '${embed.key}' is not possible"`,
        'only to-one relationships can be spread',
      );
    }
    const inner = `SELECT ${l.selectList}, true AS "pgrst_found" FROM ${from} ${l.joins}${whereSql([...on, ...l.where])}${l.orderLimit}`;
    return `LEFT JOIN LATERAL (${inner}) AS ${ident(embed.lateral)} ON TRUE`;
  }
  const rows = `SELECT ${l.selectList} FROM ${from} ${l.joins}${whereSql([...on, ...l.where])}${l.orderLimit}`;
  const r = ident(child.alias + '_r');
  const body = embed.toOne ? `row_to_json(${r})` : `json_agg(${r})`;
  return `LEFT JOIN LATERAL (SELECT ${body} AS "body" FROM (${rows}) AS ${r}) AS ${ident(embed.lateral)} ON TRUE`;
}

function bodyExpr(request: ApiRequest, t = '"pgrst_t"'): string {
  const agg = `json_agg(${t})`;
  const stripped = request.accept.stripNulls ? `json_strip_nulls(${agg})` : agg;
  if (request.accept.type === 'object') return `coalesce((${stripped}->0)::text, 'null')`;
  if (request.accept.type === 'csv') {
    // As PostgREST: a header of the first row's keys, then each row as Postgres prints the
    // record without its parentheses (quoted where needed, NULL empty).
    const header = `array_to_string(ARRAY(SELECT json_object_keys(${agg}->0)), ',')`;
    const rows = `coalesce(string_agg(substring(${t}::text, 2, length(${t}::text) - 2), chr(10)), '')`;
    return `${header} || chr(10) || ${rows}`;
  }
  return `coalesce(${stripped}::text, '[]')`;
}

/** `FROM` for a function call: JSON arguments typed by the function's own parameter types. */
function routineCall(
  p: Params,
  source: Extract<Source, { kind: 'routine' }>,
): { from: string; call: string } {
  const { routine, args } = source;
  if (source.singleJson) {
    const type = routine.params[0]?.type === 'json' ? 'json' : 'jsonb';
    return {
      from: '',
      call: `${qident(routine.schema, routine.name)}(${p.add(JSON.stringify(args))}::${type})`,
    };
  }
  const used = routine.params.filter((prm) => prm.name in args);
  const callArgs = used
    .map((prm) => `${ident(prm.name)} := "pgrst_args".${ident(prm.name)}`)
    .join(', ');
  const call = `${qident(routine.schema, routine.name)}(${callArgs})`;
  if (used.length === 0) return { from: '', call };
  const defs = used.map((prm) => `${ident(prm.name)} ${prm.type}`).join(', ');
  const json: Record<string, unknown> = {};
  for (const prm of used) json[prm.name] = args[prm.name];
  return {
    from: `json_to_record(${p.add(JSON.stringify(json))}::json) AS "pgrst_args"(${defs})`,
    call,
  };
}

export function buildStatement(plan: Plan, request: ApiRequest): Statement {
  const p = new Params();
  const wantCount = request.prefer.count !== undefined;
  if (plan.kind === 'read') return readStatement(p, plan, request, wantCount);

  const read = plan.read;
  const table = qident(plan.table.schema, plan.table.name);
  const minimal = request.prefer.return !== 'representation';
  // An upsert that merges answers 200 when it inserted nothing: xmax = 0 marks inserted rows.
  const merging = plan.kind === 'insert' && plan.onConflict?.action === 'merge';
  const marker = merging ? ', (xmax = 0) AS "pgrst_inserted"' : '';
  const returning = minimal ? `RETURNING 1${marker}` : `RETURNING *${marker}`;
  let mutation: string;
  if (plan.kind === 'insert') {
    const cols = plan.columns.map(ident).join(', ');
    const typed = `NULL::${table}`;
    if (request.prefer.missing === 'default' && plan.columns.length > 0 && plan.rows.length > 0) {
      // Keys a row lacks take the column DEFAULT, row by row (so each row gets its own uuid).
      const values = plan.rows.map((row) => {
        const rowParam = p.add(JSON.stringify(row));
        return (
          '(' +
          plan.columns
            .map((c) =>
              c in row
                ? `(json_populate_record(${typed}, ${rowParam}::json)).${ident(c)}`
                : 'DEFAULT',
            )
            .join(', ') +
          ')'
        );
      });
      mutation = `INSERT INTO ${table} (${cols}) VALUES ${values.join(', ')}`;
    } else {
      const body = p.add(JSON.stringify(plan.rows));
      mutation =
        plan.columns.length > 0
          ? `INSERT INTO ${table} (${cols}) SELECT ${cols} FROM json_populate_recordset(${typed}, ${body}::json) AS "pgrst_body"`
          : `INSERT INTO ${table} SELECT FROM json_populate_recordset(${typed}, ${body}::json) AS "pgrst_body"`;
    }
    if (plan.onConflict) {
      const target = plan.onConflict.columns.length
        ? `(${plan.onConflict.columns.map(ident).join(', ')})`
        : '';
      if (plan.onConflict.action === 'ignore' || plan.columns.length === 0)
        mutation += ` ON CONFLICT ${target} DO NOTHING`;
      else
        mutation += ` ON CONFLICT ${target} DO UPDATE SET ${plan.columns
          .map((c) => `${ident(c)} = EXCLUDED.${ident(c)}`)
          .join(', ')}`;
    }
    mutation += ' ' + returning;
  } else if (plan.kind === 'update') {
    const alias = ident(read.alias);
    const where = whereSql(read.conditions.map((c) => conditionSql(p, read.alias, c)));
    if (plan.columns.length === 0) {
      // An empty body changes nothing, as in PostgREST; select the matching rows instead.
      mutation = `SELECT ${alias}.* FROM ${table} AS ${alias} WHERE false`;
    } else {
      const body = p.add(JSON.stringify(plan.values));
      const set = plan.columns.map((c) => `${ident(c)} = "pgrst_body".${ident(c)}`).join(', ');
      mutation = `UPDATE ${table} AS ${alias} SET ${set} FROM json_populate_record(NULL::${table}, ${body}::json) AS "pgrst_body"${where} ${minimal ? 'RETURNING 1' : `RETURNING ${alias}.*`}`;
    }
  } else {
    const alias = ident(read.alias);
    const where = whereSql(read.conditions.map((c) => conditionSql(p, read.alias, c)));
    mutation = `DELETE FROM ${table} AS ${alias}${where} ${minimal ? 'RETURNING 1' : `RETURNING ${alias}.*`}`;
  }

  const inserted = merging
    ? `, (SELECT count(*) FROM pgrst_source WHERE "pgrst_inserted")::int AS inserted`
    : '';
  let sql: string;
  if (minimal) {
    sql = `WITH pgrst_source AS (${mutation}) SELECT NULL::int AS total, count(*)::int AS page_total, NULL::text AS body${inserted} FROM pgrst_source`;
  } else {
    // `*` names the table's own columns, so helper columns of RETURNING never leak.
    const columns = plan.table.columnOrder.map((name) => ({
      field: { name, path: [] },
      alias: name,
    }));
    const childOnly: ReadPlan = {
      ...read,
      conditions: [],
      order: [],
      star: false,
      select: read.star ? [...columns, ...read.select] : read.select,
    };
    const l = level(p, childOnly, {});
    sql = `WITH pgrst_source AS (${mutation}) SELECT NULL::int AS total, count(*)::int AS page_total, ${bodyExpr(request)} AS body${inserted} FROM (SELECT ${l.selectList} FROM pgrst_source AS ${ident(read.alias)} ${l.joins}) AS "pgrst_t"`;
  }
  return { sql, params: p.values, shape: minimal ? 'none' : 'rows' };
}

function readStatement(
  p: Params,
  plan: Extract<Plan, { kind: 'read' }>,
  request: ApiRequest,
  wantCount: boolean,
): Statement {
  const read = plan.read;
  const source = plan.source;
  let from: string;
  let cte = '';
  let shape: Statement['shape'] = 'rows';
  if (source.kind === 'table') {
    from = `${qident(source.table.schema, source.table.name)} AS ${ident(read.alias)}`;
  } else {
    const { from: argsFrom, call } = routineCall(p, source);
    const returns = source.routine.returns;
    if (returns.kind === 'void' || (returns.kind === 'scalar' && !source.routine.returnsSet)) {
      const sql = `SELECT NULL::int AS total, 1 AS page_total, to_json(${call})::text AS body${argsFrom ? ' FROM ' + argsFrom : ''}`;
      return { sql, params: p.values, shape: returns.kind === 'void' ? 'void' : 'scalar' };
    }
    const fromCall = (argsFrom ? argsFrom + ', LATERAL ' : '') + call;
    if (returns.kind === 'scalar') {
      // A set of scalars: one column named after the function, answered as a JSON array of values.
      cte = `WITH pgrst_call AS (SELECT "pgrst_f"."v" AS ${ident(source.routine.name)} FROM ${fromCall} AS "pgrst_f"("v")) `;
      read.columns = new Map([
        [
          source.routine.name,
          {
            name: source.routine.name,
            type: returns.type,
            category: 'X',
            typeName: returns.type,
            nullable: true,
            hasDefault: false,
          },
        ],
      ]);
    } else {
      cte = `WITH pgrst_call AS (SELECT "pgrst_f".* FROM ${fromCall} AS "pgrst_f") `;
    }
    from = `pgrst_call AS ${ident(read.alias)}`;
    if (returns.kind === 'scalar') {
      // Only the value is returned: rebuild the select as the single column.
      read.star = false;
      read.select = [
        { field: { name: source.routine.name, path: [] }, alias: source.routine.name },
      ];
      read.embeds = [];
    }
  }

  // db-max-rows caps the top level, and the Range header narrows limit/offset (PostgREST's
  // restrictRange).
  let offset = read.offset ?? request.headerRange?.from ?? 0;
  if (read.offset !== undefined && request.headerRange)
    offset = read.offset + request.headerRange.from;
  let limit = read.limit;
  if (request.headerRange?.to !== undefined) {
    const fromRange = request.headerRange.to - request.headerRange.from + 1;
    limit = limit === undefined ? fromRange : Math.min(limit, fromRange);
  }
  if (plan.maxRows !== undefined)
    limit = limit === undefined ? plan.maxRows : Math.min(limit, plan.maxRows);

  const l = level(p, read, { limit, offset });
  const where = whereSql(l.where);
  const total = wantCount
    ? `(SELECT count(*) FROM ${from} ${l.countJoins}${where})::int`
    : 'NULL::int';
  const scalarSet = source.kind === 'routine' && source.routine.returns.kind === 'scalar';
  const singleComposite = source.kind === 'routine' && !source.routine.returnsSet;
  let body: string;
  if (scalarSet) body = `coalesce(json_agg("pgrst_t".${ident(source.routine.name)})::text, '[]')`;
  else if (singleComposite) {
    body = `coalesce((json_agg("pgrst_t")->0)::text, 'null')`;
    shape = 'scalar';
  } else body = bodyExpr(request);
  const sql = `${cte}SELECT ${total} AS total, count(*)::int AS page_total, ${body} AS body FROM (SELECT ${l.selectList} FROM ${from} ${l.joins}${where}${l.orderLimit}) AS "pgrst_t"`;
  return { sql, params: p.values, shape };
}
