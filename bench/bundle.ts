// Issue 6/6 point 7: JavaScript and CSS the browser must fetch before each route's first screen,
// gzip, from a production build. Built into a temporary folder with Vite's manifest; a route's
// first screen is the entry chunk, the lazy modules the router loads for it (the shell, the page,
// a lazy loader), and everything those import statically (transitively). Dynamic imports inside
// a page (e.g. the order drawer) are not counted: they load later, on demand.
// Run alone: `npx tsx bench/bundle.ts` prints the table (no stack needed, ~10 s).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';

type ManifestChunk = {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
};

export type RouteBundle = {
  route: string;
  jsGzipKb: number;
  cssGzipKb: number;
  files: number;
  /** The route's first screen holds recharts or @mantine/charts (only /analytics should). */
  hasCharts: boolean;
};

export const JS_BUDGET_KB = 200;

const shell = 'src/app/routes/shell.tsx';
/** Route → the modules the router lazy-loads for it (src/app/router.tsx), besides the entry. */
export const routeModules: Record<string, string[]> = {
  '/sign-in': ['src/app/routes/sign-in.tsx'],
  '/board': [shell, 'src/app/routes/board.tsx', 'src/app/routes/board-loader.ts'],
  '/intake': [shell, 'src/app/routes/intake.tsx'],
  '/orders': [shell, 'src/app/routes/orders.tsx'],
  '/orders/:code': [shell, 'src/app/routes/order-workspace.tsx'],
  '/analytics': [shell, 'src/app/routes/analytics.tsx', 'src/app/routes/analytics-loader.ts'],
  '/settings': [shell, 'src/app/routes/settings.tsx'],
  '/floor-metal': [shell, 'src/app/routes/floor-metal.tsx'],
  '/stones': [shell, 'src/app/routes/stones.tsx'],
  '/scan': ['src/app/routes/scan.tsx'],
  '/r/:token': ['src/app/routes/review-link.tsx'],
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

const chartsModule = /node_modules\/(recharts|@mantine\/charts)\//;

/** Records which output chunks hold chart modules (the manifest does not list modules). */
function chartChunks(found: Set<string>): Plugin {
  return {
    name: 'loupe-bench-chart-chunks',
    generateBundle(_options, bundle) {
      for (const [fileName, chunk] of Object.entries(bundle)) {
        if (chunk.type === 'chunk' && chunk.moduleIds.some((id) => chartsModule.test(id)))
          found.add(fileName);
      }
    },
  };
}

export async function benchBundle(): Promise<RouteBundle[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'loupe-bundle-'));
  const withCharts = new Set<string>();
  try {
    await build({
      logLevel: 'warn',
      plugins: [chartChunks(withCharts)],
      build: { outDir, manifest: 'manifest.json', sourcemap: false, emptyOutDir: true },
    });
    const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as Record<
      string,
      ManifestChunk
    >;
    const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
    if (!entry) throw new Error('the build has no entry chunk');
    const gz = (file: string) => gzipSync(readFileSync(join(outDir, file))).length / 1024;
    const built = Object.entries(routeModules).filter(([route, modules]) => {
      const missing = modules.filter((module) => !manifest[module]);
      // A route whose page is not in this checkout (yet) is named, not silently dropped.
      if (missing.length > 0) console.log(`${route}: ${missing.join(', ')} not in the build`);
      return missing.length === 0;
    });
    return built.map(([route, modules]) => {
      const keys = staticClosure(manifest, [entry, ...modules]);
      const js = new Set<string>();
      const css = new Set<string>();
      for (const key of keys) {
        js.add(manifest[key]!.file);
        for (const file of manifest[key]!.css ?? []) css.add(file);
      }
      const sum = (files: Set<string>) => [...files].reduce((n, f) => n + gz(f), 0);
      return {
        route,
        jsGzipKb: sum(js),
        cssGzipKb: sum(css),
        files: js.size + css.size,
        hasCharts: [...js].some((file) => withCharts.has(file)),
      };
    });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');

export function printBundle(bundles: RouteBundle[]) {
  console.table(
    bundles.map((b) => ({
      route: b.route,
      'JS kB': fmt(b.jsGzipKb),
      'CSS kB': fmt(b.cssGzipKb),
      files: b.files,
      'JS target': `≤ ${JS_BUDGET_KB} kB`,
      meets: b.jsGzipKb <= JS_BUDGET_KB ? 'yes' : 'NO',
      charts: b.hasCharts ? 'yes' : 'no',
    })),
  );
  const leaks = bundles.filter((b) => b.hasCharts && b.route !== '/analytics');
  if (leaks.length > 0)
    console.log(`charts in the first screen of ${leaks.map((b) => b.route).join(', ')}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  benchBundle()
    .then(printBundle)
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
