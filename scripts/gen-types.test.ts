// The database type generator describes tables, views, enums, relationships and functions the
// way `supabase gen types typescript` does, so supabase-js infers the right row types.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { startStack, type Stack } from '../local-supabase/server';
import { introspect } from './gen-types';

const fixture = fileURLToPath(new URL('./fixtures/gen-types/', import.meta.url));
let stack: Stack;
let types: string;

beforeAll(async () => {
  stack = await startStack({
    port: 0,
    data: 'memory',
    projectDir: fileURLToPath(new URL('../supabase/', import.meta.url)),
    migrationsDir: `${fixture}migrations`,
    seedFile: null,
    log: () => undefined,
  });
  types = await introspect(stack.db);
}, 120_000);
afterAll(async () => {
  await stack?.close();
});

/** The text of one `name: { ... }` block at the given nesting, for focused assertions. */
function block(name: string): string {
  const start = types.indexOf(`      ${name}: {`);
  expect(start, `${name} is described`).toBeGreaterThan(-1);
  const end = types.indexOf('\n      };', start);
  return types.slice(start, end);
}

describe('gen-types', () => {
  it('types rows, inserts and updates from column types, nullability and defaults', () => {
    const pieces = block('pieces');
    expect(pieces).toContain('name: string;');
    expect(pieces).toContain("gem: Database['public']['Enums']['gem'] | null;");
    expect(pieces).toContain('tags: string[];');
    expect(pieces).toContain('specs: Json | null;');
    expect(pieces).toContain('carats: number;');
    // Identity "generated always" cannot be written; defaulted columns are optional.
    expect(pieces).toMatch(/Insert: \{\n\s+id\?: never;\n\s+name: string;/);
    expect(pieces).toContain('carats?: number;');
  });

  it('describes foreign keys, one-to-one when the column is unique', () => {
    const notes = block('notes');
    expect(notes).toContain("foreignKeyName: 'notes_piece_id_fkey';");
    expect(notes).toContain('isOneToOne: true;');
    expect(notes).toContain("referencedRelation: 'pieces';");
  });

  it('gives Insert/Update only to views Postgres can write through', () => {
    expect(block('piece_names')).toContain('Insert: {');
    expect(block('piece_notes')).not.toContain('Insert: {');
  });

  it('types functions: arguments with defaults, RETURNS TABLE rows, scalars', () => {
    const fn = block('pieces_with');
    expect(fn).toContain("Args: { p_gem: Database['public']['Enums']['gem']; p_limit?: number };");
    expect(fn).toContain('Returns: { piece_id: number; piece_name: string }[];');
    expect(block('piece_count')).toContain('Args: never;');
    expect(block('piece_count')).toContain('Returns: number;');
  });

  it('lists enum labels in order, as a type and as constants', () => {
    expect(types).toContain("gem: 'diamond' | 'sapphire';");
    expect(types).toContain("gem: ['diamond', 'sapphire'],");
  });
});
