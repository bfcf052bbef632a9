// Three kinds of tests: pure/unit and component tests (jsdom), the local stack's conformance
// suite (node, against one stack started once per run by the global setup), and end-to-end
// tests in headless Chromium (their own global setup starts the app's stack and Vite).
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [react()],
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/setup/jsdom.ts'],
          // A component test's first render (Mantine, a menu's first open) beside the other
          // worker and Chromium on two cores took over the default 5 s in CI.
          testTimeout: 15_000,
        },
      },
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['local-supabase/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'stack',
          environment: 'node',
          include: ['tests/stack/**/*.spec.ts'],
          globalSetup: ['tests/stack/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          // The workshop's rules (supabase/migrations) through supabase-js, signed in as each role.
          name: 'db',
          environment: 'node',
          include: ['tests/db/**/*.spec.ts'],
          globalSetup: ['tests/db/global-setup.ts'],
          // The specs share one database, and a few briefly change house-wide settings (a
          // stage's WIP limit, restored after): one file at a time, so no spec's move meets
          // another's temporary limit.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          // Browser flows in headless Chromium; the global setup starts the app's own stack
          // (supabase/, in memory, demo seed) and a Vite dev server pointed at it.
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
