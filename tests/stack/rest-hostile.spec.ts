// Hostile input against /rest/v1: a corpus of malformed and malicious raw HTTP requests
// (injection in every identifier position, broken syntax, bad bodies, content types, ranges,
// tokens, paths, encodings, huge and deeply nested inputs). Each must get a 4xx in PostgREST's
// error shape, never a 500 and never SQL text; afterwards fixture_checksum() proves that the
// reference tables are unchanged and the service still answers normally.
import { describe, expect, it } from 'vitest';
import { signJwt } from '../../local-supabase/jwt';
import type { StackTarget } from './global-setup';
import { anonClient, serviceClient, targets } from './support/clients';
import {
  isPgrstError,
  parseJson,
  rawRest,
  unique,
  userToken,
  USER_A,
  type RawRequest,
  type RawResponse,
} from './support/rest';

const Q = encodeURIComponent;
const JSON_CT = { 'Content-Type': 'application/json' };

type Case = {
  name: string;
  req: RawRequest;
  /** Expected status(es); any 4xx when omitted. */
  status?: number | number[];
  /** Expected error code(s), pinned only where PostgREST 12/13's answer is certain. */
  code?: string | string[];
  /**
   * Refused before PostgREST by the HTTP layer (an over-long request line, as Kong/nginx or
   * Node's parser refuse it): any 4xx or a closed connection, JSON not required.
   */
  transport?: boolean;
};

