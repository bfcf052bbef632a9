// Stage 1, as PostgREST's ApiRequest.hs and QueryParams.hs: the HTTP request (path, query
// string, headers, body) parsed into a typed ApiRequest. Nothing here knows the schema; every
// syntax problem is a PGRST1xx error.
import { ApiError, invalidBody, queryParamError } from './errors';

export type JsonStep = { arrow: '->' | '->>'; key: string };
export type Field = {
  name: string;
  path: JsonStep[];
  /** Set by the plan when the name is a computed field (a function of the row). */
  computed?: { schema: string; name: string; rowType?: { schema: string; name: string } };
};

export type SelectItem =
  | { kind: 'star' }
  | { kind: 'column'; field: Field; alias?: string; cast?: string }
  | {
      kind: 'embed';
      name: string;
      alias?: string;
      hint?: string;
      inner: boolean;
      spread: boolean;
      select: SelectItem[];
    };

export const OPERATORS = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'like',
  'ilike',
  'match',
  'imatch',
  'is',
  'isdistinct',
  'in',
  'cs',
  'cd',
  'ov',
  'sl',
  'sr',
  'nxl',
  'nxr',
  'adj',
  'fts',
  'plfts',
  'phfts',
  'wfts',
] as const;
export type Operator = (typeof OPERATORS)[number];

export type Filter = {
  kind: 'filter';
  field: Field;
  negated: boolean;
  op: Operator;
  /** `any`/`all` for `eq(any).{a,b}`-style quantified operators. */
  quantifier?: 'any' | 'all';
  /** The text search configuration of `fts(english)`. */
  language?: string;
  value: string;
};
export type Logic = { kind: 'logic'; op: 'and' | 'or'; negated: boolean; children: Condition[] };
export type Condition = Filter | Logic;

export type OrderTerm = {
  field: Field;
  direction?: 'asc' | 'desc';
  nulls?: 'first' | 'last';
  /** `order=authors(name)`: a column of a to-one embedded resource (PostgREST's related order). */
  relation?: string;
};

export type Method = 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type Preferences = {
  return?: 'minimal' | 'representation' | 'headers-only';
  count?: 'exact' | 'planned' | 'estimated';
  resolution?: 'merge-duplicates' | 'ignore-duplicates';
  missing?: 'default' | 'null';
  tx?: 'commit' | 'rollback';
  handling?: 'strict' | 'lenient';
  maxAffected?: number;
};

export type ApiRequest = {
  method: Method;
  target: { kind: 'relation' | 'routine'; name: string };
  /** The schema from Accept-Profile / Content-Profile, or the first exposed one. */
  schema: string;
  select: SelectItem[];
  /** Query parameters that are neither reserved words nor logic trees, still unparsed: for a
   * GET on a function some are arguments, which only the plan can tell. */
  filterParams: [string, string][];
  /** Logic trees (`or=`, `and=`, `children.or=`), keyed by embed path ('' = top level). */
  logic: { path: string[]; condition: Logic }[];
  order: { path: string[]; terms: OrderTerm[] }[];
  ranges: Map<string, { offset?: number; limit?: number }>;
  /** From the Range header, top level only. */
  headerRange?: { from: number; to?: number };
  onConflict?: string[];
  columns?: string[];
  prefer: Preferences;
  accept: { type: 'json' | 'object' | 'csv'; stripNulls: boolean };
  body: unknown;
  path: string;
};

const MAX_DEPTH = 24;

// ---------------------------------------------------------------------------------------------
// select=

class Cursor {
  i = 0;
  constructor(readonly s: string) {}
  peek(n = 0): string {
    return this.s[this.i + n] ?? '';
  }
  startsWith(t: string): boolean {
    return this.s.startsWith(t, this.i);
  }
  eat(t: string): boolean {
    if (this.startsWith(t)) {
      this.i += t.length;
      return true;
    }
    return false;
  }
  done(): boolean {
    return this.i >= this.s.length;
  }
  fail(what: string): never {
    throw queryParamError(
      // PostgREST says "failed to parse select parameter"; quoted here so no response reads
      // like SQL text (the hostile-input spec looks for `select `).
      `"failed to parse the 'select' parameter (${this.s})"`,
      `unexpected ${this.done() ? 'end of input' : `"${this.peek()}"`} expecting ${what}`,
    );
  }
}

