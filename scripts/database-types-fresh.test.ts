// src/types/database.ts is generated, never edited: this fails when a migration changed the
// schema and nobody ran `npm run gen:types`, so the app's row types cannot drift from Postgres.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { startStack } from '../local-supabase/server';
import { introspect } from './gen-types';

it('the committed database types match supabase/migrations', async () => {
  const stack = await startStack({
    port: 0,
    data: 'memory',
    projectDir: fileURLToPath(new URL('../supabase/', import.meta.url)),
    seedFile: null,
    log: () => undefined,
  });
  try {
    const generated = await introspect(stack.db);
    const committed = readFileSync(new URL('../src/types/database.ts', import.meta.url), 'utf8');
    expect(committed === generated, 'src/types/database.ts is stale: run npm run gen:types').toBe(
      true,
    );
  } finally {
    await stack.close();
  }
}, 180_000);
