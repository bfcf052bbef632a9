// Stage 2, as PostgREST's Plan.hs: the ApiRequest checked against the schema cache — relation,
// columns, relationships for embedding, the function and its arguments. The result names only
// things the catalog knows; errors are PGRST2xx (or the 42703 Postgres itself would raise).
import { ApiError, invalidBody } from './errors';
import {
  looksLikeFilter,
  parseFilterParams,
  type ApiRequest,
  type Condition,
  type Field,
  type Filter,
  type OrderTerm,
  type SelectItem,
} from './request';
import {
  qualified,
  type Column,
  type Relationship,
  type Routine,
  type SchemaCache,
  type Table,
} from './schema-cache';

/** What a level of the read reads from: a table/view, or the rows a function returned. */
export type Source =
  | { kind: 'table'; table: Table }
  | {
      kind: 'routine';
      routine: Routine;
      args: Record<string, unknown>;
      table: Table | undefined;
      /** A function of one unnamed json/jsonb parameter receives the whole body. */
      singleJson: boolean;
    };

export type PlannedColumn = {
  field: Field;
  alias: string;
  cast?: string;
  /** `select=count()` / `books(count)`: the row count of this level, not a column. */
  aggregate?: 'count';
};

export type ReadPlan = {
  alias: string;
  /** Column names Postgres will accept here, or undefined when unknown (a record function). */
  columns: Map<string, Column> | undefined;
  computed?: Table['computed'];
  /** The table whose row type this level's rows have (for computed fields on CTE rows). */
  rowType?: { schema: string; name: string };
  /** Display name in errors ('orders'). */
  name: string;
  schema: string;
  star: boolean;
  select: PlannedColumn[];
  embeds: EmbedPlan[];
  conditions: PlannedCondition[];
  order: OrderTerm[];
  limit?: number;
  offset?: number;
};

export type EmbedPlan = {
  key: string;
  relationship: Relationship;
  toOne: boolean;
  inner: boolean;
  spread: boolean;
  /** `children=is.null` / `children=not.is.null`. */
  nullFilter?: 'null' | 'not_null';
  target: Table;
  plan: ReadPlan;
  lateral: string;
};

export type PlannedCondition =
  | { kind: 'filter'; filter: Filter; column: Column | undefined }
  | { kind: 'logic'; op: 'and' | 'or'; negated: boolean; children: PlannedCondition[] };

export type Plan =
  | { kind: 'read'; read: ReadPlan; source: Source; maxRows: number | undefined }
  | {
      kind: 'insert';
      table: Table;
      rows: Record<string, unknown>[];
      columns: string[];
      onConflict?: { columns: string[]; action: 'merge' | 'ignore' };
      read: ReadPlan;
      /** PUT: a single-row upsert addressed by its primary key. */
      put?: boolean;
    }
  | {
      kind: 'update';
      table: Table;
      values: Record<string, unknown>;
      columns: string[];
      read: ReadPlan;
    }
  | { kind: 'delete'; table: Table; read: ReadPlan };

class Aliases {
  n = 0;
  next(): string {
    return `pgrst_${this.n++}`;
  }
}

const columnNotFound = (plan: { name: string }, column: string) =>
  new ApiError(400, '42703', `column ${plan.name}.${column} does not exist`);

export function tableNotFound(schema: string, name: string): ApiError {
  return new ApiError(
    404,
    'PGRST205',
    `Could not find the table '${schema}.${name}' in the schema cache`,
  );
}

function checkField(plan: ReadPlan, field: Field): Column | undefined {
  if (!plan.columns) return undefined;
  const column = plan.columns.get(field.name);
  if (column) return column;
  const computed = plan.computed?.get(field.name);
  if (computed) {
    // A computed field reads like a column: `"schema"."fn"(row)` in the SQL.
    field.computed = { schema: computed.schema, name: computed.name, rowType: plan.rowType };
    return {
      name: field.name,
      type: computed.type,
      category: 'X',
      typeName: computed.type,
      nullable: true,
      hasDefault: false,
    };
  }
  throw columnNotFound(plan, field.name);
}

// ---------------------------------------------------------------------------------------------
// Relationships

function relationshipKey(r: Relationship): string {
  return `${r.constraint}|${r.table.schema}.${r.table.name}|${r.foreignTable.schema}.${r.foreignTable.name}|${r.holdsKey}`;
}