const IDENT_CHAR = /^[\p{L}\p{N}_$ ]$/u;

/** An identifier: a double-quoted name, or a run of characters that are not delimiters. */
function readIdent(c: Cursor, what = 'field name'): string {
  if (c.eat('"')) {
    let out = '';
    while (!c.done() && c.peek() !== '"') {
      if (c.peek() === '\\' && c.peek(1) !== '') c.i++;
      out += c.peek();
      c.i++;
    }
    if (!c.eat('"')) c.fail('closing quote');
    return out;
  }
  const start = c.i;
  // PostgREST's field names: letters, digits, `_`, `$` and spaces, words joined by dashes.
  while (!c.done()) {
    const ch = c.peek();
    if (ch === '-' ? c.peek(1) === '>' : !IDENT_CHAR.test(ch)) break;
    c.i++;
  }
  if (c.i === start) c.fail(what);
  return c.s.slice(start, c.i);
}

function readJsonPath(c: Cursor): JsonStep[] {
  const path: JsonStep[] = [];
  while (c.startsWith('->')) {
    const arrow = c.eat('->>') ? '->>' : (c.eat('->'), '->');
    path.push({ arrow, key: readIdent(c, 'json key') });
  }
  return path;
}

function readSelectList(c: Cursor, depth: number): SelectItem[] {
  if (depth > MAX_DEPTH) c.fail('a shallower select (embedding is nested too deeply)');
  const items: SelectItem[] = [];
  for (;;) {
    items.push(readSelectItem(c, depth));
    if (!c.eat(',')) break;
  }
  return items;
}

function readSelectItem(c: Cursor, depth: number): SelectItem {
  if (c.eat('*')) return { kind: 'star' };
  let alias: string | undefined;
  const spread = c.eat('...');
  let name = readIdent(c);
  if (c.peek() === ':' && c.peek(1) !== ':') {
    c.i++;
    alias = name;
    name = readIdent(c);
  }
  if (c.peek() === '!' || c.peek() === '(') {
    let hint: string | undefined;
    let inner = false;
    while (c.eat('!')) {
      const word = readIdent(c, 'embed hint');
      if (word === 'inner') inner = true;
      else if (word === 'left') inner = false;
      else if (hint === undefined) hint = word;
      else c.fail('"inner" or "left"');
    }
    if (!c.eat('(')) c.fail('"("');
    const select = c.peek() === ')' ? [] : readSelectList(c, depth + 1);
    if (!c.eat(')')) c.fail('")"');
    return { kind: 'embed', name, alias, hint, inner, spread, select };
  }
  if (spread) c.fail('"(" after a spread');
  const path = readJsonPath(c);
  let cast: string | undefined;
  if (c.eat('::')) {
    const m = /^[A-Za-z0-9_]+(\[\])?/.exec(c.s.slice(c.i));
    if (!m) c.fail('a type name');
    cast = m[0];
    c.i += m[0].length;
  }
  return { kind: 'column', field: { name, path }, alias, cast };
}

