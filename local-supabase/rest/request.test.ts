// Unit tests for the request stage: PostgREST's query-string grammar, no server.
import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import {
  parseFilterParam,
  parseLogicTree,
  parseOrder,
  parsePrefer,
  parseRequest,
  parseSelect,
  type RawRequest,
} from './request';

const raw = (over: Partial<RawRequest>): RawRequest => ({
  method: 'GET',
  path: '/books',
  query: new URLSearchParams(),
  headers: {},
  body: undefined,
  schemas: ['public', 'api'],
  ...over,
});

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof ApiError ? e.code : 'not an ApiError';
  }
  return undefined;
};

describe('select', () => {
  it('reads columns, aliases, casts and json paths', () => {
    expect(parseSelect('id,t:title,pages::text,metadata->a->>b')).toEqual([
      { kind: 'column', field: { name: 'id', path: [] }, alias: undefined, cast: undefined },
      { kind: 'column', field: { name: 'title', path: [] }, alias: 't', cast: undefined },
      { kind: 'column', field: { name: 'pages', path: [] }, alias: undefined, cast: 'text' },
      {
        kind: 'column',
        field: {
          name: 'metadata',
          path: [
            { arrow: '->', key: 'a' },
            { arrow: '->>', key: 'b' },
          ],
        },
        alias: undefined,
        cast: undefined,
      },
    ]);
  });

  it('reads nested embeds with aliases, hints and !inner', () => {
    const [star, embed] = parseSelect(
      '*,lender:members!loans_lender_id_fkey!inner(name,books(id))',
    );
    expect(star).toEqual({ kind: 'star' });
    expect(embed).toMatchObject({
      kind: 'embed',
      name: 'members',
      alias: 'lender',
      hint: 'loans_lender_id_fkey',
      inner: true,
      select: [{ kind: 'column' }, { kind: 'embed', name: 'books' }],
    });
  });

  it('ignores whitespace outside quotes, as supabase-js strips it', () => {
    expect(parseSelect(' id , "odd name" ')).toMatchObject([
      { field: { name: 'id' } },
      { field: { name: 'odd name' } },
    ]);
  });

  it.each(['id,', 'books(id', 'id)', 'a:b:c', 'x::text;drop', '(id)', 'id::"text"'])(
    'refuses %j with PGRST100',
    (text) => {
      expect(codeOf(() => parseSelect(text))).toBe('PGRST100');
    },
  );

  it('refuses embedding nested beyond the depth limit', () => {
    const deep = 'a('.repeat(40) + 'id' + ')'.repeat(40);
    expect(codeOf(() => parseSelect(deep))).toBe('PGRST100');
  });
});

describe('filters', () => {
  it('reads operator, negation, quantifier and embed path', () => {
    expect(parseFilterParam('reviews.rating', 'not.gte.4')).toEqual({
      path: ['reviews'],
      filter: {
        kind: 'filter',
        field: { name: 'rating', path: [] },
        negated: true,
        op: 'gte',
        quantifier: undefined,
        language: undefined,
        value: '4',
      },
    });
    expect(parseFilterParam('title', 'like(any).{a*,b*}').filter).toMatchObject({
      op: 'like',
      quantifier: 'any',
      value: '{a*,b*}',
    });
    expect(parseFilterParam('title', 'fts(english).wizard').filter).toMatchObject({
      op: 'fts',
      language: 'english',
    });
  });

  it('keeps dots and commas inside the value', () => {
    expect(parseFilterParam('title', 'eq.a.b,c').filter.value).toBe('a.b,c');
  });

  it.each([
    ['id', 'equals.1'],
    ['id', '1'],
    ['id', 'is.maybe'],
    ['id', 'in.1,2'],
    ['id', 'gt(any).1'],
    ['i;d', 'eq(english).1'],
  ])('refuses %s=%s with PGRST100', (k, v) => {
    expect(codeOf(() => parseFilterParam(k, v))).toBe('PGRST100');
  });
});

