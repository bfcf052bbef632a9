// REST writes as PostgREST 12/13 answers them, through the real supabase-js: insert (single,
// bulk, missing=default), update, delete and upsert (on_conflict, ignore-duplicates), each with
// and without a returned representation and counts, and constraint errors mapped to HTTP.
// Writes only to the fixture's scratch tables, each test with its own unique titles.
import { describe, expect, it } from 'vitest';
import { anonClient, serviceClient, targets } from './support/clients';
import { expectPgrstError, restFetch, unique } from './support/rest';

type Row = Record<string, unknown>;

describe.each(targets())('REST writes on $engine', (t) => {
  const db = anonClient(t);
  const admin = serviceClient(t);

  /** Reads back through the service role, to check what the database really holds. */
  async function stored(titles: string[]): Promise<Row[]> {
    const { data, error } = await admin
      .from('manuscripts')
      .select('*')
      .in('title', titles)
      .order('title');
    expect(error).toBeNull();
    return data ?? [];
  }

  describe('insert', () => {
    it('without select(): 201, no body, the row is stored with its defaults', async () => {
      const title = unique('plain insert');
      const res = await db.from('manuscripts').insert({ author_id: 1, title });
      expect(res.error).toBeNull();
      expect(res.status).toBe(201);
      expect(res.data).toBeNull();
      const [row] = await stored([title]);
      expect(row).toMatchObject({
        author_id: 1,
        title,
        word_count: 0,
        is_public: false,
        tags: [],
        details: {},
        advance: null,
        genre: null,
        slug: title.toLowerCase().replaceAll(' ', '-'),
      });
      expect(row?.ref).toMatch(/^[0-9a-f-]{36}$/);
      expect(typeof row?.id).toBe('number');
    });

    it('with select(): 201 and the stored row, every type round-tripped', async () => {
      const title = unique('Typed Insert');
      const { data, error, status } = await db
        .from('manuscripts')
        .insert({
          author_id: 2,
          title,
          word_count: 1234,
          advance: 1500.5,
          submitted_on: '2024-05-06',
          is_public: true,
          tags: ['draft', 'with, comma'],
          details: { editor: 'Max', rounds: [1, 2], nested: { ok: true } },
          genre: 'poetry',
          ref: '9b2f3c1e-0d7a-4f5e-8a6b-1c2d3e4f5a6b',
          created_at: '2024-05-06T07:08:09.123Z',
        })
        .select();
      expect(error).toBeNull();
      expect(status).toBe(201);
      expect(data).toHaveLength(1);
      const row = data![0]!;
      expect(row).toMatchObject({
        author_id: 2,
        title,
        word_count: 1234,
        advance: 1500.5,
        submitted_on: '2024-05-06',
        is_public: true,
        tags: ['draft', 'with, comma'],
        details: { editor: 'Max', rounds: [1, 2], nested: { ok: true } },
        genre: 'poetry',
        ref: '9b2f3c1e-0d7a-4f5e-8a6b-1c2d3e4f5a6b',
        slug: title.toLowerCase().replaceAll(' ', '-'),
      });
      expect(new Date(row.created_at as string).toISOString()).toBe('2024-05-06T07:08:09.123Z');
    });

    it('with select(columns) and single(): one object with those columns', async () => {
      const title = unique('single insert');
      const { data, error } = await db
        .from('manuscripts')
        .insert({ author_id: 3, title })
        .select('title, word_count, author:authors(name)')
        .single();
      expect(error).toBeNull();
      expect(data).toEqual({ title, word_count: 0, author: { name: 'Wisława Szymborska' } });
    });

    it('bulk: all rows in one statement, returned in order', async () => {
      const titles = [unique('bulk a'), unique('bulk b'), unique('bulk c')];
      const { data, error, status } = await db
        .from('manuscripts')
        .insert(titles.map((title, i) => ({ author_id: 1, title, word_count: i * 10 })))
        .select('title, word_count');
      expect(error).toBeNull();
      expect(status).toBe(201);
      expect(data).toEqual(titles.map((title, i) => ({ title, word_count: i * 10 })));
    });

    it('bulk with count=exact and no body: the count of inserted rows', async () => {
      const titles = [unique('counted a'), unique('counted b')];
      const { data, count, status } = await db.from('manuscripts').insert(
        titles.map((title) => ({ author_id: 4, title })),
        { count: 'exact' },
      );
      expect(status).toBe(201);
      expect(data).toBeNull();
      expect(count).toBe(2);
      expect(await stored(titles)).toHaveLength(2);
    });

    it('bulk with a key missing from some rows: null by default (so NOT NULL fails)…', async () => {
      const titles = [unique('missing null a'), unique('missing null b')];
      const { error, status } = await db.from('manuscripts').insert([
        { author_id: 1, title: titles[0], word_count: 7 },
        { author_id: 1, title: titles[1] },
      ]);
      expect(status).toBe(400);
      const e = expectPgrstError(error, '23502');
      expect(e.message).toContain('"word_count"');
      // The whole statement failed: neither row was stored.
      expect(await stored(titles)).toEqual([]);
    });

    it('…and the column default with defaultToNull: false (Prefer: missing=default)', async () => {
      const titles = [unique('missing default a'), unique('missing default b')];
      const { data, error } = await db
        .from('manuscripts')
        .insert(
          [
            { author_id: 1, title: titles[0], word_count: 7 },
            { author_id: 1, title: titles[1] },
          ],
          {
            defaultToNull: false,
          },
        )
        .select('title, word_count, is_public');
      expect(error).toBeNull();
      expect(data).toEqual([
        { title: titles[0], word_count: 7, is_public: false },
        { title: titles[1], word_count: 0, is_public: false },
      ]);
    });

    it('the columns parameter limits which keys are read from the body', async () => {
      const title = unique('columns param');
      const res = await restFetch(
        t,
        '/manuscripts?columns=author_id,title&select=title,word_count',
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Prefer: 'return=representation' },
          body: JSON.stringify([{ author_id: 1, title, word_count: 99, ignored_key: 'x' }]),
        },
      );
      expect(res.status).toBe(201);
      expect(await res.json()).toEqual([{ title, word_count: 0 }]);
    });

    it('an empty array inserts nothing', async () => {
      const { data, error } = await db.from('manuscripts').insert([]).select();
      expect(error).toBeNull();
      expect(data).toEqual([]);
    });
  });

  describe('update', () => {
    it('without select(): 204 and the row changed', async () => {
      const title = unique('update me');
      await db.from('manuscripts').insert({ author_id: 1, title });
      const res = await db
        .from('manuscripts')
        .update({ word_count: 42, tags: ['edited'] })
        .eq('title', title);
      expect(res.error).toBeNull();
      expect(res.status).toBe(204);
      expect(res.data).toBeNull();
      expect((await stored([title]))[0]).toMatchObject({ word_count: 42, tags: ['edited'] });
    });

    it('with select(): 200 and the updated rows; only the filtered rows change', async () => {
      const a = unique('update a');
      const b = unique('update b');
      await db.from('manuscripts').insert([
        { author_id: 2, title: a },
        { author_id: 2, title: b },
      ]);
      const { data, error, status } = await db
        .from('manuscripts')
        .update({ is_public: true, details: { state: 'sent' } })
        .eq('title', a)
        .select('title, is_public, details');
      expect(error).toBeNull();
      expect(status).toBe(200);
      expect(data).toEqual([{ title: a, is_public: true, details: { state: 'sent' } }]);
      expect((await stored([b]))[0]?.is_public).toBe(false);
    });

    it('with count=exact: how many rows changed', async () => {
      const tag = unique('count-update');
      await db.from('manuscripts').insert([
        { author_id: 3, title: tag + ' 1', tags: [tag] },
        { author_id: 3, title: tag + ' 2', tags: [tag] },
      ]);
      const { count, status } = await db
        .from('manuscripts')
        .update({ word_count: 5 }, { count: 'exact' })
        .contains('tags', [tag]);
      expect(status).toBe(204);
      expect(count).toBe(2);
    });

    it('no matching row: 200 with [] when a representation is asked for', async () => {
      const { data, error } = await db
        .from('manuscripts')
        .update({ word_count: 1 })
        .eq('title', unique('nobody has this title'))
        .select();
      expect(error).toBeNull();
      expect(data).toEqual([]);
    });

    it('a generated column cannot be written (428C9, 400)', async () => {
      const title = unique('generated');
      await db.from('manuscripts').insert({ author_id: 1, title });
      const { error, status } = await db
        .from('manuscripts')
        .update({ slug: 'hacked' })
        .eq('title', title);
      expect(status).toBe(400);
      expectPgrstError(error, '428C9');
    });

    it('an unknown column → 400 PGRST204', async () => {
      const { error, status } = await db.from('manuscripts').update({ nope: 1 }).eq('id', 1);
      expect(status).toBe(400);
      const e = expectPgrstError(error, 'PGRST204');
      expect(e.message).toBe(
        "Could not find the 'nope' column of 'manuscripts' in the schema cache",
      );
    });
  });

  describe('delete', () => {
    it('without select(): 204 and the row is gone', async () => {
      const title = unique('delete me');
      await db.from('manuscripts').insert({ author_id: 1, title });
      const res = await db.from('manuscripts').delete().eq('title', title);
      expect(res.error).toBeNull();
      expect(res.status).toBe(204);
      expect(await stored([title])).toEqual([]);
    });

    it('with select(): 200 and the deleted rows; with count=exact, the count', async () => {
      const titles = [unique('delete a'), unique('delete b'), unique('keep c')];
      await db.from('manuscripts').insert(titles.map((title) => ({ author_id: 4, title })));
      const { data, count, error, status } = await db
        .from('manuscripts')
        .delete({ count: 'exact' })
        .in('title', titles.slice(0, 2))
        .select('title');
      expect(error).toBeNull();
      expect(status).toBe(200);
      expect(count).toBe(2);
      expect((data ?? []).map((r: Row) => r.title).sort()).toEqual(titles.slice(0, 2).sort());
      expect((await stored(titles)).map((r) => r.title)).toEqual([titles[2]]);
    });

    it('cascades along ON DELETE CASCADE', async () => {
      const title = unique('cascade');
      const { data: m } = await db
        .from('manuscripts')
        .insert({ author_id: 1, title })
        .select('id')
        .single();
      await db.from('chapters').insert({ manuscript_id: m!.id, position: 1, heading: 'One' });
      await db.from('manuscripts').delete().eq('id', m!.id);
      const { data } = await admin.from('chapters').select('id').eq('manuscript_id', m!.id);
      expect(data).toEqual([]);
    });
  });

  describe('upsert', () => {
    it('on_conflict on a composite unique key: 201 when inserting, 200 when only updating', async () => {
      const title = unique('upsert composite');
      const first = await db
        .from('manuscripts')
        .upsert({ author_id: 2, title, word_count: 1 }, { onConflict: 'author_id,title' })
        .select('id, word_count');
      expect(first.error).toBeNull();
      expect(first.status).toBe(201);
      const second = await db
        .from('manuscripts')
        .upsert({ author_id: 2, title, word_count: 2 }, { onConflict: 'author_id,title' })
        .select('id, word_count');
      expect(second.error).toBeNull();
      expect(second.status).toBe(200);
      expect(second.data).toEqual([{ id: first.data![0]!.id, word_count: 2 }]);
      expect(await stored([title])).toHaveLength(1);
    });

    it('by primary key when no on_conflict is given', async () => {
      const title = unique('upsert pk');
      const { data: m } = await db
        .from('manuscripts')
        .insert({ author_id: 1, title })
        .select('id')
        .single();
      const { data, error } = await db
        .from('manuscripts')
        .upsert({ id: m!.id, author_id: 1, title, word_count: 77 })
        .select('id, word_count');
      expect(error).toBeNull();
      expect(data).toEqual([{ id: m!.id, word_count: 77 }]);
    });

    it('bulk, mixing new and existing rows', async () => {
      const existing = unique('upsert bulk old');
      const fresh = unique('upsert bulk new');
      await db.from('manuscripts').insert({ author_id: 3, title: existing, word_count: 1 });
      const { data, error, status } = await db
        .from('manuscripts')
        .upsert(
          [
            { author_id: 3, title: existing, word_count: 10 },
            { author_id: 3, title: fresh, word_count: 20 },
          ],
          { onConflict: 'author_id,title' },
        )
        .select('title, word_count');
      expect(error).toBeNull();
      expect(status).toBe(201);
      expect(data).toEqual([
        { title: existing, word_count: 10 },
        { title: fresh, word_count: 20 },
      ]);
    });

    it('ignoreDuplicates leaves the existing row alone and returns only new rows', async () => {
      const existing = unique('ignore old');
      const fresh = unique('ignore new');
      await db.from('manuscripts').insert({ author_id: 4, title: existing, word_count: 5 });
      const { data, error } = await db
        .from('manuscripts')
        .upsert(
          [
            { author_id: 4, title: existing, word_count: 500 },
            { author_id: 4, title: fresh, word_count: 6 },
          ],
          { onConflict: 'author_id,title', ignoreDuplicates: true },
        )
        .select('title, word_count');
      expect(error).toBeNull();
      expect(data).toEqual([{ title: fresh, word_count: 6 }]);
      expect((await stored([existing]))[0]?.word_count).toBe(5);
    });

    it('upsert with missing=default keeps defaults for absent keys on insert', async () => {
      const titles = [unique('upsert default a'), unique('upsert default b')];
      const { data, error } = await db
        .from('manuscripts')
        .upsert(
          [
            { author_id: 1, title: titles[0], word_count: 3 },
            { author_id: 1, title: titles[1] },
          ],
          {
            onConflict: 'author_id,title',
            defaultToNull: false,
          },
        )
        .select('title, word_count');
      expect(error).toBeNull();
      expect(data).toEqual([
        { title: titles[0], word_count: 3 },
        { title: titles[1], word_count: 0 },
      ]);
    });

    it('on_conflict naming columns without a unique constraint → 400 (42P10)', async () => {
      const { error, status } = await db
        .from('manuscripts')
        .upsert({ author_id: 1, title: unique('bad conflict') }, { onConflict: 'word_count' });
      expect(status).toBe(400);
      expectPgrstError(error, '42P10');
    });
  });

  describe('constraint errors mapped to HTTP', () => {
    it('unique violation → 409 23505 with the key in details', async () => {
      const title = unique('duplicate');
      await db.from('manuscripts').insert({ author_id: 1, title });
      const { error, status } = await db.from('manuscripts').insert({ author_id: 1, title });
      expect(status).toBe(409);
      const e = expectPgrstError(error, '23505');
      expect(e.message).toBe(
        'duplicate key value violates unique constraint "manuscripts_author_title_key"',
      );
      expect(e.details).toBe(`Key (author_id, title)=(1, ${title}) already exists.`);
    });

    it('foreign key violation → 409 23503', async () => {
      const { error, status } = await db
        .from('chapters')
        .insert({ manuscript_id: 987654321, position: 1, heading: 'x' });
      expect(status).toBe(409);
      const e = expectPgrstError(error, '23503');
      expect(e.message).toContain('chapters_manuscript_id_fkey');
    });

    it('not-null violation → 400 23502', async () => {
      const { error, status } = await db.from('manuscripts').insert({ author_id: 1 });
      expect(status).toBe(400);
      const e = expectPgrstError(error, '23502');
      expect(e.message).toBe(
        'null value in column "title" of relation "manuscripts" violates not-null constraint',
      );
    });

    it('check violation → 400 23514', async () => {
      const { error, status } = await db
        .from('manuscripts')
        .insert({ author_id: 1, title: unique('negative'), word_count: -1 });
      expect(status).toBe(400);
      expectPgrstError(error, '23514');
    });

    it('a bad enum value or number → 400 22P02', async () => {
      const badEnum = await db
        .from('manuscripts')
        .insert({ author_id: 1, title: unique('enum'), genre: 'opera' });
      expect(badEnum.status).toBe(400);
      expectPgrstError(badEnum.error, '22P02');
      const badInt = await db
        .from('manuscripts')
        .insert({ author_id: 1, title: unique('int'), word_count: 'lots' });
      expect(badInt.status).toBe(400);
      expectPgrstError(badInt.error, '22P02');
    });

    it('an unknown column in the body → 400 PGRST204', async () => {
      const { error, status } = await db
        .from('manuscripts')
        .insert({ author_id: 1, title: unique('x'), nope: 1 });
      expect(status).toBe(400);
      const e = expectPgrstError(error, 'PGRST204');
      expect(e.message).toBe(
        "Could not find the 'nope' column of 'manuscripts' in the schema cache",
      );
    });

    it('a failed bulk insert stores nothing (one transaction)', async () => {
      const dup = unique('bulk dup');
      const fresh = unique('bulk fresh');
      await db.from('manuscripts').insert({ author_id: 2, title: dup });
      const { status } = await db.from('manuscripts').insert([
        { author_id: 2, title: fresh },
        { author_id: 2, title: dup },
      ]);
      expect(status).toBe(409);
      expect(await stored([fresh])).toEqual([]);
    });
  });
});