/** Finds the one relationship `select=name!hint(...)` means, from `origin`. */
function findRelationship(
  cache: SchemaCache,
  origin: { schema: string; name: string },
  name: string,
  hint: string | undefined,
): Relationship {
  const all = cache.relationships.get(qualified(origin.schema, origin.name)) ?? [];
  let candidates = all.filter(
    (r) =>
      // A computed relationship is named by its function; the others by their target.
      (r.computed ? r.computed.name === name : r.foreignTable.name === name) ||
      // Embedding by a foreign key column or constraint name on the origin (`client_id(*)`).
      (r.holdsKey && r.columns.length === 1 && r.columns[0] === name) ||
      (r.holdsKey && r.constraint === name),
  );
  if (hint !== undefined) {
    candidates = candidates.filter(
      (r) =>
        r.constraint === hint ||
        (r.columns.length === 1 && r.columns[0] === hint) ||
        (r.foreignColumns.length === 1 && r.foreignColumns[0] === hint) ||
        r.foreignTable.name === hint ||
        r.junction?.table.name === hint,
    );
  }
  const unique = [...new Map(candidates.map((r) => [relationshipKey(r), r])).values()];
  if (unique.length === 1) return unique[0] as Relationship;
  if (unique.length === 0) {
    throw new ApiError(
      400,
      'PGRST200',
      `Could not find a relationship between '${origin.name}' and '${name}' in the schema cache`,
      `Searched for a foreign key relationship between '${origin.name}' and '${name}'${hint ? ` using the hint '${hint}'` : ''} in the schema '${origin.schema}', but no matches were found.`,
    );
  }
  const fmt = (cols: string[]) => '(' + cols.join(', ') + ')';
  throw new ApiError(
    300,
    'PGRST201',
    `Could not embed because more than one relationship was found for '${origin.name}' and '${name}'`,
    unique.map((r) => ({
      cardinality: r.cardinality,
      embedding: `${r.table.name} with ${r.foreignTable.name}`,
      relationship: r.junction
        ? `${r.junction.table.name} using ${r.junction.sourceConstraint}${fmt(r.junction.sourceColumns)} and ${r.junction.targetConstraint}${fmt(r.junction.targetColumns)}`
        : `${r.constraint} using ${r.table.name}${fmt(r.columns)} and ${r.foreignTable.name}${fmt(r.foreignColumns)}`,
    })),
    `Try changing '${name}' to one of the following: ${unique
      .map((r) => `'${r.foreignTable.name}!${r.constraint}'`)
      .join(', ')}. Find the desired relationship in the 'details' key.`,
  );
}

// ---------------------------------------------------------------------------------------------
// Reads

function planSelect(
  cache: SchemaCache,
  aliases: Aliases,
  plan: ReadPlan,
  origin: { schema: string; name: string } | undefined,
  items: SelectItem[],
  embedded = false,
): void {
  for (const item of items) {
    if (item.kind === 'star') plan.star = true;
    else if (
      item.kind === 'embed' &&
      item.name === 'count' &&
      item.select.length === 0 &&
      !item.hint
    ) {
      // `count()` is an aggregate; Supabase runs PostgREST with db-aggregates-enabled off.
      throw new ApiError(400, 'PGRST123', 'Use of aggregate functions is not allowed');
    } else if (embedded && isLegacyCount(plan, item)) {
      plan.select.push({
        field: { name: 'count', path: [] },
        alias: item.alias ?? 'count',
        aggregate: 'count',
      });
    } else if (item.kind === 'column') {
      checkField(plan, item.field);
      const last = item.field.path[item.field.path.length - 1];
      plan.select.push({
        field: item.field,
        alias: item.alias ?? (last ? last.key : item.field.name),
        cast: item.cast,
      });
    } else {
      if (!origin) {
        throw new ApiError(
          400,
          'PGRST200',
          `Could not find a relationship between '${plan.name}' and '${item.name}' in the schema cache`,
        );
      }
      const rel = findRelationship(cache, origin, item.name, item.hint);
      const target = cache.tables.get(qualified(rel.foreignTable.schema, rel.foreignTable.name));
      if (!target) throw tableNotFound(rel.foreignTable.schema, rel.foreignTable.name);
      const child = emptyRead(aliases, target);
      planSelect(cache, aliases, child, target, item.select, true);
      plan.embeds.push({
        key: item.alias ?? item.name,
        relationship: rel,
        toOne: rel.cardinality === 'many-to-one' || rel.cardinality === 'one-to-one',
        inner: item.inner,
        spread: item.spread,
        target,
        plan: child,
        lateral: child.alias + '_j',
      });
    }
  }
}

