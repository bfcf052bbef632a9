// Issue 6/6 point 7: JavaScript and CSS the browser must fetch before each route's first screen,
// gzip, from a production build. Built into a temporary folder with Vite's manifest; a route's
// first screen is the entry chunk, the route's lazy module, and everything either imports
// statically (transitively). Dynamic imports inside a route (e.g. the order drawer) are not
// counted: they load later, on demand.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

type ManifestChunk = {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
};

export type RouteBundle = { route: string; jsGzipKb: number; cssGzipKb: number; files: number };

/** Route → the module its `lazy` imports (src/app/router.tsx); sign-in is in the entry. */
export const routeModules: Record<string, string | null> = {
  '/sign-in': null,
  '/board': 'src/app/routes/board.tsx',
  '/intake': 'src/app/routes/intake.tsx',
  '/orders': 'src/app/routes/orders.tsx',
  '/orders/:code': 'src/app/routes/order-workspace.tsx',
  '/analytics': 'src/app/routes/analytics.tsx',
  '/settings': 'src/app/routes/settings.tsx',
};

/** Keys of the chunks `start` needs, following static imports. */
export function staticClosure(
  manifest: Record<string, ManifestChunk>,
  start: string[],
): Set<string> {
  const seen = new Set<string>();
  const stack = [...start];
  while (stack.length > 0) {
    const key = stack.pop()!;
    if (seen.has(key) || !manifest[key]) continue;
    seen.add(key);
    stack.push(...(manifest[key].imports ?? []));
  }
  return seen;
}

export async function benchBundle(): Promise<RouteBundle[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'loupe-bundle-'));
  try {
    await build({
      logLevel: 'warn',
      build: { outDir, manifest: 'manifest.json', sourcemap: false, emptyOutDir: true },
    });
    const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as Record<
      string,
      ManifestChunk
    >;
    const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
    if (!entry) throw new Error('the build has no entry chunk');
    const gz = (file: string) => gzipSync(readFileSync(join(outDir, file))).length / 1024;
    return Object.entries(routeModules).map(([route, module]) => {
      if (module && !manifest[module]) throw new Error(`${module} is not a chunk of the build`);
      const keys = staticClosure(manifest, module ? [entry, module] : [entry]);
      const js = new Set<string>();
      const css = new Set<string>();
      for (const key of keys) {
        js.add(manifest[key]!.file);
        for (const file of manifest[key]!.css ?? []) css.add(file);
      }
      const sum = (files: Set<string>) => [...files].reduce((n, f) => n + gz(f), 0);
      return { route, jsGzipKb: sum(js), cssGzipKb: sum(css), files: js.size + css.size };
    });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
