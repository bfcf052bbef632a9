// REST reads as PostgREST 12/13 answers them, through the real supabase-js: every filter
// operator, logic trees, embedding both ways with hints, aliases and casts, ordering, ranges
// and counts, the max_rows cap, single-object responses, Server-Timing. Reads only the seed.
import { describe, expect, it } from 'vitest';
import { anonClient, serviceClient, targets } from './support/clients';
import { expectPgrstError, restFetch } from './support/rest';

type Row = Record<string, unknown>;
const ids = (rows: Row[] | null): unknown[] => (rows ?? []).map((r) => r.id);

describe.each(targets())('REST reads on $engine', (t) => {
  const db = anonClient(t);
  const books = () => db.from('books').select('id').order('id');

  describe('filters', () => {
    it('eq / neq (neq leaves out nulls, as SQL does)', async () => {
      expect(ids((await books().eq('genre', 'poetry')).data)).toEqual([6, 7]);
      expect(ids((await books().neq('genre', 'fiction')).data)).toEqual([6, 7, 8]);
      expect(ids((await books().eq('in_print', false)).data)).toEqual([3, 7]);
    });

    it('gt / gte / lt / lte on integer, bigint, numeric, date and timestamptz', async () => {
      expect(ids((await books().gt('pages', 300)).data)).toEqual([2, 3, 7, 8]);
      expect(ids((await books().gte('pages', 304)).data)).toEqual([2, 3, 7, 8]);
      expect(ids((await books().gte('pages', 305)).data)).toEqual([3, 7, 8]);
      expect(ids((await books().lt('pages', 183)).data)).toEqual([4, 9]);
      expect(ids((await books().lte('pages', 183)).data)).toEqual([1, 4, 9]);
      expect(ids((await books().gte('weight_grams', 400)).data)).toEqual([3, 8]);
      expect(ids((await books().gt('price', 12)).data)).toEqual([6, 7, 8]);
      expect(ids((await books().gte('published_on', '1990-01-01')).data)).toEqual([6, 8, 9]);
      expect(ids((await books().gt('created_at', '2024-01-08T00:00:00Z')).data)).toEqual([8, 9]);
    });

    it('like is case-sensitive, ilike is not; * is accepted as the wildcard', async () => {
      expect(ids((await books().like('title', '%Poems%')).data)).toEqual([7]);
      expect(ids((await books().like('title', 'the%')).data)).toEqual([]);
      expect(ids((await books().ilike('title', 'the%')).data)).toEqual([2, 3]);
      expect(ids((await books().ilike('title', '*cities*')).data)).toEqual([4]);
    });

    it('is null / not is null / is true|false', async () => {
      expect(ids((await books().is('price', null)).data)).toEqual([5]);
      expect(ids((await books().is('genre', null)).data)).toEqual([9]);
      expect(ids((await books().not('price', 'is', null)).data)).toEqual([1, 2, 3, 4, 6, 7, 8, 9]);
      expect(ids((await books().is('in_print', false)).data)).toEqual([3, 7]);
    });

    it('in, with values that need quoting (apostrophe, ampersand) and on an enum', async () => {
      expect(ids((await books().in('id', [1, 3, 5])).data)).toEqual([1, 3, 5]);
      expect(ids((await books().in('genre', ['poetry', 'history'])).data)).toEqual([6, 7, 8]);
      const titles = [
        "If on a winter's night a traveler",
        'Women & Power',
        'Map: Collected and Last Poems',
      ];
      expect(ids((await books().in('title', titles)).data)).toEqual([5, 7, 9]);
      expect(ids((await books().not('id', 'in', '(1,2,3)')).data)).toEqual([4, 5, 6, 7, 8, 9]);
    });

    it('cs / cd / ov on text[] and cs on jsonb', async () => {
      expect(ids((await books().contains('tags', ['classic'])).data)).toEqual([1, 2, 4]);
      const superset = ['scifi', 'classic', 'utopia', 'fantasy'];
      expect(ids((await books().containedBy('tags', superset)).data)).toEqual([1, 2, 3, 7]);
      expect(ids((await books().overlaps('tags', ['poems', 'rome'])).data)).toEqual([6, 8]);
      expect(ids((await books().contains('metadata', { awards: ['Hugo'] })).data)).toEqual([2, 3]);
    });

    it('uuid, json path and match()', async () => {
      const { data } = await books().eq('uid', '00000000-0000-4000-8000-000000000004');
      expect(ids(data)).toEqual([4]);
      expect(ids((await books().eq('metadata->>translator', 'William Weaver')).data)).toEqual([4]);
      expect(ids((await books().match({ author_id: 1, in_print: true })).data)).toEqual([1, 2]);
    });

    it('not. negates any operator', async () => {
      expect(ids((await books().not('genre', 'eq', 'fiction')).data)).toEqual([6, 7, 8]);
      expect(ids((await books().not('title', 'ilike', '*the*')).data)).toEqual([
        1, 4, 5, 6, 7, 8, 9,
      ]);
      expect(ids((await books().not('tags', 'cs', '{classic}')).data)).toEqual([3, 5, 6, 7, 8, 9]);
    });

    it('or, nested and/or, and negated logic trees', async () => {
      expect(ids((await books().or('pages.lt.150,price.gt.20')).data)).toEqual([7, 9]);
      const nested = 'genre.eq.poetry,and(genre.eq.history,pages.gt.500)';
      expect(ids((await books().or(nested)).data)).toEqual([6, 7, 8]);
      const deeper = 'and(in_print.is.true,or(pages.gt.300,tags.cs.{cities})),id.eq.9';
      expect(ids((await books().or(deeper)).data)).toEqual([2, 4, 8, 9]);
      // An or= combined with a plain filter: both apply (AND).
      expect(ids((await books().or('id.eq.1,id.eq.8').eq('in_print', true)).data)).toEqual([1, 8]);
      // not.or=(...) as PostgREST spells it.
      const res = await restFetch(
        t,
        '/books?select=id&order=id&not.or=(genre.eq.fiction,genre.is.null)',
      );
      expect(res.status).toBe(200);
      expect(ids((await res.json()) as Row[])).toEqual([6, 7, 8]);
    });

    it('isdistinct treats null as a value', async () => {
      const { data } = await books().filter('genre', 'isdistinct', 'fiction');
      expect(ids(data)).toEqual([6, 7, 8, 9]);
    });

    it('match / imatch (POSIX regular expressions)', async () => {
      expect(ids((await books().filter('title', 'match', '^The')).data)).toEqual([2, 3]);
      expect(ids((await books().filter('title', 'imatch', '^the|spqr')).data)).toEqual([2, 3, 8]);
    });

    it('quantified operators: like(any), eq(any)', async () => {
      expect(ids((await books().filter('title', 'like(any)', '{*Cities*,SPQR}')).data)).toEqual([
        4, 8,
      ]);
      expect(ids((await books().filter('id', 'eq(any)', '{2,4,6}')).data)).toEqual([2, 4, 6]);
    });

    it('full-text search: textSearch() plain, phrase and websearch', async () => {
      expect(ids((await books().textSearch('title', 'wizard')).data)).toEqual([1]);
      expect(
        ids((await books().textSearch('title', 'grain & sand', { config: 'english' })).data),
      ).toEqual([6]);
      const phrase = await books().textSearch('title', 'left hand', {
        type: 'phrase',
        config: 'english',
      });
      expect(ids(phrase.data)).toEqual([2]);
      const web = await books().textSearch('title', 'cities or power', {
        type: 'websearch',
        config: 'english',
      });
      expect(ids(web.data)).toEqual([4, 9]);
    });

    it('or with quoted values containing commas and parentheses', async () => {
      const { data, error } = await books().or(
        'title.eq."Map: Collected and Last Poems",title.eq."a,b (c)"',
      );
      expect(error).toBeNull();
      expect(ids(data)).toEqual([7]);
    });
  });

  describe('select: columns, aliases, casts, every type', () => {
    it('returns every column type as PostgREST encodes it', async () => {
      const { data, error } = await db.from('books').select('*').eq('id', 1).single();
      expect(error).toBeNull();
      expect(data).toMatchObject({
        id: 1,
        author_id: 1,
        title: 'A Wizard of Earthsea',
        pages: 183,
        weight_grams: 250,
        price: 8.99,
        published_on: '1968-09-01',
        in_print: true,
        tags: ['fantasy', 'classic'],
        metadata: { series: 'Earthsea', volume: 1 },
        genre: 'fiction',
        uid: '00000000-0000-4000-8000-000000000001',
        title_length: 20,
      });
      expect(new Date(data!.created_at as string).toISOString()).toBe('2024-01-01T10:00:00.000Z');
      expect(Object.keys(data!).sort()).toEqual(
        [
          'author_id',
          'created_at',
          'genre',
          'id',
          'in_print',
          'metadata',
          'pages',
          'price',
          'published_on',
          'tags',
          'title',
          'title_length',
          'uid',
          'weight_grams',
        ].sort(),
      );
    });

    it('nulls come back as null (not missing)', async () => {
      const { data } = await db.from('books').select('price, metadata, genre').eq('id', 5).single();
      expect(data).toEqual({ price: null, metadata: null, genre: 'fiction' });
    });

    it('aliases and casts', async () => {
      const { data, error } = await db
        .from('books')
        .select('bookId:id, pages::text, name:title, cost:price::text')
        .eq('id', 2)
        .single();
      expect(error).toBeNull();
      expect(data).toEqual({
        bookId: 2,
        pages: '304',
        name: 'The Left Hand of Darkness',
        cost: '10.50',
      });
    });

    it('json paths in select, with an alias', async () => {
      const { data } = await db
        .from('books')
        .select('id, series:metadata->>series, volume:metadata->volume')
        .eq('id', 1)
        .single();
      expect(data).toEqual({ id: 1, series: 'Earthsea', volume: 1 });
    });
  });

  describe('embedding', () => {
    it('many-to-one embeds an object', async () => {
      const { data, error } = await db
        .from('books')
        .select('id, title, authors(name, country)')
        .eq('id', 4)
        .single();
      expect(error).toBeNull();
      expect(data).toEqual({
        id: 4,
        title: 'Invisible Cities',
        authors: { name: 'Italo Calvino', country: 'IT' },
      });
    });

    it('one-to-many embeds an array (empty when there are no children)', async () => {
      const { data, error } = await db
        .from('authors')
        .select('id, books(id, title)')
        .in('id', [2, 5])
        .order('id')
        .order('id', { referencedTable: 'books' });
      expect(error).toBeNull();
      expect(data).toEqual([
        {
          id: 2,
          books: [
            { id: 4, title: 'Invisible Cities' },
            { id: 5, title: "If on a winter's night a traveler" },
          ],
        },
        { id: 5, books: [] },
      ]);
    });

    it('nested embedding through two levels, with aliases', async () => {
      const { data } = await db
        .from('reviews')
        .select('id, rating, book:books(title, writer:authors(name))')
        .eq('id', 6)
        .single();
      expect(data).toEqual({
        id: 6,
        rating: 2,
        book: { title: 'SPQR', writer: { name: 'Mary Beard' } },
      });
    });

    it('filters on an embedded resource filter the children, not the parents', async () => {
      const { data } = await db
        .from('authors')
        .select('id, books(id)')
        .eq('books.genre', 'poetry')
        .order('id')
        .order('id', { referencedTable: 'books' });
      expect(data).toEqual([
        { id: 1, books: [] },
        { id: 2, books: [] },
        { id: 3, books: [{ id: 6 }, { id: 7 }] },
        { id: 4, books: [] },
        { id: 5, books: [] },
      ]);
    });

    it('!inner drops parents without matching children', async () => {
      const all = await db.from('authors').select('id, books!inner(id)').order('id');
      expect(ids(all.data)).toEqual([1, 2, 3, 4]);
      const poets = await db
        .from('authors')
        .select('name, books!inner(title)')
        .eq('books.genre', 'poetry');
      expect(poets.data).toHaveLength(1);
      expect(poets.data?.[0]?.name).toBe('Wisława Szymborska');
      const italian = await db
        .from('books')
        .select('id, authors!inner(country)')
        .eq('authors.country', 'IT')
        .order('id');
      expect(ids(italian.data)).toEqual([4, 5]);
    });

    it('order and limit on an embedded resource', async () => {
      const { data } = await db
        .from('authors')
        .select('id, books(id, pages)')
        .in('id', [1, 4])
        .order('id')
        .order('pages', { referencedTable: 'books', ascending: false })
        .limit(1, { referencedTable: 'books' });
      expect(data).toEqual([
        { id: 1, books: [{ id: 3, pages: 387 }] },
        { id: 4, books: [{ id: 8, pages: 608 }] },
      ]);
    });

    it('or on an embedded resource', async () => {
      const { data } = await db
        .from('books')
        .select('id, reviews(id)')
        .in('id', [1, 4, 8])
        .or('rating.eq.5,reviewer.eq.cy', { referencedTable: 'reviews' })
        .order('id')
        .order('id', { referencedTable: 'reviews' });
      expect(data).toEqual([
        { id: 1, reviews: [{ id: 1 }] },
        { id: 4, reviews: [{ id: 4 }] },
        { id: 8, reviews: [{ id: 7 }] },
      ]);
    });

    it('a nested and() inside an or() on an embedded resource', async () => {
      const { data, error } = await db
        .from('books')
        .select('id, reviews(id)')
        .in('id', [1, 4, 8])
        .or('and(rating.gte.4,reviewer.eq.ana),reviewer.eq.cy', { referencedTable: 'reviews' })
        .order('id')
        .order('id', { referencedTable: 'reviews' });
      expect(error).toBeNull();
      expect(data).toEqual([
        { id: 1, reviews: [{ id: 1 }] },
        { id: 4, reviews: [{ id: 4 }, { id: 5 }] },
        { id: 8, reviews: [{ id: 7 }] },
      ]);
    });

    it('is.null on an embedded resource keeps parents without a match (anti-join)', async () => {
      const { data } = await db
        .from('books')
        .select('id, reviews(id)')
        .is('reviews', null)
        .order('id');
      expect(ids(data)).toEqual([3, 5, 7, 9]);
    });

    it('two FKs to the same table are ambiguous (PGRST201, HTTP 300) until hinted', async () => {
      const ambiguous = await db.from('loans').select('id, members(name)');
      expect(ambiguous.status).toBe(300);
      const error = expectPgrstError(ambiguous.error, 'PGRST201');
      expect(error.message).toBe(
        "Could not embed because more than one relationship was found for 'loans' and 'members'",
      );
      expect(Array.isArray(error.details)).toBe(true);
      expect(error.hint).toContain('members!loans_lender_id_fkey');

      const hinted = await db
        .from('loans')
        .select(
          'id, lender:members!loans_lender_id_fkey(name), borrower:members!loans_borrower_id_fkey(name)',
        )
        .eq('id', 1)
        .single();
      expect(hinted.error).toBeNull();
      expect(hinted.data).toEqual({ id: 1, lender: { name: 'Ada' }, borrower: { name: 'Grace' } });

      // A column name works as the hint too.
      const byColumn = await db
        .from('loans')
        .select('id, members!borrower_id(name)')
        .eq('id', 2)
        .single();
      expect(byColumn.data).toEqual({ id: 2, members: { name: 'Linus' } });
    });

    it('the reverse direction is ambiguous too, and the hint picks the one-to-many', async () => {
      const ambiguous = await db.from('members').select('name, loans(id)');
      expect(ambiguous.status).toBe(300);
      expectPgrstError(ambiguous.error, 'PGRST201');
      const { data } = await db
        .from('members')
        .select('name, loans!loans_borrower_id_fkey(id)')
        .eq('id', 3)
        .order('id', { referencedTable: 'loans' })
        .single();
      expect(data).toEqual({ name: 'Linus', loans: [{ id: 2 }, { id: 3 }] });
    });

    it('no relationship → PGRST200 (400)', async () => {
      const { error, status } = await db.from('books').select('id, members(name)');
      expect(status).toBe(400);
      const e = expectPgrstError(error, 'PGRST200');
      expect(e.message).toBe(
        "Could not find a relationship between 'books' and 'members' in the schema cache",
      );
    });

    it('a filter on a resource that is not embedded → PGRST108 (400)', async () => {
      const { error, status } = await db.from('books').select('id').eq('reviews.rating', 5);
      expect(status).toBe(400);
      expectPgrstError(error, 'PGRST108');
    });
  });

  describe('order', () => {
    it('desc puts nulls first by default; nullsFirst:false moves them last', async () => {
      const desc = await db.from('books').select('id').order('price', { ascending: false });
      expect(ids(desc.data)).toEqual([5, 7, 8, 6, 3, 2, 4, 1, 9]);
      const descLast = await db
        .from('books')
        .select('id')
        .order('published_on', { ascending: false, nullsFirst: false });
      expect(ids(descLast.data)).toEqual([9, 8, 6, 5, 3, 4, 2, 1, 7]);
    });

    it('asc puts nulls last by default; nullsFirst:true moves them first', async () => {
      const asc = await db.from('books').select('id').order('price');
      expect(ids(asc.data)).toEqual([9, 1, 4, 2, 3, 6, 8, 7, 5]);
      const ascFirst = await db.from('books').select('id').order('price', { nullsFirst: true });
      expect(ids(ascFirst.data)).toEqual([5, 9, 1, 4, 2, 3, 6, 8, 7]);
    });

    it('by a column of a to-one embedded resource', async () => {
      const { data, error } = await db
        .from('books')
        .select('id, authors(name)')
        .order('authors(name)', { ascending: false })
        .order('id');
      expect(error).toBeNull();
      expect(ids(data)).toEqual([6, 7, 1, 2, 3, 8, 9, 4, 5]);
    });

    it('multiple columns, in the order given', async () => {
      const { data } = await db
        .from('books')
        .select('id')
        .order('author_id', { ascending: false })
        .order('pages');
      expect(ids(data)).toEqual([9, 8, 6, 7, 4, 5, 1, 2, 3]);
    });
  });

  describe('ranges and counts', () => {
    it('range() with count=exact: the page, the total, 206 Partial Content', async () => {
      const { data, count, status } = await db
        .from('books')
        .select('id', { count: 'exact' })
        .order('id')
        .range(2, 4);
      expect(ids(data)).toEqual([3, 4, 5]);
      expect(count).toBe(9);
      expect(status).toBe(206);
      const raw = await restFetch(t, '/books?select=id&order=id&offset=2&limit=3', {
        headers: { Prefer: 'count=exact' },
      });
      expect(raw.status).toBe(206);
      expect(raw.headers.get('content-range')).toBe('2-4/9');
    });

    it('the whole set with count=exact is 200 and Content-Range 0-8/9', async () => {
      const { data, count, status } = await db
        .from('books')
        .select('id', { count: 'exact' })
        .range(0, 20);
      expect(data).toHaveLength(9);
      expect(count).toBe(9);
      expect(status).toBe(200);
      const raw = await restFetch(t, '/books?select=id', { headers: { Prefer: 'count=exact' } });
      expect(raw.headers.get('content-range')).toBe('0-8/9');
    });

    it('without a count the total is *', async () => {
      const raw = await restFetch(t, '/books?select=id&order=id&limit=2');
      expect(raw.status).toBe(200);
      expect(raw.headers.get('content-range')).toBe('0-1/*');
      const { data, count } = await db.from('books').select('id').order('id').limit(2);
      expect(ids(data)).toEqual([1, 2]);
      expect(count).toBeNull();
    });

    it('limit/offset combine with filters; count counts the filtered set', async () => {
      const { data, count } = await db
        .from('books')
        .select('id', { count: 'exact' })
        .eq('genre', 'fiction')
        .order('id')
        .range(1, 2);
      expect(ids(data)).toEqual([2, 3]);
      expect(count).toBe(5);
    });

    it('count=exact counts the parents that an !inner embed filter keeps', async () => {
      const { data, count } = await db
        .from('authors')
        .select('id, books!inner(id)', { count: 'exact' })
        .eq('books.in_print', false);
      expect(count).toBe(2);
      expect(ids(data).sort()).toEqual([1, 3]);
    });

    it('the Range header works like offset/limit', async () => {
      const raw = await restFetch(t, '/books?select=id&order=id', {
        headers: { Range: '3-5', 'Range-Unit': 'items', Prefer: 'count=exact' },
      });
      expect(raw.status).toBe(206);
      expect(raw.headers.get('content-range')).toBe('3-5/9');
      expect(ids((await raw.json()) as Row[])).toEqual([4, 5, 6]);
    });

    it('an offset past the end with count=exact → 416 PGRST103', async () => {
      const { error, status } = await db
        .from('books')
        .select('id', { count: 'exact' })
        .range(20, 25);
      expect(status).toBe(416);
      const e = expectPgrstError(error, 'PGRST103');
      expect(e.message).toBe('Requested range not satisfiable');
      expect(e.details).toBe('An offset of 20 was requested, but there are only 9 rows.');
    });

    it('an offset past the end without a count is an empty 200', async () => {
      const raw = await restFetch(t, '/books?select=id&offset=20');
      expect(raw.status).toBe(200);
      expect(await raw.json()).toEqual([]);
      expect(raw.headers.get('content-range')).toBe('*/*');
    });

    it('head requests return only the count', async () => {
      const { data, count, status, error } = await db
        .from('books')
        .select('*', { count: 'exact', head: true })
        .eq('genre', 'fiction');
      expect(error).toBeNull();
      expect(status).toBe(200);
      expect(data).toBeNull();
      expect(count).toBe(5);
      const raw = await restFetch(t, '/books?genre=eq.fiction', {
        method: 'HEAD',
        headers: { Prefer: 'count=exact' },
      });
      expect(raw.status).toBe(200);
      expect(raw.headers.get('content-range')).toBe('0-4/5');
      expect(await raw.text()).toBe('');
    });

    it('limit=0 returns no rows but still counts', async () => {
      const raw = await restFetch(t, '/books?select=id&limit=0', {
        headers: { Prefer: 'count=exact' },
      });
      expect(await raw.json()).toEqual([]);
      expect(raw.headers.get('content-range')).toBe('*/9');
    });
  });

  describe('max_rows (config.toml [api] max_rows = 50)', () => {
    it('caps an unbounded read at 50 rows while count reports the real total', async () => {
      const { data, count, status } = await db
        .from('items')
        .select('id', { count: 'exact' })
        .order('id');
      expect(data).toHaveLength(50);
      expect(ids(data)[49]).toBe(50);
      expect(count).toBe(120);
      expect(status).toBe(206);
      const raw = await restFetch(t, '/items?select=id&order=id', {
        headers: { Prefer: 'count=exact' },
      });
      expect(raw.headers.get('content-range')).toBe('0-49/120');
    });

    it('caps a larger limit, and applies to a later page too', async () => {
      expect((await db.from('items').select('id').limit(80)).data).toHaveLength(50);
      const page = await db.from('items').select('id').order('id').range(100, 200);
      expect(page.data).toHaveLength(20);
      expect(ids(page.data)[0]).toBe(101);
    });

    it('applies to the service role as well', async () => {
      expect((await serviceClient(t).from('items').select('id')).data).toHaveLength(50);
    });
  });

  describe('single-object responses', () => {
    it('single() returns the object', async () => {
      const { data, error, status } = await db
        .from('books')
        .select('id, title')
        .eq('id', 8)
        .single();
      expect(error).toBeNull();
      expect(status).toBe(200);
      expect(data).toEqual({ id: 8, title: 'SPQR' });
    });

    it('single() with no rows → 406 PGRST116 "contains 0 rows"', async () => {
      const { data, error, status } = await db.from('books').select('id').eq('id', 999).single();
      expect(data).toBeNull();
      expect(status).toBe(406);
      const e = expectPgrstError(error, 'PGRST116');
      expect(e.message).toBe('Cannot coerce the result to a single JSON object');
      expect(e.details).toBe('The result contains 0 rows');
    });

    it('single() with many rows → 406 PGRST116 "contains 9 rows"', async () => {
      const { error, status } = await db.from('books').select('id').single();
      expect(status).toBe(406);
      expect(expectPgrstError(error, 'PGRST116').details).toBe('The result contains 9 rows');
    });

    it('maybeSingle(): an object, or null for no rows, or PGRST116 for many', async () => {
      const one = await db.from('books').select('id').eq('id', 3).maybeSingle();
      expect(one.data).toEqual({ id: 3 });
      const none = await db.from('books').select('id').eq('id', 999).maybeSingle();
      expect(none.error).toBeNull();
      expect(none.data).toBeNull();
      const many = await db.from('books').select('id').maybeSingle();
      expect(many.status).toBe(406);
      expect(many.error?.code).toBe('PGRST116');
    });

    it('Accept: application/vnd.pgrst.object+json on the wire', async () => {
      const raw = await restFetch(t, '/books?select=id,title&id=eq.9', {
        headers: { Accept: 'application/vnd.pgrst.object+json' },
      });
      expect(raw.status).toBe(200);
      expect(raw.headers.get('content-type')).toMatch(/^application\/vnd\.pgrst\.object\+json/);
      expect(await raw.json()).toEqual({ id: 9, title: 'Women & Power' });
    });
  });

  describe('schema errors', () => {
    it('an unknown table → 404 PGRST205', async () => {
      const { error, status } = await db.from('no_such_table').select('*');
      expect(status).toBe(404);
      const e = expectPgrstError(error, 'PGRST205');
      expect(e.message).toBe("Could not find the table 'public.no_such_table' in the schema cache");
    });

    it('an unknown column in select, in a filter or in order → 400 42703', async () => {
      const sel = await db.from('books').select('id, nope');
      expect(sel.status).toBe(400);
      expect(expectPgrstError(sel.error, '42703').message).toBe('column books.nope does not exist');
      const filter = await db.from('books').select('id').eq('nope', 1);
      expect(filter.status).toBe(400);
      expectPgrstError(filter.error, '42703');
      const order = await db.from('books').select('id').order('nope');
      expect(order.status).toBe(400);
      expectPgrstError(order.error, '42703');
    });

    it('an unknown column in an embedded resource → 400 42703', async () => {
      const { error, status } = await db.from('books').select('id, authors(nope)');
      expect(status).toBe(400);
      expectPgrstError(error, '42703');
    });

    it('a value of the wrong type → 400 22P02', async () => {
      const { error, status } = await db.from('books').select('id').eq('id', 'one');
      expect(status).toBe(400);
      expectPgrstError(error, '22P02');
    });

    it('an unknown operator → 400 PGRST100', async () => {
      const raw = await restFetch(t, '/books?id=nope.1');
      expect(raw.status).toBe(400);
      expectPgrstError(await raw.json(), 'PGRST100');
    });

    it('a schema that is not exposed → 406 PGRST106', async () => {
      const raw = await restFetch(t, '/users', { headers: { 'Accept-Profile': 'auth' } });
      expect(raw.status).toBe(406);
      const e = expectPgrstError(await raw.json(), 'PGRST106');
      expect(e.message).toBe('Invalid schema: auth');
    });
  });

  describe('response headers', () => {
    it('JSON with charset, and Server-Timing with PostgREST phases', async () => {
      const raw = await restFetch(t, '/books?select=id&id=eq.1');
      expect(raw.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const timing = raw.headers.get('server-timing') ?? '';
      for (const phase of ['jwt', 'parse', 'plan', 'transaction', 'response']) {
        expect(timing).toMatch(new RegExp(`(^|, ?)${phase};dur=\\d+(\\.\\d+)?`));
      }
    });
  });
});