/** Text that only generated SQL or a stack trace would put in a response. */
const LEAK_MARKERS = [
  'select "',
  'select *',
  'select coalesce',
  'select count',
  'select pg_',
  'from "',
  'from (',
  'where "',
  'insert into',
  'delete from',
  'update "',
  'returning ',
  'json_agg',
  'json_build',
  'row_to_json',
  'to_jsonb',
  'set_config',
  'set local',
  'pgrst_',
  'coalesce(',
  'limit $',
  '$1',
  'syntax error',
  'at character',
  '    at ',
  'node_modules',
  '.ts:',
];

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A token with alg "none": no signature at all (a classic JWT library pitfall). */
function unsignedToken(): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ role: 'service_role', exp: 9999999999 })}.`;
}

function deepLogicTree(levels: number): string {
  let inner = 'n.eq.0';
  for (let i = 1; i <= levels; i++) inner = `${i % 2 ? 'or' : 'and'}(n.eq.${i % 10},${inner})`;
  return `(${inner})`;
}

function corpus(t: StackTarget, marker: string): Case[] {
  const row = (extra: Record<string, unknown> = {}) =>
    JSON.stringify({ id: 1, author_id: 1, label: 'pwned', ...extra });
  const post = (
    path: string,
    body: string | Buffer,
    headers: Record<string, string> = JSON_CT,
  ): RawRequest => ({
    method: 'POST',
    path,
    body,
    headers,
  });
  const patch = (path: string, body: string | Buffer): RawRequest => ({
    method: 'PATCH',
    path,
    body,
    headers: JSON_CT,
  });
  const del = (path: string): RawRequest => ({ method: 'DELETE', path });
  const get = (path: string, headers: Record<string, string> = {}): RawRequest => ({
    path,
    headers,
  });
  const upsert = { ...JSON_CT, Prefer: 'resolution=merge-duplicates,return=representation' };

  return [
    // ---- injection in column names (filters). PostgREST parses a filter key as a prefix
    // (`id;drop…` is read as `id`), so these start with what no identifier may start with, or
    // are quoted identifiers that must reach SQL quoted, as one (missing) column name.
    {
      name: 'column name starting with ;',
      req: get(`/books?${Q(';drop table books')}=eq.1`),
      status: 400,
      code: 'PGRST100',
    },
    {
      name: 'column name in single quotes',
      req: get(`/books?${Q("'id'")}=eq.1`),
      status: 400,
      code: 'PGRST100',
    },
    {
      name: 'column name is a subquery',
      req: get(`/books?${Q('(select 1)')}=eq.1`),
      status: 400,
      code: 'PGRST100',
    },
    { name: 'column name with comment', req: get(`/books?${Q('id--')}=eq.1`), status: 400 },
    {
      name: 'quoted column name with an escaped quote',
      req: get(`/books?${Q('"id\\" or 1=1 --"')}=eq.1`),
      status: 400,
      code: '42703',
    },
    {
      name: 'quoted column name with a statement',
      req: get(`/books?${Q('"title\'); delete from books; --"')}=eq.x`),
      status: 400,
      code: '42703',
    },
    { name: 'unknown column', req: get('/books?nope=eq.1'), status: 400, code: '42703' },

    // ---- operators and values
    { name: 'unknown operator', req: get('/books?id=sql.1'), status: 400, code: 'PGRST100' },
    {
      name: 'operator is SQL',
      req: get(`/books?id=${Q('drop.1')}`),
      status: 400,
      code: 'PGRST100',
    },
    {
      name: 'operator with ;',
      req: get(`/books?id=${Q('eq;delete from books.1')}`),
      status: 400,
      code: 'PGRST100',
    },
    {
      name: 'operator with call syntax',
      req: get(`/books?id=${Q('eq(1).1')}`),
      status: 400,
      code: 'PGRST100',
    },
    { name: 'operator without value', req: get('/books?id=eq'), status: 400, code: 'PGRST100' },
    { name: 'empty filter', req: get('/books?id='), status: 400, code: 'PGRST100' },
    { name: 'double not', req: get('/books?id=not.not.eq.1'), status: 400, code: 'PGRST100' },
    {
      name: 'value injection on an integer',
      req: get(`/books?id=${Q('eq.1 or 1=1')}`),
      status: 400,
      code: '22P02',
    },
    {
      name: 'unclosed in list',
      req: get(`/books?id=${Q('in.(1,2')}`),
      status: 400,
      code: 'PGRST100',
    },
    {
      name: 'in list without parentheses',
      req: get(`/books?id=${Q('in.1,2')}`),
      status: 400,
      code: 'PGRST100',
    },
    {
      name: 'is with a bad value',
      req: get('/books?in_print=is.maybe'),
      status: 400,
      code: 'PGRST100',
    },
    {
      name: 'malformed array literal',
      req: get(`/books?tags=${Q('cs.{unterminated')}`),
      status: 400,
      code: '22P02',
    },
    {
      name: 'malformed json literal',
      req: get(`/books?metadata=${Q('cs.{"a":')}`),
      status: 400,
      code: '22P02',
    },
    {
      name: 'integer overflow-ish',
      req: get(`/books?id=${Q('gt.1e999')}`),
      status: 400,
      code: '22P02',
    },
    { name: 'bad date', req: get('/books?published_on=gt.not-a-date'), status: 400, code: '22007' },
    { name: 'bad uuid', req: get('/books?uid=eq.not-a-uuid'), status: 400, code: '22P02' },
    {
      name: 'enum injection',
      req: get(`/books?genre=eq.${Q("fiction' or genre is not null --")}`),
      status: 400,
      code: '22P02',
    },

    // ---- logic trees
    { name: 'or unclosed', req: get(`/books?or=${Q('(id.eq.1')}`), status: 400, code: 'PGRST100' },
    // PostgREST reads "or" + "id.eq.1)" as a filter on a column "orid": a 400 either way.
    { name: 'or without opening parenthesis', req: get(`/books?or=${Q('id.eq.1)')}`), status: 400 },
    {
      name: 'and of only parentheses',
      req: get(`/books?and=${Q('((((')}`),
      status: 400,
      code: 'PGRST100',
    },
    { name: 'empty or', req: get('/books?or=()'), status: 400, code: 'PGRST100' },
    {
      name: 'or with empty member',
      req: get(`/books?or=${Q('(id.eq.1,,id.eq.2)')}`),
      status: 400,
      code: 'PGRST100',
    },
    {
      name: 'or with unknown operator',
      req: get(`/books?or=${Q('(id.xx.1)')}`),
      status: 400,
      code: 'PGRST100',
    },
    {
      name: 'nested and unbalanced',
      req: get(`/books?or=${Q('(and(id.eq.1,id.eq.2)')}`),
      status: 400,
      code: 'PGRST100',
    },
    {
      name: 'or value injection',
      req: get(`/books?or=${Q('(id.eq.1;drop table books)')}`),
      status: 400,
      code: '22P02',
    },
    {
      name: 'or on unknown column',
      req: get(`/books?or=${Q('(nope.eq.1)')}`),
      status: 400,
      code: '42703',
    },

    // ---- select (strict in PostgREST: every item must end at "," or ")" or the end)
    {
      name: 'select with ;drop',
      req: get(`/books?select=${Q('id;drop table books')}`),
      status: 400,
      code: 'PGRST100',
    },
    {
      name: 'select with a subquery',
      req: get(`/books?select=${Q('*,(select password from auth.users)')}`),
      status: 400,
      code: 'PGRST100',
    },
    {
      name: 'select embed unclosed',
      req: get(`/books?select=${Q('id,reviews(rating')}`),
      status: 400,
      code: 'PGRST100',
    },
    {
      name: 'select cast with trailing SQL',
      req: get(`/books?select=${Q('id::text;drop')}`),
      status: 400,
      code: 'PGRST100',
    },
    {
      name: 'select cast to unknown type',
      req: get(`/books?select=${Q('id::nosuchtype')}`),
      status: 400,
      code: '42704',
    },
    {
      name: 'select quoted identifier break-out',
      req: get(`/books?select=${Q('"id""; drop table books; --"')}`),
      status: 400,
    },
    {
      name: 'select embed without relationship',
      req: get(`/books?select=${Q('id,members(*)')}`),
      status: 400,
      code: 'PGRST200',
    },
    {
      name: 'select another schema',
      req: get(`/books?select=${Q('id,auth.users(*)')}`),
      status: 400,
    },
    {
      name: 'select 5000-char identifier',
      req: get(`/books?select=${'a'.repeat(5000)}`),
      status: 400,
    },
    {
      name: 'filter on a resource not embedded',
      req: get('/books?select=id&reviews.rating=eq.5'),
      status: 400,
      code: 'PGRST108',
    },

    // ---- order (strict too)
    {
      name: 'order with ;drop',
      req: get(`/books?order=${Q('id;drop table books')}`),
      status: 400,
      code: 'PGRST100',
    },
    {
      name: 'order by subquery',
      req: get(`/books?order=${Q('(select 1)')}`),
      status: 400,
      code: 'PGRST100',
    },
    {
      name: 'order with comment',
      req: get(`/books?order=${Q('id.asc.nullsfirst;--')}`),
      status: 400,
      code: 'PGRST100',
    },
    {
      name: 'order with bad direction',
      req: get(`/books?order=${Q('id.sideways')}`),
      status: 400,
      code: 'PGRST100',
    },
    {
      name: 'order by unknown column',
      req: get('/books?order=nope.desc'),
      status: 400,
      code: '42703',
    },
    {
      name: 'order in SQL spelling',
      req: get(`/books?order=${Q('id desc; drop table books')}`),
      status: 400,
    },

    // ---- on_conflict and columns. PostgREST reads these as a prefix too (`id);…` is `id`), so
    // the attempts start with what no column list may start with, or quote the whole text.
    {
      name: 'on_conflict injection',
      req: post(`/vault?on_conflict=${Q(');drop table vault;--')}`, row(), upsert),
      status: 400,
      code: 'PGRST100',
    },
    {
      name: 'on_conflict injection on a scratch table',
      req: post(
        `/manuscripts?on_conflict=${Q(') do nothing; delete from manuscripts;--')}`,
        JSON.stringify({ author_id: 1, title: marker }),
        upsert,
      ),
      status: 400,
      code: 'PGRST100',
    },
    {
      name: 'on_conflict quoted injection',
      req: post(`/vault?on_conflict=${Q('"id);drop table vault;--"')}`, row(), upsert),
      status: 400,
    },
    {
      name: 'on_conflict unknown column',
      req: post('/vault?on_conflict=nope', row(), upsert),
      status: 400,
    },
    {
      name: 'columns injection',
      req: post(
        `/vault?columns=${Q(');drop table vault;--')}`,
        JSON.stringify([{ id: 1, label: 'x' }]),
      ),
      status: 400,
      code: 'PGRST100',
    },
    {
      name: 'columns injection on a scratch table',
      req: post(
        `/manuscripts?columns=${Q(') select 1,2;--')}`,
        JSON.stringify([{ author_id: 1, title: marker }]),
      ),
      status: 400,
      code: 'PGRST100',
    },
    {
      name: 'columns quoted injection',
      req: post(`/vault?columns=${Q('"id,label);drop"')}`, JSON.stringify([{ id: 1 }])),
      status: 400,
      code: 'PGRST204',
    },
    {
      name: 'columns unknown',
      req: post('/vault?columns=nope', JSON.stringify([{ nope: 1 }])),
      status: 400,
      code: 'PGRST204',
    },

    // ---- function names and arguments
    {
      name: 'function name with ;drop',
      req: post(`/rpc/${Q('add;drop table books')}`, '{}'),
      status: 404,
      code: 'PGRST202',
    },
    {
      name: 'function outside the exposed schemas',
      req: post('/rpc/pg_sleep', '{"seconds":5}'),
      status: 404,
      code: 'PGRST202',
    },
    {
      name: 'function path traversal',
      req: post(`/rpc/${Q('../books')}`, '{}'),
      status: 404,
      code: 'PGRST202',
    },
    {
      name: 'service-only function as anon',
      req: post('/rpc/fixture_checksum', '{}'),
      status: 401,
      code: '42501',
    },
    {
      name: 'GET argument injection',
      req: get(`/rpc/add?a=${Q('1;drop table books')}&b=2`),
      status: 400,
      code: '22P02',
    },
    {
      name: 'POST argument injection',
      req: post('/rpc/add', '{"a":"1); drop table books;--","b":1}'),
      status: 400,
      code: '22P02',
    },
    {
      name: 'extra argument',
      req: post('/rpc/add', '{"a":1,"b":2,"c":3}'),
      status: 404,
      code: 'PGRST202',
    },
    {
      name: 'array body to a function',
      req: post('/rpc/add', '[1,2]'),
      status: 400,
      code: 'PGRST102',
    },

    // ---- bodies (aimed at public.vault)
    { name: 'truncated JSON', req: post('/vault', '{"label": '), status: 400, code: 'PGRST102' },
    { name: 'empty body', req: post('/vault', ''), status: 400, code: 'PGRST102' },
    { name: 'JSON null body', req: post('/vault', 'null'), status: 400, code: 'PGRST102' },
    { name: 'JSON string body', req: post('/vault', '"a string"'), status: 400, code: 'PGRST102' },
    {
      name: 'array with different keys',
      req: post('/vault', '[{"id":100,"author_id":1,"label":"a"},{"label":"x"}]'),
      status: 400,
      code: 'PGRST102',
    },
    {
      name: '__proto__ key',
      req: post('/vault', '{"__proto__":{"id":1},"label":"x"}'),
      status: 400,
      code: 'PGRST204',
    },
    {
      name: 'duplicate primary key',
      req: post('/vault', row({ label: 'dup' })),
      status: 409,
      code: '23505',
    },
    {
      name: 'foreign key to nowhere',
      req: post('/vault', row({ id: 900001, author_id: 999 })),
      status: 409,
      code: '23503',
    },
    {
      name: 'NUL escape in a text value',
      req: post('/vault', '{"id":900002,"author_id":1,"label":"nul \\u0000 byte"}'),
      status: 400,
    },
    {
      name: 'update to null on NOT NULL',
      req: patch('/vault?id=eq.1', '{"label":null}'),
      status: 400,
      code: '23502',
    },
    {
      name: 'update with injected value',
      req: patch('/vault?id=eq.1', '{"amount":"1; drop table vault"}'),
      status: 400,
      code: '22P02',
    },
    {
      name: 'update of a generated column',
      req: patch('/vault?id=eq.1', '{"label_length":5}'),
      status: 400,
      code: '428C9',
    },
    {
      name: 'invalid UTF-8 in the body',
      // {"label":"<0xff 0xfe>"}: not UTF-8, so not JSON; must not be stored as U+FFFD.
      req: patch(
        '/vault?id=eq.1',
        Buffer.concat([Buffer.from('{"label":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
      ),
      status: 400,
      code: ['PGRST102', '22021'],
    },
    {
      name: '100k-deep JSON nesting',
      req: post('/vault', '['.repeat(100_000)),
      status: [400, 413],
    },
    {
      name: '2 MB body with an unknown column',
      req: post('/vault', JSON.stringify({ nope: 'x'.repeat(2_000_000) })),
      status: [400, 413],
    },
    {
      name: 'update every row with an unknown column',
      req: patch('/vault', '{"nope":1}'),
      status: 400,
      code: 'PGRST204',
    },
    {
      name: 'delete with injected value',
      req: del(`/vault?id=${Q('eq.1 or 1=1')}`),
      status: 400,
      code: '22P02',
    },
    {
      name: 'delete with unbalanced or',
      req: del(`/vault?or=${Q('(id.eq.1,id.gt.0')}`),
      status: 400,
      code: 'PGRST100',
    },
    {
      name: 'delete with unclosed in',
      req: del(`/vault?id=${Q('in.(1,2')}`),
      status: 400,
      code: 'PGRST100',
    },
    {
      name: 'delete filtered on unknown column',
      req: del('/vault?nope=eq.1'),
      status: 400,
      code: '42703',
    },
    {
      name: 'delete with an unknown operator',
      req: del('/vault?id=xx.1'),
      status: 400,
      code: 'PGRST100',
    },
    {
      name: 'PUT without the primary key filter',
      req: { method: 'PUT', path: '/vault?label=eq.x', body: row(), headers: JSON_CT },
      status: 405,
      code: 'PGRST105',
    },

    // ---- content types and methods
    {
      name: 'text/plain body to a table',
      req: post('/vault', 'id=900003', { 'Content-Type': 'text/plain' }),
      status: [400, 415],
      code: ['PGRST102', 'PGRST107'],
    },
    {
      name: 'XML body to a table',
      req: post('/vault', '<row id="900004"/>', { 'Content-Type': 'application/xml' }),
      status: [400, 415],
      code: ['PGRST102', 'PGRST107'],
    },
    {
      name: 'multipart body to a table',
      req: post('/vault', '--x\r\n\r\n--x--', {
        'Content-Type': 'multipart/form-data; boundary=x',
      }),
      status: [400, 415],
      code: ['PGRST102', 'PGRST107'],
    },
    {
      name: 'Accept: text/html',
      req: get('/books', { Accept: 'text/html' }),
      status: 406,
      code: 'PGRST107',
    },
    {
      name: 'unsupported method',
      req: { method: 'PROPFIND', path: '/vault' },
      status: 405,
      code: 'PGRST117',
    },
    { name: 'TRACE', req: { method: 'TRACE', path: '/vault' }, status: 405, code: 'PGRST117' },
    {
      name: 'strict handling with an unknown preference',
      req: get('/books', { Prefer: 'handling=strict, nonsense=1' }),
      status: 400,
      code: 'PGRST122',
    },

    // ---- ranges
    {
      name: 'Range lower > upper',
      req: get('/books', { Range: '5-2' }),
      status: 416,
      code: 'PGRST103',
    },
    { name: 'negative limit', req: get('/books?limit=-1'), status: 416, code: 'PGRST103' },
    {
      name: 'offset past the end with count',
      req: get('/books?offset=100', { Prefer: 'count=exact' }),
      status: 416,
      code: 'PGRST103',
    },

    // ---- schemas and paths
    {
      name: 'Accept-Profile auth',
      req: get('/users', { 'Accept-Profile': 'auth' }),
      status: 406,
      code: 'PGRST106',
    },
    {
      name: 'Accept-Profile pg_catalog',
      req: get('/pg_authid', { 'Accept-Profile': 'pg_catalog' }),
      status: 406,
      code: 'PGRST106',
    },
    {
      name: 'Content-Profile storage',
      req: post('/objects', '{"name":"x"}', { ...JSON_CT, 'Content-Profile': 'storage' }),
      status: 406,
      code: 'PGRST106',
    },
    {
      name: 'schema-qualified table in the path',
      req: get('/auth.users'),
      status: 404,
      code: 'PGRST205',
    },
    {
      name: 'catalog table in the path',
      req: get('/pg_catalog.pg_authid'),
      status: 404,
      code: 'PGRST205',
    },
    { name: 'extra path segment', req: get('/books/1'), status: 404, code: 'PGRST125' },
    {
      name: 'encoded traversal in the table name',
      req: get(`/${Q('books/../../auth/v1/admin/users')}`),
      status: 404,
      code: ['PGRST205', 'PGRST125'],
    },
    { name: 'NUL in the table name', req: get('/books%00'), status: 404, code: 'PGRST205' },

    // ---- tokens
    {
      name: '5000-char bearer token',
      req: { path: '/books', token: 'a'.repeat(5000) },
      status: 401,
      code: 'PGRST301',
    },
    {
      name: 'alg none token',
      req: { path: '/books', token: unsignedToken() },
      status: 401,
      code: 'PGRST301',
    },
    {
      name: 'service_role claim signed with a guessed secret',
      req: {
        method: 'DELETE',
        path: '/vault?id=eq.1',
        token: signJwt({ role: 'service_role' }, 'guessed-secret-guessed-secret-guessed'),
      },
      status: 401,
      code: 'PGRST301',
    },
    {
      // On Supabase the authenticator may not become postgres: 42501 → 403.
      name: 'signed token for the postgres superuser role',
      req: {
        method: 'DELETE',
        path: '/vault?id=eq.1',
        token: userToken(t, USER_A, { role: 'postgres' }),
      },
      status: [401, 403],
      code: ['42501', '22023'],
    },
    {
      name: 'signed token for supabase_admin',
      req: {
        method: 'DELETE',
        path: '/vault?id=eq.2',
        token: userToken(t, USER_A, { role: 'supabase_admin' }),
      },
      status: [401, 403],
      code: ['42501', '22023'],
    },

    // ---- percent-encoding, NUL and invalid UTF-8
    {
      name: 'invalid percent-encoding in a value',
      req: get('/books?id=eq.%zz'),
      status: 400,
      code: '22P02',
    },
    { name: 'invalid percent-encoding in select', req: get('/books?select=%zz'), status: 400 },
    {
      name: 'NUL after an integer',
      req: get('/books?id=eq.1%00'),
      status: 400,
      code: ['22P02', '22021'],
    },
    { name: 'NUL as a text value', req: get('/books?title=eq.%00'), status: 400 },
    { name: 'invalid UTF-8 as a column name', req: get('/books?%C3%28=eq.1'), status: 400 },
    {
      name: 'invalid UTF-8 as an integer',
      req: get('/books?id=eq.%C3%28'),
      status: 400,
      code: '22P02',
    },
    { name: 'NUL in select', req: get('/books?select=id%00,title'), status: 400 },
    { name: 'NUL in order', req: get('/books?order=id%00'), status: 400 },

    // ---- huge request line
    {
      name: '1.1 MB query string',
      req: get(`/books?select=id&title=eq.${'x'.repeat(1_100_000)}`),
      transport: true,
    },
  ];
}

/** Values that carry SQL but must be treated as plain data: 2xx and nothing found. */
const dataCases: { name: string; req: RawRequest; body: unknown }[] = [
  {
    name: 'quote break-out in eq',
    req: { path: `/books?select=id&title=eq.${Q("x' or '1'='1")}` },
    body: [],
  },
  {
    name: 'statement in like',
    req: { path: `/books?select=id&title=like.${Q("%'; delete from books; --")}` },
    body: [],
  },
  {
    name: 'quoted in-list member',
    req: { path: `/books?select=id&title=in.(${Q('"a\') or true --",b')})` },
    body: [],
  },
  {
    name: 'json path value',
    req: { path: `/books?select=id&metadata->>translator=eq.${Q("x' or 'a'='a")}` },
    body: [],
  },
  { name: 'rpc text argument', req: { path: `/rpc/search_books?q=${Q("' or 1=1 --")}` }, body: [] },
  {
    name: 'rpc argument echoed back',
    req: {
      method: 'POST',
      path: '/rpc/greet',
      body: '{"name":"\'); drop table books; --"}',
      headers: JSON_CT,
    },
    body: "hello '); drop table books; --!",
  },
];

/**
 * PostgREST parses filter keys, filter values after an in-list, logic trees, on_conflict and
 * columns as a prefix and ignores what follows (`id;drop table books=eq.1` filters on `id`);
 * select and order are strict. A stricter stack answering 400 is fine too. What must never
 * happen is the trailing text taking effect: a 200 holds only the rows of the prefix alone.
 */
const prefixCases: { name: string; path: string; ids?: number[] }[] = [
  {
    name: 'trailing SQL after a column name',
    path: `/books?select=id&${Q('id;drop table books')}=eq.1`,
    ids: [1],
  },
  {
    name: 'quote break-out after a column name',
    path: `/books?select=id&${Q('id" = 1 or "1')}=eq.1`,
    ids: [1],
  },
  {
    name: 'parenthesis after a column name',
    path: `/books?select=id&${Q('id) or (1=1')}=eq.1`,
    ids: [1],
  },
  {
    name: 'trailing SQL after an in-list',
    path: `/books?select=id&id=${Q('in.(1,2) or 1=1')}`,
    ids: [1, 2],
  },
  {
    name: 'trailing SQL after a logic tree',
    path: `/books?select=id&or=${Q('(id.eq.1,id.eq.2));delete from books;--')}`,
    ids: [1, 2],
  },
  { name: 'extra parenthesis after select', path: `/books?select=${Q('id,reviews(rating))')}` },
  {
    name: 'trailing SQL after a json path in select',
    path: `/books?select=${Q('metadata->>a);drop table books;--')}`,
  },
];

async function send(t: StackTarget, req: RawRequest): Promise<RawResponse | Error> {
  try {
    return await rawRest(t, req);
  } catch (error) {
    return error as Error;
  }
}

function checkCase(c: Case, res: RawResponse | Error): string[] {
  const problems: string[] = [];
  if (res instanceof Error) {
    if (!c.transport) problems.push(`connection failed: ${res.message}`);
    return problems;
  }
  const expected = c.status === undefined ? undefined : [c.status].flat();
  if (res.status >= 500) problems.push(`status ${res.status} (a server error)`);
  else if (res.status < 400 || res.status > 499) problems.push(`status ${res.status}, not a 4xx`);
  else if (expected && !expected.includes(res.status))
    problems.push(`status ${res.status}, expected ${expected.join('|')}`);

  const requestText = safeDecode(c.req.path + ' ' + (c.req.body?.toString() ?? '')).toLowerCase();
  const responseText = res.text.toLowerCase();
  for (const m of LEAK_MARKERS) {
    if (!requestText.includes(m) && responseText.includes(m))
      problems.push(`response contains "${m.trim()}"`);
  }
  if (!c.transport) {
    const body = parseJson(res.text);
    if (!isPgrstError(body))
      problems.push(`not PostgREST's error shape: ${res.text.slice(0, 200)}`);
    else {
      const keys = Object.keys(body).sort().join(',');
      if (keys !== 'code,details,hint,message') problems.push(`error keys ${keys}`);
      const codes = c.code === undefined ? undefined : [c.code].flat();
      if (codes && !codes.includes(body.code))
        problems.push(`code ${body.code}, expected ${codes.join('|')}`);
    }
  }
  return problems.map(
    (p) => `${c.name} [${c.req.method ?? 'GET'} ${c.req.path.slice(0, 80)}]: ${p}`,
  );
}

