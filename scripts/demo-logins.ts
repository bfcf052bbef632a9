// The demo staff logins, in one place: `npm start` prints them, the e2e tests sign in with
// them, and a unit test checks that supabase/seed.sql creates exactly these accounts.
export type DemoLogin = {
  email: string;
  password: string;
  displayName: string;
  role: 'concierge' | 'workshop' | 'qc' | 'manager';
  /** Fixed so that seeds of later issues can reference these people. */
  id: string;
};

/** Demo data only: never seed these accounts into a real project. */
export const DEMO_PASSWORD = 'loupe-demo-2026';

export const demoLogins: readonly DemoLogin[] = [
  {
    email: 'concierge@loupe.test',
    password: DEMO_PASSWORD,
    displayName: 'Amara Osei',
    role: 'concierge',
    id: '0a5e1000-0000-4000-8000-000000000001',
  },
  {
    email: 'workshop@loupe.test',
    password: DEMO_PASSWORD,
    displayName: 'Tomás Reyes',
    role: 'workshop',
    id: '0a5e1000-0000-4000-8000-000000000002',
  },
  {
    email: 'qc@loupe.test',
    password: DEMO_PASSWORD,
    displayName: 'Inès Laurent',
    role: 'qc',
    id: '0a5e1000-0000-4000-8000-000000000003',
  },
  {
    email: 'manager@loupe.test',
    password: DEMO_PASSWORD,
    displayName: 'Helena Park',
    role: 'manager',
    id: '0a5e1000-0000-4000-8000-000000000004',
  },
  {
    email: 'concierge2@loupe.test',
    password: DEMO_PASSWORD,
    displayName: 'Jonah Weiss',
    role: 'concierge',
    id: '0a5e1000-0000-4000-8000-000000000005',
  },
];

/** The demo logins as an aligned plain-text table for the terminal. */
export function formatDemoLogins(logins: readonly DemoLogin[] = demoLogins): string {
  const rows = [
    ['role', 'name', 'email', 'password'],
    ...logins.map((l) => [l.role, l.displayName, l.email, l.password]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
