// The schema cache read from a real catalog (PGlite in memory): keys, relationships both ways,
// one-to-one, many-to-many through a junction, views traced to their base tables, computed
// fields and relationships, and function shapes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../db/pglite';
import type { Database } from '../db/database';
import { loadSchemaCache, type Relationship, type SchemaCache } from './schema-cache';

let db: Database;
let cache: SchemaCache;

beforeAll(async () => {
  db = await openPglite('memory');
  await db.exec(`
    create role authenticator noinherit nologin;
    create role anon nologin;
    grant anon to authenticator;
    create table public.teams (id int primary key, name text not null unique);
    create table public.players (
      id int primary key,
      team_id int references public.teams (id),
      captain_of int unique references public.teams (id),
      nick text default 'x'
    );
    create table public.badges (id int primary key);
    create table public.player_badges (
      player_id int references public.players (id),
      badge_id int references public.badges (id),
      primary key (player_id, badge_id)
    );
    create view public.roster as
      select p.id as player, p.team_id, t.name as team_name from public.players p join public.teams t on t.id = p.team_id;
    create function public.shout(p public.players) returns text language sql as $$ select upper(p.nick) $$;
    create function public.home(p public.players) returns setof public.teams language sql rows 1
      as $$ select * from public.teams where id = p.team_id $$;
    create function public.pair(a int, b int default 2, out x int, out y int) language sql as $$ select a, b $$;
    create function public.bump() returns void language sql as $$ select $$;
  `);
  cache = await loadSchemaCache(db, ['public']);
}, 60_000);

afterAll(async () => {
  await db.close();
});

const rels = (table: string, target: string): Relationship[] =>
  (cache.relationships.get('public.' + table) ?? []).filter((r) => r.foreignTable.name === target);

describe('schema cache', () => {
  it('reads columns, primary keys and unique constraints', () => {
    const players = cache.tables.get('public.players');
    expect(players?.columnOrder).toEqual(['id', 'team_id', 'captain_of', 'nick']);
    expect(players?.primaryKey).toEqual(['id']);
    expect(players?.uniques).toContainEqual(['captain_of']);
    expect(players?.columns.get('nick')?.hasDefault).toBe(true);
  });

  it('sees each foreign key from both ends, one-to-one when the key is unique', () => {
    const toTeams = rels('players', 'teams').filter((r) => !r.computed);
    expect(toTeams.map((r) => [r.constraint, r.cardinality]).sort()).toEqual([
      ['players_captain_of_fkey', 'one-to-one'],
      ['players_team_id_fkey', 'many-to-one'],
    ]);
    expect(
      rels('teams', 'players')
        .map((r) => r.cardinality)
        .sort(),
    ).toEqual(['one-to-many', 'one-to-one']);
  });

  it('finds many-to-many through a junction whose key holds both foreign keys', () => {
    const [m2m] = rels('players', 'badges');
    expect(m2m?.cardinality).toBe('many-to-many');
    expect(m2m?.junction).toMatchObject({
      table: { name: 'player_badges' },
      sourceColumns: ['player_id'],
      targetColumns: ['badge_id'],
    });
  });

  it('traces a view column back to its base table to inherit a foreign key', () => {
    const [viaView] = rels('roster', 'teams');
    expect(viaView).toMatchObject({
      columns: ['team_id'],
      foreignColumns: ['id'],
      cardinality: 'many-to-one',
    });
    // `player` shows players.id, so the view also embeds what references players.
    expect(rels('roster', 'player_badges')[0]).toMatchObject({ columns: ['player'] });
  });

  it('reads computed fields and computed relationships (ROWS 1 → to-one)', () => {
    expect(cache.tables.get('public.players')?.computed.get('shout')).toMatchObject({
      type: 'text',
    });
    const home = rels('players', 'teams').find((r) => r.computed);
    expect(home).toMatchObject({ computed: { name: 'home' }, cardinality: 'many-to-one' });
  });

  it('reads function parameters, defaults and return shapes', () => {
    const [pair] = cache.routines.get('public.pair') ?? [];
    expect(pair?.params).toEqual([
      { name: 'a', type: 'integer', hasDefault: false },
      { name: 'b', type: 'integer', hasDefault: true },
    ]);
    expect(pair?.returns).toEqual({ kind: 'composite', relation: null, columns: ['x', 'y'] });
    expect(cache.routines.get('public.bump')?.[0]?.returns).toEqual({ kind: 'void' });
    expect(cache.roles.has('anon')).toBe(true);
  });
});