/** The legacy embedded count, `books(count)`: a `count` column the embedded table lacks. */
function isLegacyCount(plan: ReadPlan, item: SelectItem): boolean {
  return (
    item.kind === 'column' &&
    item.field.name === 'count' &&
    item.field.path.length === 0 &&
    plan.columns !== undefined &&
    !plan.columns.has('count')
  );
}

function emptyRead(
  aliases: Aliases,
  table: Table | undefined,
  name?: string,
  schema?: string,
): ReadPlan {
  return {
    alias: aliases.next(),
    columns: table?.columns,
    computed: table?.computed,
    rowType: table ? { schema: table.schema, name: table.name } : undefined,
    name: name ?? table?.name ?? '',
    schema: schema ?? table?.schema ?? '',
    star: false,
    select: [],
    embeds: [],
    conditions: [],
    order: [],
  };
}

function findEmbed(plan: ReadPlan, path: string[]): ReadPlan {
  let current = plan;
  for (const segment of path) {
    const embed =
      current.embeds.find((e) => e.key === segment) ??
      current.embeds.find((e) => e.target.name === segment);
    if (!embed) {
      throw new ApiError(
        400,
        'PGRST108',
        `'${segment}' is not an embedded resource in this request`,
        null,
        `Verify that '${segment}' is included in the 'select' query parameter.`,
      );
    }
    current = embed.plan;
  }
  return current;
}

function planCondition(plan: ReadPlan, c: Condition): PlannedCondition {
  if (c.kind === 'filter') return { kind: 'filter', filter: c, column: checkField(plan, c.field) };
  return {
    kind: 'logic',
    op: c.op,
    negated: c.negated,
    children: c.children.map((x) => planCondition(plan, x)),
  };
}

/** Filters, logic trees, order and limits of the request, attached to the level they name. */
function planModifiers(request: ApiRequest, root: ReadPlan, filterPairs: [string, string][]): void {
  for (const { path, filter } of parseFilterParams(filterPairs)) {
    // `children=is.null`: a filter on an embedded resource itself, not on a column.
    if (filter.field.path.length === 0) {
      const level = findEmbed(root, path);
      const embed = level.embeds.find((e) => e.key === filter.field.name);
      if (embed && !level.columns?.has(filter.field.name)) {
        const v = filter.value.toLowerCase();
        if (filter.op !== 'is' || (v !== 'null' && v !== 'not_null')) {
          throw new ApiError(
            400,
            'PGRST120',
            `Bad operator on the '${embed.key}' embedded resource`,
            'Only is null or not is null filters are allowed on embedded resources',
          );
        }
        embed.nullFilter = (v === 'null') !== filter.negated ? 'null' : 'not_null';
        continue;
      }
    }
    const level = findEmbed(root, path);
    level.conditions.push({ kind: 'filter', filter, column: checkField(level, filter.field) });
  }
  for (const { path, condition } of request.logic) {
    const level = findEmbed(root, path);
    level.conditions.push(planCondition(level, condition));
  }
  for (const { path, terms } of request.order) {
    const level = findEmbed(root, path);
    for (const t of terms) {
      if (t.relation === undefined) checkField(level, t.field);
      else {
        const embed = findEmbed(level, [t.relation]);
        const target = level.embeds.find((e) => e.plan === embed);
        if (!target?.toOne) {
          throw new ApiError(
            400,
            'PGRST118',
            `A related order on '${t.relation}' is not possible`,
            `'${level.name}' and '${t.relation}' do not form a many-to-one or one-to-one relationship`,
          );
        }
        checkField(embed, t.field);
      }
    }
    level.order.push(...terms);
  }
  for (const [path, range] of request.ranges) {
    const level = findEmbed(root, path === '' ? [] : path.split('.'));
    if (range.limit !== undefined) level.limit = range.limit;
    if (range.offset !== undefined) level.offset = range.offset;
  }
}

// ---------------------------------------------------------------------------------------------
// Functions

