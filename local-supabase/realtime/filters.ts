// postgres_changes filters as realtime-js sends them (`column=op.value`, ops eq neq lt lte gt
// gte in), parsed once at join and matched against each change's record the way walrus does:
// the value is compared as the column's type, and a null column never matches.

export type FilterOp = 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte' | 'in';

export type ChangeFilter = { column: string; op: FilterOp; value: string; values?: string[] };

const OPS = new Set<FilterOp>(['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in']);

export class FilterError extends Error {}

/** Splits `(a,"b, c",d)` into its elements, honouring double quotes like a Postgres array. */
function parseInList(raw: string): string[] {
  const inner = raw.trim();
  if (!inner.startsWith('(') || !inner.endsWith(')')) {
    throw new FilterError('in filter values must be given as (a,b,c)');
  }
  const body = inner.slice(1, -1);
  const values: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (quoted) {
      if (ch === '\\' && i + 1 < body.length) current += body[++i];
      else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      values.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (quoted) throw new FilterError('unbalanced quotes in in filter');
  if (body.trim() !== '' || values.length > 0) values.push(current.trim());
  if (values.length > 100) throw new FilterError('in filter accepts at most 100 values');
  return values;
}

/** Parses `column=op.value`; undefined/empty means no filter. */
export function parseFilter(filter: string | undefined | null): ChangeFilter | undefined {
  if (filter == null || filter === '') return undefined;
  const eq = filter.indexOf('=');
  const dot = filter.indexOf('.', eq + 1);
  if (eq <= 0 || dot < 0) throw new FilterError(`invalid filter ${filter}`);
  const column = filter.slice(0, eq);
  const op = filter.slice(eq + 1, dot) as FilterOp;
  const value = filter.slice(dot + 1);
  if (!OPS.has(op)) throw new FilterError(`unsupported filter operator ${op}`);
  if (op === 'in') return { column, op, value, values: parseInList(value) };
  return { column, op, value };
}

type Kind = 'number' | 'bool' | 'time' | 'text';

/** How a column type compares: numbers and times by value, everything else as text. */
export function compareKind(typname: string): Kind {
  if (/^(int2|int4|int8|float4|float8|numeric|oid)$/.test(typname)) return 'number';
  if (typname === 'bool') return 'bool';
  if (/^(timestamp|timestamptz|date)$/.test(typname)) return 'time';
  return 'text';
}

function toComparable(kind: Kind, value: unknown): number | string | boolean | undefined {
  if (value === null || value === undefined) return undefined;
  switch (kind) {
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isNaN(n) ? undefined : n;
    }
    case 'bool':
      if (value === true || value === 'true' || value === 't') return true;
      if (value === false || value === 'false' || value === 'f') return false;
      return undefined;
    case 'time': {
      const s = String(value);
      // Postgres accepts `2024-01-01 10:00:00`; treat zone-less times as UTC on both sides.
      const iso = s.includes('T') ? s : s.replace(' ', 'T');
      const n = Date.parse(
        /[zZ]|[+-]\d\d(:?\d\d)?$/.test(iso) || iso.length <= 10 ? iso : iso + 'Z',
      );
      return Number.isNaN(n) ? undefined : n;
    }
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

function compare(op: FilterOp, left: number | string | boolean, right: number | string | boolean) {
  switch (op) {
    case 'eq':
    case 'in':
      return left === right;
    case 'neq':
      return left !== right;
    case 'lt':
      return left < right;
    case 'lte':
      return left <= right;
    case 'gt':
      return left > right;
    case 'gte':
      return left >= right;
  }
}

/** Whether `record` passes `filter`; `typname` is the filter column's type. */
export function matchesFilter(
  filter: ChangeFilter,
  typname: string,
  record: Record<string, unknown> | null | undefined,
): boolean {
  if (!record) return false;
  const kind = compareKind(typname);
  const left = toComparable(kind, record[filter.column]);
  if (left === undefined) return false;
  const candidates = filter.op === 'in' ? (filter.values ?? []) : [filter.value];
  return candidates.some((candidate) => {
    const right = toComparable(kind, candidate);
    return right !== undefined && compare(filter.op, left, right);
  });
}
