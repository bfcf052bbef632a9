// REST rpc as PostgREST 12/13 answers it, through the real supabase-js: scalar, set-returning
// and table-returning functions by POST and GET, default arguments, filters/order/embedding on
// function results, read-only GET, custom PTxyz statuses, RAISE → 400, unknown functions.
import { describe, expect, it } from 'vitest';
import { anonClient, serviceClient, targets } from './support/clients';
import { expectPgrstError, restFetch, unique, userToken, USER_A } from './support/rest';

type Row = Record<string, unknown>;
const ids = (rows: Row[] | null): unknown[] => (rows ?? []).map((r) => r.id);

describe.each(targets())('REST rpc on $engine', (t) => {
  const db = anonClient(t);

  describe('scalar functions', () => {
    it('POST with named arguments', async () => {
      const { data, error, status } = await db.rpc('add', { a: 2, b: 3 });
      expect(error).toBeNull();
      expect(status).toBe(200);
      expect(data).toBe(5);
    });

    it('GET with arguments in the query string', async () => {
      const { data, error } = await db.rpc('add', { a: 40, b: 2 }, { get: true });
      expect(error).toBeNull();
      expect(data).toBe(42);
    });

    it('default arguments may be omitted, by POST and GET', async () => {
      expect((await db.rpc('greet')).data).toBe('hello world!');
      expect((await db.rpc('greet', { name: 'Ada' })).data).toBe('hello Ada!');
      expect((await db.rpc('greet', { punctuation: '?' }, { get: true })).data).toBe(
        'hello world?',
      );
    });

    it('an argument of the wrong type → 400 22P02', async () => {
      const { error, status } = await db.rpc('add', { a: 'two', b: 3 });
      expect(status).toBe(400);
      expectPgrstError(error, '22P02');
    });
  });

  describe('set-returning functions', () => {
    it('return rows of the table type', async () => {
      const { data, error } = await db.rpc('books_by_genre', { g: 'poetry' });
      expect(error).toBeNull();
      expect(ids(data as Row[])).toEqual([6, 7]);
      expect((data as Row[])[0]).toMatchObject({
        title: 'View with a Grain of Sand',
        genre: 'poetry',
      });
    });

    it('take select, filters and order on their results', async () => {
      const { data, error } = await db
        .rpc('books_by_genre', { g: 'fiction' })
        .select('id, title')
        .gt('pages', 200)
        .order('pages', { ascending: false });
      expect(error).toBeNull();
      expect(data).toEqual([
        { id: 3, title: 'The Dispossessed' },
        { id: 2, title: 'The Left Hand of Darkness' },
        { id: 5, title: "If on a winter's night a traveler" },
      ]);
    });

    it('embed related tables on their results', async () => {
      const { data, error } = await db
        .rpc('books_by_genre', { g: 'history' })
        .select('id, authors(name)');
      expect(error).toBeNull();
      expect(data).toEqual([{ id: 8, authors: { name: 'Mary Beard' } }]);
    });

    it('by GET, with filters', async () => {
      const { data, error } = await db
        .rpc('search_books', { q: 'the' }, { get: true })
        .select('id')
        .order('id');
      expect(error).toBeNull();
      expect(ids(data as Row[])).toEqual([2, 3]);
    });

    it('count, range and head', async () => {
      const page = await db
        .rpc('books_by_genre', { g: 'fiction' }, { count: 'exact' })
        .order('id')
        .range(0, 1);
      expect(ids(page.data as Row[])).toEqual([1, 2]);
      expect(page.count).toBe(5);
      const head = await db.rpc('books_by_genre', { g: 'fiction' }, { head: true, count: 'exact' });
      expect(head.error).toBeNull();
      expect(head.data).toBeNull();
      expect(head.count).toBe(5);
    });

    it('single() on a one-row result', async () => {
      const { data, error } = await db
        .rpc('books_by_genre', { g: 'history' })
        .select('id, title')
        .single();
      expect(error).toBeNull();
      expect(data).toEqual({ id: 8, title: 'SPQR' });
    });
  });

  describe('table-returning functions (RETURNS TABLE)', () => {
    it('return their named columns', async () => {
      const { data, error } = await db.rpc('author_stats', { min_books: 2 });
      expect(error).toBeNull();
      expect(data).toEqual([
        { author_id: 1, author_name: 'Ursula K. Le Guin', book_count: 3, total_pages: 874 },
        { author_id: 2, author_name: 'Italo Calvino', book_count: 2, total_pages: 425 },
        { author_id: 3, author_name: 'Wisława Szymborska', book_count: 2, total_pages: 679 },
        { author_id: 4, author_name: 'Mary Beard', book_count: 2, total_pages: 736 },
      ]);
    });

    it('use the default argument, and take filters on the output columns', async () => {
      const all = await db.rpc('author_stats');
      expect(all.data).toHaveLength(5);
      const { data } = await db.rpc('author_stats', {}, { get: true }).eq('book_count', 0);
      expect(data).toEqual([
        { author_id: 5, author_name: 'Anonymous', book_count: 0, total_pages: 0 },
      ]);
    });
  });

  describe('volatile functions', () => {
    it('write when called by POST, returning a single composite as an object', async () => {
      const title = unique('rpc manuscript');
      const { data, error } = await db.rpc('create_manuscript', { p_author_id: 2, p_title: title });
      expect(error).toBeNull();
      expect(data).toMatchObject({ author_id: 2, title, word_count: 0 });
      const check = await serviceClient(t).from('manuscripts').select('title').eq('title', title);
      expect(check.data).toEqual([{ title }]);
    });

    it('are refused by GET, which runs read-only (405, 25006), and write nothing', async () => {
      const title = unique('rpc via get');
      const { error, status } = await db.rpc(
        'create_manuscript',
        { p_author_id: 2, p_title: title },
        { get: true },
      );
      expect(status).toBe(405);
      expectPgrstError(error, '25006');
      const check = await serviceClient(t).from('manuscripts').select('title').eq('title', title);
      expect(check.data).toEqual([]);
    });
  });

  describe('errors raised by functions', () => {
    it("RAISE with SQLSTATE 'PT409' → HTTP 409 with the message, detail and hint", async () => {
      const { error, status } = await db.rpc('lock_manuscript', { p_title: 'Earthsea' });
      expect(status).toBe(409);
      expect(error).toEqual({
        code: 'PT409',
        message: 'manuscript is locked: Earthsea',
        details: 'an editor holds the lock',
        hint: 'try again later',
      });
    });

    it('a plain RAISE EXCEPTION (P0001) → 400', async () => {
      const { error, status } = await db.rpc('reject_manuscript', { reason: 'too short' });
      expect(status).toBe(400);
      expect(error).toEqual({
        code: 'P0001',
        message: 'manuscript rejected: too short',
        details: null,
        hint: null,
      });
    });
  });

  describe('lookup errors', () => {
    it('an unknown function → 404 PGRST202', async () => {
      const { error, status } = await db.rpc('no_such_function');
      expect(status).toBe(404);
      const e = expectPgrstError(error, 'PGRST202');
      expect(e.message).toBe(
        'Could not find the function public.no_such_function without parameters in the schema cache',
      );
    });

    it('unknown argument names → 404 PGRST202 naming the arguments', async () => {
      const { error, status } = await db.rpc('add', { a: 1, c: 2 });
      expect(status).toBe(404);
      const e = expectPgrstError(error, 'PGRST202');
      expect(e.message).toBe('Could not find the function public.add(a, c) in the schema cache');
    });

    it('methods other than GET/POST → 405 PGRST101', async () => {
      const res = await restFetch(t, '/rpc/add', {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: '{"a":1,"b":2}',
      });
      expect(res.status).toBe(405);
      expect(expectPgrstError(await res.json(), 'PGRST101').message).toBe(
        'Cannot use the PATCH method on RPC',
      );
    });
  });

  describe('privileges', () => {
    it('fixture_checksum() is refused to anon (401) and authenticated (403), served to service_role', async () => {
      const anon = await db.rpc('fixture_checksum');
      expect(anon.status).toBe(401);
      expectPgrstError(anon.error, '42501');
      const user = await anonClient(t, userToken(t, USER_A)).rpc('fixture_checksum');
      expect(user.status).toBe(403);
      expectPgrstError(user.error, '42501');
      const service = await serviceClient(t).rpc('fixture_checksum');
      expect(service.error).toBeNull();
      expect(service.data).toMatch(/^[0-9a-f]{32}$/);
    });
  });
});
