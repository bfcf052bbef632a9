// Starts what the browser tests drive, once per run: the local stack on the app's own
// supabase/ project (in memory, with the demo seed) and a Vite dev server pointed at it.
// Specs read the URLs with inject('e2e').
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { createServer } from 'vite';
import { startStack } from '../../local-supabase/server';

export type E2eTarget = { appUrl: string; stackUrl: string; serviceRoleKey: string };

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eTarget;
  }
}

export default async function setup(project: TestProject) {
  const stack = await startStack({
    projectDir: 'supabase',
    data: 'memory',
    port: 0,
    log: () => undefined,
    // Every browser test signs in fresh from 127.0.0.1; the project's 30 sign-ins per 5 minutes
    // per IP (GoTrue's default, kept for `npm start`) would refuse the suite's own logins.
    // The limit itself is tested in tests/stack/auth-limits.spec.ts.
    configOverrides: (config) => {
      config.auth.rateLimit.signInSignUps = 10_000;
      config.auth.rateLimit.tokenRefresh = 10_000;
    },
  });

  // The app reads its Supabase URL and key from VITE_* variables. A private env folder keeps
  // them out of this process's environment, which the other test projects share.
  const envDir = mkdtempSync(join(tmpdir(), 'loupe-e2e-env-'));
  writeFileSync(
    join(envDir, '.env'),
    `VITE_SUPABASE_URL=${stack.url}\nVITE_SUPABASE_ANON_KEY=${stack.anonKey}\n`,
  );

  let vite;
  try {
    vite = await createServer({
      envDir,
      // Its own dependency cache, so a running `npm start` and the tests never share one.
      cacheDir: process.env.LOUPE_E2E_VITE_CACHE ?? 'node_modules/.vite-e2e',
      logLevel: 'warn',
      clearScreen: false,
      server: { port: 0, strictPort: false, host: '127.0.0.1', hmr: false },
    });
    await vite.listen();
  } catch (error) {
    await stack.close();
    throw error;
  }
  const { port } = vite.httpServer!.address() as AddressInfo;

  project.provide('e2e', {
    appUrl: `http://127.0.0.1:${port}`,
    stackUrl: stack.url,
    serviceRoleKey: stack.serviceRoleKey,
  });

  return async () => {
    await vite.close();
    await stack.close();
    rmSync(envDir, { recursive: true, force: true });
  };
}
