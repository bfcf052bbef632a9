// The rest of what supabase-js sends to PostgREST 12/13 that Supabase apps rely on: views
// (with embedding through their columns), computed fields, spreads, the legacy embedded
// count, csv(), stripNulls(), maxAffected(), singular mutations that roll back, array
// arguments, and the per-request settings (request.method/path/headers/jwt.claims, role).
import { describe, expect, it } from 'vitest';
import { anonClient, serviceClient, targets } from './support/clients';
import { expectPgrstError, restFetch, unique, userToken, USER_A } from './support/rest';

type Row = Record<string, unknown>;

/**
 * postgrest-js types maxAffected() only on clients declared for PostgREST 13+ (a typed
 * Database); the spec clients are untyped, so the call is typed here. It is the real method.
 */
type MaxAffected = {
  maxAffected(rows: number): PromiseLike<{ error: unknown; status: number }>;
};

describe.each(targets())('REST features on $engine', (t) => {
  const db = anonClient(t);
  const admin = serviceClient(t);

  describe('views', () => {
    it('read, filter and order like a table', async () => {
      const { data, error } = await db
        .from('book_cards')
        .select('id, title, author_name')
        .eq('genre', 'poetry')
        .order('id');
      expect(error).toBeNull();
      expect(data).toEqual([
        { id: 6, title: 'View with a Grain of Sand', author_name: 'Wisława Szymborska' },
        { id: 7, title: 'Map: Collected and Last Poems', author_name: 'Wisława Szymborska' },
      ]);
    });

    it("embed through the view's columns (relationship inferred from the base table's FK)", async () => {
      const { data, error } = await db
        .from('book_cards')
        .select('id, authors(country)')
        .eq('id', 8)
        .single();
      expect(error).toBeNull();
      expect(data).toEqual({ id: 8, authors: { country: 'GB' } });
    });
  });

  describe('many-to-many through a junction table', () => {
    it('embeds both ways without naming the junction', async () => {
      const books = await db
        .from('books')
        .select('id, shelves(name)')
        .in('id', [1, 9])
        .order('id')
        .order('id', { referencedTable: 'shelves' });
      expect(books.error).toBeNull();
      expect(books.data).toEqual([
        { id: 1, shelves: [{ name: 'favourites' }, { name: 'to read' }] },
        { id: 9, shelves: [] },
      ]);
      const shelves = await db
        .from('shelves')
        .select('name, books(id)')
        .order('id')
        .order('id', { referencedTable: 'books' });
      expect(shelves.data).toEqual([
        { name: 'favourites', books: [{ id: 1 }, { id: 4 }] },
        { name: 'to read', books: [{ id: 1 }, { id: 8 }] },
        { name: 'empty', books: [] },
      ]);
    });

    it('!inner through the junction keeps only linked rows', async () => {
      const { data } = await db
        .from('books')
        .select('id, shelves!inner(id)')
        .eq('shelves.name', 'favourites')
        .order('id');
      expect((data ?? []).map((r: Row) => r.id)).toEqual([1, 4]);
    });
  });

  describe('computed relationships and privileges', () => {
    it('a ROWS 1 function of the row type embeds as an object, or null', async () => {
      const { data, error } = await db
        .from('books')
        .select('id, best_review(reviewer, rating)')
        .in('id', [3, 8])
        .order('id');
      expect(error).toBeNull();
      expect(data).toEqual([
        { id: 3, best_review: null },
        { id: 8, best_review: { reviewer: 'cy', rating: 5 } },
      ]);
    });

    it('a table without privileges for anon → 401 42501; a signed-in user reads it', async () => {
      const refused = await db.from('staff_memos').select('body');
      expect(refused.status).toBe(401);
      expect(expectPgrstError(refused.error, '42501').message).toBe(
        'permission denied for table staff_memos',
      );
      const allowed = await anonClient(t, userToken(t, USER_A)).from('staff_memos').select('body');
      expect(allowed.error).toBeNull();
      expect(allowed.data).toEqual([{ body: 'inventory on friday' }]);
    });
  });

  describe('select features', () => {
    it('a computed field is selectable and filterable', async () => {
      const { data, error } = await db
        .from('books')
        .select('id, display_title')
        .in('id', [1, 7])
        .order('id');
      expect(error).toBeNull();
      expect(data).toEqual([
        { id: 1, display_title: 'A Wizard of Earthsea (1968)' },
        { id: 7, display_title: 'Map: Collected and Last Poems (n.d.)' },
      ]);
      const filtered = await db.from('books').select('id').eq('display_title', 'SPQR (2015)');
      expect(filtered.data).toEqual([{ id: 8 }]);
    });

    it('a to-one spread lifts the embedded columns into the row', async () => {
      const { data, error } = await db
        .from('books')
        .select('id, ...authors(author:name, country)')
        .eq('id', 4)
        .single();
      expect(error).toBeNull();
      expect(data).toEqual({ id: 4, author: 'Italo Calvino', country: 'IT' });
    });

    it('the legacy embedded count: books(count)', async () => {
      const { data, error } = await db
        .from('authors')
        .select('id, books(count)')
        .in('id', [1, 5])
        .order('id');
      expect(error).toBeNull();
      expect(data).toEqual([
        { id: 1, books: [{ count: 3 }] },
        { id: 5, books: [{ count: 0 }] },
      ]);
    });

    it('stripNulls() leaves out null fields', async () => {
      const { data, error } = await db
        .from('books')
        .select('id, price, metadata, genre')
        .eq('id', 5)
        .stripNulls();
      expect(error).toBeNull();
      expect(data).toEqual([{ id: 5, genre: 'fiction' }]);
    });

    it('csv() answers text/csv: a header line, then each row as Postgres prints a record', async () => {
      // PostgREST builds the body from each row's record text (the inside of `(…)`), so values
      // with spaces, commas or quotes are double-quoted and nulls are empty.
      const { data, error } = await db
        .from('books')
        .select('id, title, price')
        .in('id', [5, 8])
        .order('id')
        .csv();
      expect(error).toBeNull();
      expect(data).toBe(`id,title,price\n5,"If on a winter's night a traveler",\n8,SPQR,18.75`);
      const raw = await restFetch(t, '/books?select=id,title&id=eq.9', {
        headers: { Accept: 'text/csv' },
      });
      expect(raw.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(await raw.text()).toBe('id,title\n9,"Women & Power"');
    });
  });

  describe('guarded mutations', () => {
    async function twoManuscripts(prefix: string): Promise<string[]> {
      const titles = [unique(prefix + ' a'), unique(prefix + ' b')];
      const { error } = await db
        .from('manuscripts')
        .insert(titles.map((title) => ({ author_id: 1, title })));
      expect(error).toBeNull();
      return titles;
    }

    it('single() on an update that touches two rows → 406 PGRST116, and nothing changes', async () => {
      const titles = await twoManuscripts('single update');
      const { error, status } = await db
        .from('manuscripts')
        .update({ word_count: 999 })
        .in('title', titles)
        .select()
        .single();
      expect(status).toBe(406);
      expect(expectPgrstError(error, 'PGRST116').details).toBe('The result contains 2 rows');
      const { data } = await admin.from('manuscripts').select('word_count').in('title', titles);
      expect((data ?? []).map((r: Row) => r.word_count)).toEqual([0, 0]);
    });

    it('single() on a bulk insert → 406, and nothing is inserted', async () => {
      const titles = [unique('single insert a'), unique('single insert b')];
      const { status } = await db
        .from('manuscripts')
        .insert(titles.map((title) => ({ author_id: 2, title })))
        .select()
        .single();
      expect(status).toBe(406);
      expect((await admin.from('manuscripts').select('id').in('title', titles)).data).toEqual([]);
    });

    it('maxAffected(1) on a two-row update → 400 PGRST124, and nothing changes', async () => {
      const titles = await twoManuscripts('max affected');
      const update = db.from('manuscripts').update({ word_count: 5 }).in('title', titles);
      const { error, status } = await (update as unknown as MaxAffected).maxAffected(1);
      expect(status).toBe(400);
      const e = expectPgrstError(error, 'PGRST124');
      expect(e.details).toBe('The query affects 2 rows');
      const { data } = await admin.from('manuscripts').select('word_count').in('title', titles);
      expect((data ?? []).map((r: Row) => r.word_count)).toEqual([0, 0]);
    });

    it('maxAffected(2) lets a two-row delete through', async () => {
      const titles = await twoManuscripts('max affected ok');
      const remove = db.from('manuscripts').delete().in('title', titles);
      const { error, status } = await (remove as unknown as MaxAffected).maxAffected(2);
      expect(error).toBeNull();
      expect(status).toBe(204);
      expect((await admin.from('manuscripts').select('id').in('title', titles)).data).toEqual([]);
    });
  });

  describe('rpc arguments', () => {
    it('array arguments by POST (JSON array) and by GET (Postgres array literal)', async () => {
      expect((await db.rpc('sum_array', { xs: [1, 2, 3] })).data).toBe(6);
      expect((await db.rpc('sum_array', { xs: [10, 20] }, { get: true })).data).toBe(30);
    });
  });

  describe('request settings in the transaction', () => {
    it('request.method, request.path, request.headers and the role, for anon', async () => {
      const res = await restFetch(t, '/rpc/request_info', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Loupe-Test': 'hello' },
        body: '{}',
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        method: 'POST',
        path: '/rpc/request_info',
        test_header: 'hello',
        sub: null,
        role: 'anon',
      });
    });

    it('request.jwt.claims and the role, for a signed-in user over GET', async () => {
      const { data, error } = await anonClient(t, userToken(t, USER_A)).rpc(
        'request_info',
        {},
        { get: true },
      );
      expect(error).toBeNull();
      expect(data).toMatchObject({
        method: 'GET',
        path: '/rpc/request_info',
        sub: USER_A.id,
        role: 'authenticated',
      });
    });
  });
});
