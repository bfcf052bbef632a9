// A Vite dev server of the app pointed at a given stack: the e2e global setup starts one for
// the shared stack, and a spec that needs a stack of its own (resilience) starts another.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createServer, type ViteDevServer } from 'vite';

export type AppServer = { url: string; close(): Promise<void> };

export async function startAppServer(stack: { url: string; anonKey: string }): Promise<AppServer> {
  // The app reads its Supabase URL and key from VITE_* variables. A private env folder keeps
  // them out of this process's environment, which the other test projects share.
  const envDir = mkdtempSync(join(tmpdir(), 'loupe-e2e-env-'));
  writeFileSync(
    join(envDir, '.env'),
    `VITE_SUPABASE_URL=${stack.url}\nVITE_SUPABASE_ANON_KEY=${stack.anonKey}\n`,
  );

  let vite: ViteDevServer;
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
    rmSync(envDir, { recursive: true, force: true });
    throw error;
  }
  const { port } = vite.httpServer!.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await vite.close();
      rmSync(envDir, { recursive: true, force: true });
    },
  };
}