function findRoutine(
  cache: SchemaCache,
  schema: string,
  name: string,
  argNames: string[],
  byPost: boolean,
): Routine {
  const overloads = cache.routines.get(qualified(schema, name)) ?? [];
  const given = new Set(argNames);
  const matches = overloads.filter((r) => {
    if (!r.params.every((p) => p.hasDefault || given.has(p.name))) return false;
    return argNames.every((a) => r.params.some((p) => p.name === a));
  });
  if (matches.length === 1) return matches[0] as Routine;
  if (matches.length === 0 && byPost) {
    const single = overloads.filter(
      (r) =>
        r.params.length === 1 &&
        r.params[0]?.name === '' &&
        ['json', 'jsonb'].includes(r.params[0]?.type ?? ''),
    );
    if (single.length === 1) return single[0] as Routine;
  }
  if (matches.length > 1) {
    throw new ApiError(
      300,
      'PGRST203',
      'Could not choose the best candidate function between: ' +
        matches
          .map(
            (r) =>
              `${r.schema}.${r.name}(${r.params.map((p) => `${p.name} => ${p.type}`).join(', ')})`,
          )
          .join(', '),
      null,
      'Try renaming the parameters or the function itself in the database so function overloading can be resolved',
    );
  }
  const sorted = [...argNames].sort();
  const list = sorted.join(', ');
  throw new ApiError(
    404,
    'PGRST202',
    `Could not find the function ${schema}.${name}${sorted.length ? `(${list})` : ' without parameters'} in the schema cache`,
    `Searched for the function ${schema}.${name}${
      sorted.length
        ? ` with parameter${sorted.length > 1 ? 's' : ''} ${list}`
        : ' without parameters'
    }${byPost ? ' or with a single unnamed json/jsonb parameter' : ''}, but no matches were found in the schema cache.`,
  );
}