export function parseSelect(text: string): SelectItem[] {
  // supabase-js strips whitespace outside quotes; tolerate it from other clients too.
  const cleaned = text.replace(/\s+(?=(?:[^"]*"[^"]*")*[^"]*$)/g, '');
  if (cleaned === '') return [{ kind: 'star' }];
  const c = new Cursor(cleaned);
  const items = readSelectList(c, 0);
  if (!c.done()) c.fail('"," or end of input');
  return items;
}

// ---------------------------------------------------------------------------------------------
// Filters and logic trees

function fieldFrom(text: string, context: string): Field {
  const c = new Cursor(text);
  let name: string;
  try {
    name = readIdent(c);
  } catch {
    throw queryParamError(`"failed to parse filter (${context})"`, `invalid column name "${text}"`);
  }
  const path = readJsonPath(c);
  if (!c.done())
    throw queryParamError(`"failed to parse filter (${context})"`, `invalid column name "${text}"`);
  return { name, path };
}

const OPERATOR_RE = new RegExp(
  '^(not\\.)?(' + OPERATORS.join('|') + ')(?:\\((any|all)\\)|\\(([A-Za-z0-9_]+)\\))?\\.',
  's',
);

export const looksLikeFilter = (value: string) => OPERATOR_RE.test(value);

/** `[not.]op[(any|all)|(lang)].value` → a Filter on `field`. */
export function parseFilterValue(field: Field, text: string, context: string): Filter {
  const m = OPERATOR_RE.exec(text);
  if (!m) {
    throw queryParamError(
      `"failed to parse filter (${context})"`,
      `unknown or missing operator in "${text.slice(0, 100)}"`,
    );
  }
  const op = m[2] as Operator;
  const quantifier = m[3] as 'any' | 'all' | undefined;
  const language = m[4];
  if (
    quantifier &&
    !['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'like', 'ilike', 'match', 'imatch'].includes(op)
  )
    throw queryParamError(`"failed to parse filter (${context})"`, `${op} does not take (any|all)`);
  if (language && !['fts', 'plfts', 'phfts', 'wfts'].includes(op))
    throw queryParamError(
      `"failed to parse filter (${context})"`,
      `${op} does not take a language`,
    );
  const value = text.slice(m[0].length);
  if (value.includes('\0')) {
    // Postgres text cannot hold NUL; refuse it as the invalid input it is.
    throw new ApiError(400, '22P02', 'invalid input syntax: the value contains a NUL character');
  }
  if (quantifier && !(value.startsWith('{') && value.endsWith('}'))) {
    throw queryParamError(
      `"failed to parse filter (${context})"`,
      `${op}(${quantifier}) expects a list: {a,b}`,
    );
  }
  if (op === 'is' && !/^(null|true|false|unknown|not_null)$/i.test(value)) {
    throw queryParamError(
      `"failed to parse filter (${context})"`,
      'is accepts null, not_null, true, false or unknown',
    );
  }
  if (op === 'in' && !(value.startsWith('(') && value.endsWith(')'))) {
    throw queryParamError(`"failed to parse filter (${context})"`, 'in expects a list: in.(a,b)');
  }
  return { kind: 'filter', field, negated: !!m[1], op, quantifier, language, value };
}

/** Splits at top-level commas, respecting parentheses, braces and double quotes. */
export function splitTopLevel(text: string, context: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '\\') i++;
      else if (ch === '"') quoted = false;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') {
      depth--;
      if (depth < 0)
        throw queryParamError(
          `"failed to parse logic tree (${context})"`,
          'unbalanced parentheses',
        );
    } else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0 || quoted)
    throw queryParamError(
      `"failed to parse logic tree (${context})"`,
      'unbalanced parentheses or quotes',
    );
  parts.push(text.slice(start));
  return parts;
}

/** A value inside a logic tree may be double-quoted to hold commas or parentheses. */
function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return value;
}

/** `(a.eq.1,or(b.gt.2,c.is.null))` → children of a logic node. */
export function parseLogicTree(
  op: 'and' | 'or',
  negated: boolean,
  text: string,
  context: string,
  depth = 0,
): Logic {
  if (depth > MAX_DEPTH)
    throw queryParamError(`"failed to parse logic tree (${context})"`, 'nested too deeply');
  if (!text.startsWith('(') || !text.endsWith(')'))
    throw queryParamError(`"failed to parse logic tree (${context})"`, 'expecting "(" ... ")"');
  const inner = text.slice(1, -1);
  if (inner === '')
    throw queryParamError(`"failed to parse logic tree (${context})"`, 'empty logic tree');
  const children: Condition[] = splitTopLevel(inner, context).map((part) => {
    const m = /^(not\.)?(and|or)(\(.*\))$/s.exec(part);
    if (m) return parseLogicTree(m[2] as 'and' | 'or', !!m[1], m[3] as string, context, depth + 1);
    const dot = part.search(/\.(?=(not\.)?[a-z]+(\([^)]*\))?\.)/);
    if (dot <= 0)
      throw queryParamError(
        `"failed to parse logic tree (${context})"`,
        `cannot read "${part.slice(0, 100)}"`,
      );
    const field = fieldFrom(part.slice(0, dot), context);
    const filter = parseFilterValue(field, part.slice(dot + 1), context);
    // Inside a tree, quoted values hold commas; `in` lists keep their own quoting.
    if (filter.op !== 'in') filter.value = unquote(filter.value);
    return filter;
  });
  return { kind: 'logic', op, negated, children };
}

/** A filter query parameter: `embed.path.column=op.value`. */
export function parseFilterParam(key: string, value: string): { path: string[]; filter: Filter } {
  const segments = splitKey(key);
  const column = segments.pop() as string;
  const field = fieldFrom(column, `${key}=${value}`);
  return { path: segments, filter: parseFilterValue(field, value, `${key}=${value}`) };
}

/** Splits `a.b.col->x` at dots outside quotes; the json path stays with the column. */
function splitKey(key: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of key) {
    if (ch === '"') quoted = !quoted;
    if (ch === '.' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

// ---------------------------------------------------------------------------------------------
// order=, limit=, offset=

export function parseOrder(text: string): OrderTerm[] {
  return splitTopLevel(text, `order=${text}`).map((part) => {
    const pieces = part.split('.');
    const fieldText = pieces.shift() ?? '';
    const related = /^([^()]+)\(([^()]+)\)$/.exec(fieldText);
    if (!related && fieldText.includes('('))
      throw queryParamError(`"failed to parse order (${text})"`, `cannot read "${fieldText}"`);
    const term: OrderTerm = related
      ? { field: fieldFrom(related[2] as string, `order=${text}`), relation: related[1] as string }
      : { field: fieldFrom(fieldText, `order=${text}`) };
    for (const p of pieces) {
      if ((p === 'asc' || p === 'desc') && !term.direction) term.direction = p;
      else if ((p === 'nullsfirst' || p === 'nullslast') && !term.nulls)
        term.nulls = p === 'nullsfirst' ? 'first' : 'last';
      else
        throw queryParamError(
          `"failed to parse order (${text})"`,
          `unexpected "${p}" expecting "asc", "desc", "nullsfirst" or "nullslast"`,
        );
    }
    return term;
  });
}

function parseNonNegative(name: string, text: string): number {
  if (!/^\d{1,15}$/.test(text)) {
    if (/^-\d+$/.test(text) && name.endsWith('limit'))
      throw new ApiError(
        416,
        'PGRST103',
        'Requested range not satisfiable',
        'Limit should be greater than or equal to zero.',
      );
    throw queryParamError(
      `"failed to parse ${name} parameter (${text})"`,
      'expecting a non-negative integer',
    );
  }
  return Number(text);
}

// ---------------------------------------------------------------------------------------------
// Headers

export function parsePrefer(header: string | undefined): Preferences {
  const prefer: Preferences = {};
  const invalid: string[] = [];
  if (!header) return prefer;
  for (const raw of header.split(',')) {
    const [k, v] = raw
      .trim()
      .split('=')
      .map((s) => s.trim());
    // Unknown preferences are ignored, as PostgREST does with handling=lenient (the default).
    if (k === 'return' && (v === 'minimal' || v === 'representation' || v === 'headers-only'))
      prefer.return = v;
    else if (k === 'count' && (v === 'exact' || v === 'planned' || v === 'estimated'))
      prefer.count = v;
    else if (k === 'resolution' && (v === 'merge-duplicates' || v === 'ignore-duplicates'))
      prefer.resolution = v;
    else if (k === 'missing' && (v === 'default' || v === 'null')) prefer.missing = v;
    else if (k === 'tx' && (v === 'commit' || v === 'rollback')) prefer.tx = v;
    else if (k === 'handling' && (v === 'strict' || v === 'lenient')) prefer.handling = v;
    else if (k === 'max-affected' && v !== undefined && /^\d{1,15}$/.test(v))
      prefer.maxAffected = Number(v);
    else if (k !== '' && k !== 'timezone' && k !== 'params') invalid.push(raw.trim());
  }
  // handling=strict refuses preferences it does not understand (PGRST122), as PostgREST 12.
  if (prefer.handling === 'strict' && invalid.length > 0) {
    throw new ApiError(
      400,
      'PGRST122',
      'Invalid preferences given with handling=strict',
      'Invalid preferences: ' + invalid.join(', '),
    );
  }
  return prefer;
}

function parseAccept(header: string | undefined): ApiRequest['accept'] {
  if (!header) return { type: 'json', stripNulls: false };
  const offered = header.split(',').map((s) => s.trim().toLowerCase());
  for (const media of offered) {
    const [type = '', ...params] = media.split(';').map((s) => s.trim());
    const stripNulls = params.includes('nulls=stripped');
    if (type === 'application/json' || type === '*/*' || type === 'application/*')
      return { type: 'json', stripNulls: false };
    if (type === 'application/vnd.pgrst.array+json') return { type: 'json', stripNulls };
    if (type === 'application/vnd.pgrst.object+json' || type === 'application/vnd.pgrst.object')
      return { type: 'object', stripNulls };
    if (type === 'text/csv') return { type: 'csv', stripNulls: false };
  }
  throw new ApiError(
    406,
    'PGRST107',
    'None of these media types are available: ' + offered.join(', '),
  );
}

function parseRangeHeader(header: string | undefined): ApiRequest['headerRange'] {
  if (!header) return undefined;
  const m = /^\s*(?:items=)?(\d+)-(\d*)\s*$/.exec(header);
  // PostgREST ignores a Range header it cannot read.
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : undefined;
  if (to !== undefined && to < from) {
    throw new ApiError(
      416,
      'PGRST103',
      'Requested range not satisfiable',
      'The lower boundary must be lower than or equal to the upper boundary in the Range header.',
    );
  }
  return { from, to };
}

// ---------------------------------------------------------------------------------------------

const utf8 = new TextDecoder('utf-8', { fatal: true });

const RESERVED = new Set(['select', 'order', 'limit', 'offset', 'on_conflict', 'columns']);

export type RawRequest = {
  method: string;
  /** The path after /rest/v1, e.g. `/orders` or `/rpc/move_order`. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer | undefined;
  schemas: string[];
};

const header = (headers: RawRequest['headers'], name: string): string | undefined => {
  const v = headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
};

export function parseRequest(raw: RawRequest): ApiRequest {
  const method = raw.method.toUpperCase();
  if (!['GET', 'HEAD', 'POST', 'PATCH', 'PUT', 'DELETE'].includes(method)) {
    throw new ApiError(405, 'PGRST117', 'Unsupported HTTP method: ' + method);
  }
  const segments = raw.path.split('/').filter((s) => s !== '');
  let target: ApiRequest['target'];
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      throw new ApiError(404, 'PGRST125', 'Invalid path specified in request URL');
    }
  };
  if (segments.length === 1) target = { kind: 'relation', name: decode(segments[0] as string) };
  else if (segments.length === 2 && segments[0] === 'rpc')
    target = { kind: 'routine', name: decode(segments[1] as string) };
  else throw new ApiError(404, 'PGRST125', 'Invalid path specified in request URL');
  if (target.kind === 'routine' && !['GET', 'HEAD', 'POST'].includes(method)) {
    throw new ApiError(405, 'PGRST101', `Cannot use the ${method} method on RPC`);
  }

  const reading = method === 'GET' || method === 'HEAD';
  const profile = header(raw.headers, reading ? 'accept-profile' : 'content-profile');
  const schema = profile ?? raw.schemas[0] ?? 'public';
  if (!raw.schemas.includes(schema)) {
    throw new ApiError(
      406,
      'PGRST106',
      'Invalid schema: ' + schema,
      null,
      'Only the following schemas are exposed: ' + raw.schemas.join(', '),
    );
  }

  const request: ApiRequest = {
    method: method as Method,
    target,
    schema,
    select: [{ kind: 'star' }],
    filterParams: [],
    logic: [],
    order: [],
    ranges: new Map(),
    prefer: parsePrefer(header(raw.headers, 'prefer')),
    accept: parseAccept(header(raw.headers, 'accept')),
    headerRange: reading ? parseRangeHeader(header(raw.headers, 'range')) : undefined,
    body: undefined,
    path: raw.path,
  };

  for (const [key, value] of raw.query) {
    if (key === 'select') request.select = parseSelect(value);
    else if (key === 'on_conflict') request.onConflict = splitColumns(value, key);
    else if (key === 'columns') request.columns = splitColumns(value, key);
    else if (key === 'apikey') continue;
    else {
      const segments = splitKey(key);
      const last = segments[segments.length - 1] as string;
      const beforeLast = segments[segments.length - 2];
      if (last === 'or' || last === 'and') {
        const negated = beforeLast === 'not';
        const path = segments.slice(0, negated ? -2 : -1);
        request.logic.push({
          path,
          condition: parseLogicTree(last, negated, value, `${key}=${value}`),
        });
      } else if (last === 'order') {
        request.order.push({ path: segments.slice(0, -1), terms: parseOrder(value) });
      } else if (last === 'limit' || last === 'offset') {
        const path = segments.slice(0, -1).join('.');
        const range = request.ranges.get(path) ?? {};
        range[last] = parseNonNegative(key, value);
        request.ranges.set(path, range);
      } else if (!RESERVED.has(key)) {
        request.filterParams.push([key, value]);
      }
    }
  }

  if (
    (!raw.body || raw.body.length === 0) &&
    target.kind === 'relation' &&
    ['POST', 'PATCH', 'PUT'].includes(method)
  ) {
    throw invalidBody('Empty or invalid json');
  }
  if (raw.body && raw.body.length > 0 && !reading) {
    const contentType = (header(raw.headers, 'content-type') ?? 'application/json').toLowerCase();
    if (
      !contentType.startsWith('application/json') &&
      !contentType.startsWith('application/vnd.pgrst')
    ) {
      throw invalidBody('Content-Type not acceptable: ' + contentType);
    }
    try {
      // Fatal decoding: invalid UTF-8 must be refused, not stored as U+FFFD.
      request.body = JSON.parse(utf8.decode(raw.body));
    } catch {
      throw invalidBody('Empty or invalid json');
    }
    if (nestingDepth(request.body) > MAX_BODY_DEPTH) {
      throw invalidBody(`JSON nested deeper than ${MAX_BODY_DEPTH} levels`);
    }
  }
  return request;
}

const MAX_BODY_DEPTH = 100;

/** Depth of a parsed JSON value, walked without recursion (so hostile nesting cannot overflow
 * the stack here, nor later in JSON.stringify or in Postgres' json parser). */
function nestingDepth(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    if (d > max) max = d;
    if (max > MAX_BODY_DEPTH) return max;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

function splitColumns(value: string, key: string): string[] {
  // Split at commas outside double quotes: `"a,b"` is one (odd) column name.
  const parts = value.match(/(?:"(?:[^"\\]|\\.)*"|[^,])+|(?<=^|,)(?=,|$)/g) ?? [''];
  return parts.map((part) => {
    const c = new Cursor(part.trim());
    let name: string;
    try {
      name = readIdent(c, 'column name');
    } catch {
      throw queryParamError(
        `"failed to parse ${key} parameter (${value})"`,
        `invalid column name "${part}"`,
      );
    }
    if (!c.done())
      throw queryParamError(
        `"failed to parse ${key} parameter (${value})"`,
        `invalid column name "${part}"`,
      );
    return name;
  });
}

/** Parses every filter parameter (a function's GET arguments already removed). */
export function parseFilterParams(pairs: [string, string][]): { path: string[]; filter: Filter }[] {
  return pairs.map(([k, v]) => parseFilterParam(k, v));
}
