// `npm start`: the local Supabase stack and the app together. Starts the stack (embedded
// Postgres in .loupe/data, migrations + seed), waits until it answers /health, then starts
// Vite pointed at it and prints where everything is and who to sign in as. Ctrl-C stops the
// app, then the stack, whose close() lets the database finish and close its files cleanly.
import { parseArgs } from 'node:util';
import { createServer, type ViteDevServer } from 'vite';
import { startStack, type Stack } from '../local-supabase/server';
import { formatDemoLogins } from './demo-logins';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '.loupe/data' },
    'database-url': { type: 'string' },
    'stack-port': { type: 'string', default: '54321' },
    'app-port': { type: 'string', default: '5173' },
  },
});

/** Polls the stack's /health until it answers 200, the way a compose healthcheck would. */
async function waitForHealthy(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // Not listening yet: try again shortly.
    }
    if (Date.now() > deadline) throw new Error(`the stack at ${url} did not become healthy`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function main() {
  let stack: Stack | undefined;
  let vite: ViteDevServer | undefined;
  let stopping = false;

  const stop = async (reason: string) => {
    if (stopping) {
      console.log('Still shutting down: waiting for the database to close its files…');
      return;
    }
    stopping = true;
    console.log(`\n${reason}: stopping the app, then the stack…`);
    try {
      await vite?.close();
      await stack?.close();
      console.log('Stopped cleanly.');
      process.exit(0);
    } catch (error) {
      console.error('Shutdown failed:', error);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('Ctrl-C'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  console.log('Starting the local Supabase stack…');
  try {
    stack = await startStack({
      port: Number(values['stack-port']),
      data: values.data,
      databaseUrl: values['database-url'],
      log: (line) => console.log(`  [stack] ${line}`),
    });
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    console.error(
      err.code === 'EADDRINUSE'
        ? `Port ${values['stack-port']} is taken (another \`npm start\` or \`supabase start\`?). Stop it or pass --stack-port.`
        : `The stack could not start: ${err.message}`,
    );
    process.exit(1);
  }
  await waitForHealthy(stack.url);

  // Vite gives variables already in the environment priority over .env files, so the app
  // always talks to this stack, even when a .env for a real project exists.
  process.env.VITE_SUPABASE_URL = stack.url;
  process.env.VITE_SUPABASE_ANON_KEY = stack.anonKey;
  try {
    vite = await createServer({ server: { port: Number(values['app-port']), strictPort: true } });
    await vite.listen();
  } catch (error) {
    const err = error as Error;
    console.error(
      /in use|EADDRINUSE/i.test(err.message)
        ? `Port ${values['app-port']} is taken. Stop whatever uses it or pass --app-port.`
        : `The app could not start: ${err.message}`,
    );
    await stack.close();
    process.exit(1);
  }
  if (stopping) return;

  const appUrl = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${values['app-port']}/`;
  console.log(`
Loupe is running.

  App        ${appUrl}
  Supabase   ${stack.url}   (database: ${values['database-url'] ? 'Postgres' : values.data})
  anon key   ${stack.anonKey}

Demo staff logins (demo data only):

${formatDemoLogins()
  .split('\n')
  .map((line) => `  ${line}`)
  .join('\n')}

Press Ctrl-C to stop.`);
}

main().catch((error: Error) => {
  console.error(`npm start failed: ${error.message}`);
  process.exit(1);
});
