// Starts what the browser tests drive, once per run: the local stack on the app's own
// supabase/ project (in memory, with the demo seed) and a Vite dev server pointed at it.
// Specs read the URLs with inject('e2e').
import type { TestProject } from 'vitest/node';
import { startStack } from '../../local-supabase/server';
import { startAppServer, type AppServer } from './support/app-server';

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

  let app: AppServer;
  try {
    app = await startAppServer(stack);
  } catch (error) {
    await stack.close();
    throw error;
  }

  project.provide('e2e', {
    appUrl: app.url,
    stackUrl: stack.url,
    serviceRoleKey: stack.serviceRoleKey,
  });

  return async () => {
    await app.close();
    await stack.close();
  };
}