describe('logic trees', () => {
  it('reads nested and/or with negation and quoted values', () => {
    const tree = parseLogicTree(
      'or',
      false,
      '(id.eq.1,not.and(pages.gt.5,title.eq."a,b"),tags.cs.{x,y})',
      'or',
    );
    expect(tree.children).toHaveLength(3);
    expect(tree.children[1]).toMatchObject({ kind: 'logic', op: 'and', negated: true });
    expect(tree.children[1]).toMatchObject({ children: [{}, { value: 'a,b' }] });
    expect(tree.children[2]).toMatchObject({ op: 'cs', value: '{x,y}' });
  });

  it.each(['(id.eq.1', 'id.eq.1', '()', '(id.eq.1))', '(and(id.eq.1)', '(id.zz.1)'])(
    'refuses %j with PGRST100',
    (text) => {
      expect(codeOf(() => parseLogicTree('or', false, text, 'or'))).toBe('PGRST100');
    },
  );

  it('refuses trees nested beyond the depth limit', () => {
    const deep = '(' + 'or('.repeat(50) + 'id.eq.1' + ')'.repeat(50) + ')';
    expect(codeOf(() => parseLogicTree('or', false, deep, 'or'))).toBe('PGRST100');
  });
});

describe('order, prefer and the whole request', () => {
  it('reads multi-column order with nulls placement', () => {
    expect(parseOrder('pages.desc.nullslast,title')).toEqual([
      { field: { name: 'pages', path: [] }, direction: 'desc', nulls: 'last' },
      { field: { name: 'title', path: [] } },
    ]);
    expect(codeOf(() => parseOrder('pages.sideways'))).toBe('PGRST100');
    expect(parseOrder('authors(name).desc')).toEqual([
      { field: { name: 'name', path: [] }, direction: 'desc', relation: 'authors' },
    ]);
    expect(codeOf(() => parseOrder('authors(name'))).toBe('PGRST100');
  });

  it('reads several Prefer values and ignores unknown ones', () => {
    expect(parsePrefer('return=representation, count=exact,missing=default, foo=bar')).toEqual({
      return: 'representation',
      count: 'exact',
      missing: 'default',
    });
  });

  it('routes rpc, picks the profile schema and refuses unknown schemas (PGRST106)', () => {
    const r = parseRequest(raw({ path: '/rpc/add', headers: { 'accept-profile': 'api' } }));
    expect(r.target).toEqual({ kind: 'routine', name: 'add' });
    expect(r.schema).toBe('api');
    expect(codeOf(() => parseRequest(raw({ headers: { 'accept-profile': 'auth' } })))).toBe(
      'PGRST106',
    );
  });

  it('collects embedded limits and orders by path', () => {
    const r = parseRequest(
      raw({
        query: new URLSearchParams(
          'select=*,reviews(*)&reviews.limit=2&reviews.order=id.desc&limit=5&title=eq.x',
        ),
      }),
    );
    expect(r.ranges.get('reviews')).toEqual({ limit: 2 });
    expect(r.ranges.get('')).toEqual({ limit: 5 });
    expect(r.order).toEqual([
      { path: ['reviews'], terms: [{ field: { name: 'id', path: [] }, direction: 'desc' }] },
    ]);
    expect(r.filterParams).toEqual([['title', 'eq.x']]);
  });

  it('refuses bad bodies (PGRST102), bad ranges (PGRST103) and bad limits (PGRST100)', () => {
    const post = (body: string, contentType = 'application/json') =>
      raw({ method: 'POST', body: Buffer.from(body), headers: { 'content-type': contentType } });
    expect(codeOf(() => parseRequest(post('{"a":')))).toBe('PGRST102');
    expect(codeOf(() => parseRequest(post('a=1', 'application/x-www-form-urlencoded')))).toBe(
      'PGRST102',
    );
    expect(codeOf(() => parseRequest(post('['.repeat(500) + ']'.repeat(500))))).toBe('PGRST102');
    expect(codeOf(() => parseRequest(raw({ headers: { range: '5-2' } })))).toBe('PGRST103');
    expect(codeOf(() => parseRequest(raw({ query: new URLSearchParams('limit=-1') })))).toBe(
      'PGRST103',
    );
    expect(codeOf(() => parseRequest(raw({ query: new URLSearchParams('offset=x') })))).toBe(
      'PGRST100',
    );
    expect(codeOf(() => parseRequest(raw({ method: 'PATCH', path: '/rpc/add' })))).toBe('PGRST101');
  });
});

describe('columns and on_conflict', () => {
  it('reads quoted names whole and refuses SQL punctuation (PGRST100)', () => {
    const q = (s: string) => parseRequest(raw({ method: 'DELETE', query: new URLSearchParams(s) }));
    expect(q('columns=id,"a,b"').columns).toEqual(['id', 'a,b']);
    expect(q('on_conflict=author_id,title').onConflict).toEqual(['author_id', 'title']);
    expect(codeOf(() => q('columns=id,title);drop'))).toBe('PGRST100');
    expect(codeOf(() => q('on_conflict=id,'))).toBe('PGRST100');
  });
});