describe.each(targets())('REST hostile input on $engine', (t) => {
  const admin = serviceClient(t);
  const checksum = async () => {
    const { data, error } = await admin.rpc('fixture_checksum');
    expect(error).toBeNull();
    expect(data).toMatch(/^[0-9a-f]{32}$/);
    return data as string;
  };

  it('the corpus is big enough to mean something', () => {
    expect(corpus(t, 'x').length).toBeGreaterThanOrEqual(60);
  });

  it('every hostile request gets a 4xx PostgREST error, no SQL, and the database is unchanged', async () => {
    const before = await checksum();
    const marker = unique('hostile-marker');
    const cases = corpus(t, marker);
    const problems: string[] = [];
    // Sequential on purpose: one stack, and a failure must point at one request.
    for (const c of cases) problems.push(...checkCase(c, await send(t, c.req)));
    expect(problems).toEqual([]);

    expect(await checksum()).toBe(before);
    const leaked = await admin.from('manuscripts').select('id').eq('title', marker);
    expect(leaked.data).toEqual([]);
  });

  it('a 1000-level nested or/and tree is answered (rows or a 4xx), never a 5xx', async () => {
    const res = await send(t, { path: `/items?select=id&or=${deepLogicTree(1000)}` });
    expect(res).not.toBeInstanceOf(Error);
    const r = res as RawResponse;
    expect(r.status).toBeLessThan(500);
    const body = parseJson(r.text);
    if (r.status >= 400) expect(isPgrstError(body), r.text.slice(0, 200)).toBe(true);
    else expect(Array.isArray(body)).toBe(true);
  });

  it('text after a complete filter, tree or select is ignored or refused, never run', async () => {
    const before = await checksum();
    const problems: string[] = [];
    for (const c of prefixCases) {
      const res = await rawRest(t, { path: c.path });
      const body = parseJson(res.text);
      if (res.status === 200) {
        if (!Array.isArray(body)) problems.push(`${c.name}: 200 without an array`);
        else if (c.ids) {
          const got = (body as { id?: unknown }[]).map((r) => r.id);
          if (got.some((id) => !c.ids!.includes(id as number)))
            problems.push(`${c.name}: rows ${got.join(',')}`);
        }
      } else if (res.status !== 400 || !isPgrstError(body)) {
        problems.push(`${c.name}: ${res.status} ${res.text.slice(0, 200)}`);
      }
      for (const m of LEAK_MARKERS) {
        if (!safeDecode(c.path).toLowerCase().includes(m) && res.text.toLowerCase().includes(m))
          problems.push(`${c.name}: response contains "${m.trim()}"`);
      }
    }
    expect(problems).toEqual([]);
    expect(await checksum()).toBe(before);
  });

  it('SQL inside values is only ever data', async () => {
    const before = await checksum();
    for (const c of dataCases) {
      const res = await rawRest(t, c.req);
      expect(res.status, `${c.name}: ${res.text.slice(0, 200)}`).toBe(200);
      expect(parseJson(res.text), c.name).toEqual(c.body);
    }
    expect(await checksum()).toBe(before);
  });

  it('the corpus fired all at once (twice over) neither wedges nor corrupts the stack', async () => {
    const before = await checksum();
    // The small requests only: this is about failing transactions releasing the connection
    // (PGlite has one) while others queue behind them, not about payload size.
    const small = corpus(t, unique('hostile-burst')).filter(
      (c) => c.req.path.length < 10_000 && (c.req.body?.length ?? 0) < 10_000,
    );
    const responses = await Promise.all([...small, ...small].map((c) => send(t, c.req)));
    const problems = responses.flatMap((res, i) => checkCase([...small, ...small][i]!, res));
    expect(problems).toEqual([]);
    const started = Date.now();
    const { data, error } = await anonClient(t).from('books').select('id').eq('id', 2).single();
    expect(error).toBeNull();
    expect(data).toEqual({ id: 2 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await checksum()).toBe(before);
  });

  it('the service still answers normally afterwards', async () => {
    const db = anonClient(t);
    const { data, error } = await db.from('books').select('id, title').eq('id', 1).single();
    expect(error).toBeNull();
    expect(data).toEqual({ id: 1, title: 'A Wizard of Earthsea' });
    const { count } = await admin.from('items').select('*', { count: 'exact', head: true });
    expect(count).toBe(120);
    const mine = await anonClient(t, userToken(t, USER_A))
      .from('notes')
      .select('owner_id')
      .limit(1);
    expect(mine.error).toBeNull();
  });
});
