// Keeps the printed demo logins and supabase/seed.sql in step: a login that `npm start` prints
// must exist in the seed with the same id, name, role and password.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoLogins, formatDemoLogins } from './demo-logins';

const seed = readFileSync(new URL('../supabase/seed.sql', import.meta.url), 'utf8');

/** The `(id, email, display_name, role)` tuples of the seed's demo_staff values list. */
function seededStaff(): string[][] {
  return [...seed.matchAll(/\(\s*'([^']+)',\s*'([^']+)',\s*'([^']+)',\s*'([^']+)'\s*\)/g)].map(
    (m) => m.slice(1),
  );
}

describe('demo logins', () => {
  it('are exactly the staff the seed creates, one per role plus a second concierge', () => {
    expect(seededStaff()).toEqual(demoLogins.map((l) => [l.id, l.email, l.displayName, l.role]));
    expect(new Set(demoLogins.map((l) => l.role))).toEqual(
      new Set(['concierge', 'workshop', 'qc', 'manager']),
    );
  });

  it('use the password the seed hashes', () => {
    expect(seed).toContain(`extensions.crypt('${DEMO_PASSWORD}', extensions.gen_salt('bf'))`);
    expect(demoLogins.every((l) => l.password === DEMO_PASSWORD)).toBe(true);
  });

  it('print as an aligned table with a header row', () => {
    const lines = formatDemoLogins().split('\n');
    expect(lines).toHaveLength(demoLogins.length + 1);
    expect(lines[0]).toMatch(/^role\s+name\s+email\s+password$/);
    expect(lines[4]).toMatch(/^manager\s+Helena Park\s+manager@loupe\.test\s+loupe-demo-2026$/);
    // Columns line up: every row has its email at the same offset.
    const offsets = lines.slice(1).map((l, i) => l.indexOf(demoLogins[i]!.email));
    expect(new Set(offsets).size).toBe(1);
  });
});