// ---------------------------------------------------------------------------------------------

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function plan(request: ApiRequest, cache: SchemaCache, maxRows: number | undefined): Plan {
  const aliases = new Aliases();
  const { schema, target } = request;

  if (target.kind === 'routine') {
    let args: Record<string, unknown>;
    let filterPairs = request.filterParams;
    const byPost = request.method === 'POST';
    if (byPost) {
      if (request.body === undefined) args = {};
      else if (isObject(request.body)) args = request.body;
      else
        throw invalidBody(
          'Could not parse JSON in the request body: expected an object of arguments',
        );
    } else {
      // A GET's query parameters named like the function's parameters are its arguments.
      const overloads = cache.routines.get(qualified(schema, target.name)) ?? [];
      const names = new Set(overloads.flatMap((r) => r.params.map((p) => p.name)));
      args = {};
      filterPairs = [];
      for (const [k, v] of request.filterParams) {
        // As PostgREST: a parameter that is not a function argument is a filter when it reads
        // as one (`col=op.value`), otherwise an unknown argument (→ PGRST202).
        if (names.has(k) || !looksLikeFilter(v)) {
          // A repeated argument becomes an array (variadic / array parameters), as PostgREST does.
          const prev = args[k];
          args[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
        } else filterPairs.push([k, v]);
      }
    }
    const routine = findRoutine(cache, schema, target.name, Object.keys(args), byPost);
    const relation =
      routine.returns.kind === 'composite' && routine.returns.relation
        ? cache.tables.get(
            qualified(routine.returns.relation.schema, routine.returns.relation.name),
          )
        : undefined;
    const read = emptyRead(aliases, relation, routine.name, schema);
    if (routine.returns.kind === 'composite' && routine.returns.relation && !relation) {
      // A row type outside the exposed schemas: Postgres itself checks the column names.
      read.columns = undefined;
    } else if (routine.returns.kind === 'composite' && !relation) {
      const outColumns = routine.returns.columns;
      read.columns = new Map(
        outColumns.map((n) => [
          n,
          {
            name: n,
            type: 'unknown',
            category: 'X',
            typeName: 'unknown',
            nullable: true,
            hasDefault: false,
          },
        ]),
      );
    } else if (routine.returns.kind !== 'composite') {
      read.columns = new Map();
    }
    planSelect(cache, aliases, read, relation ?? undefined, request.select);
    planModifiers(request, read, filterPairs);
    const singleJson = routine.params.length === 1 && routine.params[0]?.name === '';
    return {
      kind: 'read',
      read,
      source: { kind: 'routine', routine, args, table: relation, singleJson },
      maxRows,
    };
  }

  const table = cache.tables.get(qualified(schema, target.name));
  if (!table) throw tableNotFound(schema, target.name);
  const read = emptyRead(aliases, table);
  planSelect(cache, aliases, read, table, request.select);

  switch (request.method) {
    case 'GET':
    case 'HEAD':
      planModifiers(request, read, request.filterParams);
      return { kind: 'read', read, source: { kind: 'table', table }, maxRows };
    case 'POST': {
      const body = request.body;
      const rows = Array.isArray(body) ? body : body === undefined ? [] : [body];
      if (!rows.every(isObject)) throw invalidBody('All object keys must match');
      // Without `columns=`, every object must have the same keys (PostgREST's rule; supabase-js
      // always sends `columns=` for arrays, so its missing keys become NULL or DEFAULT).
      if (!request.columns && rows.length > 1) {
        const keys = (r: unknown) =>
          Object.keys(r as object)
            .sort()
            .join(',');
        const first = keys(rows[0]);
        if (!rows.every((r) => keys(r) === first)) throw invalidBody('All object keys must match');
      }
      const columns = payloadColumns(table, rows as Record<string, unknown>[], request.columns);
      let onConflict: { columns: string[]; action: 'merge' | 'ignore' } | undefined;
      if (request.prefer.resolution) {
        const conflictColumns = request.onConflict ?? table.primaryKey;
        for (const c of conflictColumns)
          if (!table.columns.has(c)) throw columnNotFoundPayload(table, c);
        onConflict = {
          columns: conflictColumns,
          action: request.prefer.resolution === 'merge-duplicates' ? 'merge' : 'ignore',
        };
      }
      planModifiers(request, read, []);
      return {
        kind: 'insert',
        table,
        rows: rows as Record<string, unknown>[],
        columns,
        onConflict,
        read,
      };
    }
    case 'PATCH': {
      if (request.body !== undefined && !isObject(request.body))
        throw invalidBody('Could not parse the body: PATCH expects one JSON object');
      const values = (request.body ?? {}) as Record<string, unknown>;
      const columns = payloadColumns(table, [values], request.columns);
      planModifiers(request, read, request.filterParams);
      return { kind: 'update', table, values, columns, read };
    }
    case 'DELETE':
      planModifiers(request, read, request.filterParams);
      return { kind: 'delete', table, read };
    case 'PUT':
      return planPut(request, table, read);
    default:
      throw new ApiError(405, 'PGRST117', 'Unsupported HTTP method: ' + request.method);
  }
}

/** PUT /table?pk=eq.v: the body is the whole row; the URL must name exactly its primary key. */
function planPut(request: ApiRequest, table: Table, read: ReadPlan): Plan {
  if (request.ranges.size > 0) {
    throw new ApiError(
      400,
      'PGRST114',
      'limit/offset querystring parameters are not allowed for PUT',
    );
  }
  const filters = parseFilterParams(request.filterParams);
  const pk = table.primaryKey;
  const byColumn = new Map(
    filters.map(({ path, filter }) => [path.length === 0 ? filter.field.name : '', filter]),
  );
  const exact =
    pk.length > 0 &&
    request.logic.length === 0 &&
    filters.length === pk.length &&
    filters.every(
      ({ path, filter }) =>
        path.length === 0 &&
        filter.op === 'eq' &&
        !filter.negated &&
        filter.field.path.length === 0,
    ) &&
    pk.every((c) => byColumn.has(c));
  if (!exact) {
    throw new ApiError(
      405,
      'PGRST105',
      "Filters must include all and only primary key columns with 'eq' operators",
    );
  }
  const body =
    Array.isArray(request.body) && request.body.length === 1 ? request.body[0] : request.body;
  if (!isObject(body)) throw invalidBody('PUT expects one JSON object');
  for (const c of pk) {
    const v = body[c];
    if (v === undefined || v === null || String(v) !== byColumn.get(c)?.value) {
      throw new ApiError(
        400,
        'PGRST115',
        'Payload values do not match URL in primary key column(s)',
      );
    }
  }
  const columns = payloadColumns(table, [body], request.columns);
  planModifiers(request, read, []);
  return {
    kind: 'insert',
    table,
    rows: [body],
    columns,
    onConflict: { columns: pk, action: 'merge' },
    read,
    put: true,
  };
}

function columnNotFoundPayload(table: Table, column: string): ApiError {
  return new ApiError(
    400,
    'PGRST204',
    `Could not find the '${column}' column of '${table.name}' in the schema cache`,
  );
}

/** The columns a write sets: `columns=` if given, else the union of the objects' keys. */
function payloadColumns(
  table: Table,
  rows: Record<string, unknown>[],
  given: string[] | undefined,
): string[] {
  const columns = given ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  for (const c of columns) if (!table.columns.has(c)) throw columnNotFoundPayload(table, c);
  return columns;
}
