// Issue 6/6 point 8: Lighthouse (the npm package, Debian's Chromium) on the sign-in page and on
// the board, against a production build served by `vite preview` and the bench's own stack with
// the demo seed. Lighthouse's desktop preset (Loupe runs on desktops and 10" tablets, not on
// phones over 4G): performance and accessibility scores and LCP; targets accessibility ≥ 95 and
// LCP ≤ 1.5 s. The board needs a session in localStorage, which Lighthouse's own headers cannot
// give: Chromium is launched by playwright-core with a debugging port and a persistent profile,
// the manager signs in there, and Lighthouse drives the same browser without resetting storage.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { startStack } from '../local-supabase/server';
import { MANAGER } from './app';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const root = fileURLToPath(new URL('..', import.meta.url));

export type LighthousePage = {
  page: string;
  performance: number;
  accessibility: number;
  lcpMs: number;
  fcpMs: number;
  totalBlockingTimeMs: number;
  cls: number;
  /** What Lighthouse took as the largest contentful paint (a selector and its text). */
  lcpElement: string;
  /** Failed accessibility audits (id: title), so a score below target says what to fix. */
  a11yFailures: string[];
  /** Performance opportunities with their estimated saving, for the same reason. */
  opportunities: string[];
};

export type LighthouseBench = { pages: LighthousePage[]; error?: string };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function benchLighthouse(
  options: { log?: (line: string) => void } = {},
): Promise<LighthouseBench> {
  const log = options.log ?? ((line: string) => console.log(line));
  if (!existsSync(chromiumPath)) return { pages: [], error: `no Chromium at ${chromiumPath}` };
  const stack = await startStack({
    projectDir: join(root, 'supabase'),
    data: 'memory',
    port: 0,
    log: () => undefined,
  });
  const envDir = mkdtempSync(join(tmpdir(), 'loupe-lh-env-'));
  const outDir = mkdtempSync(join(tmpdir(), 'loupe-lh-app-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'loupe-lh-profile-'));
  let server: Awaited<ReturnType<typeof preview>> | undefined;
  let context: Awaited<ReturnType<typeof chromium.launchPersistentContext>> | undefined;
  try {
    writeFileSync(
      join(envDir, '.env'),
      `VITE_SUPABASE_URL=${stack.url}\nVITE_SUPABASE_ANON_KEY=${stack.anonKey}\n`,
    );
    await build({ root, envDir, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    server = await preview({
      root,
      envDir,
      logLevel: 'warn',
      build: { outDir },
      preview: { port: 0, host: '127.0.0.1', strictPort: false },
    });
    const appUrl = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
    const port = await freePort();
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath,
      headless: true,
      args: [
        `--remote-debugging-port=${port}`,
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
      ],
    });

    const run = async (name: string, url: string): Promise<LighthousePage> => {
      const result = await lighthouse(
        url,
        {
          port,
          output: 'json',
          logLevel: 'error',
          disableStorageReset: true,
          onlyCategories: ['performance', 'accessibility'],
        },
        desktopConfig,
      );
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`${name}: ${lhr.runtimeError.message}`);
      const audits = lhr.audits;
      const a11yIds = lhr.categories.accessibility!.auditRefs.map((ref) => ref.id);
      return {
        page: name,
        performance: Math.round((lhr.categories.performance!.score ?? 0) * 100),
        accessibility: Math.round((lhr.categories.accessibility!.score ?? 0) * 100),
        lcpMs: audits['largest-contentful-paint']?.numericValue ?? NaN,
        fcpMs: audits['first-contentful-paint']?.numericValue ?? NaN,
        totalBlockingTimeMs: audits['total-blocking-time']?.numericValue ?? NaN,
        cls: audits['cumulative-layout-shift']?.numericValue ?? NaN,
        lcpElement: lcpElementOf(audits['largest-contentful-paint-element']?.details),
        a11yFailures: a11yIds
          .filter((id) => audits[id]?.score === 0)
          .map((id) => `${id}: ${audits[id]!.title}`),
        opportunities: Object.values(audits)
          .filter(
            (a) =>
              a.details?.type === 'opportunity' &&
              (a.score ?? 1) < 0.9 &&
              ((a.details as { overallSavingsMs?: number }).overallSavingsMs ?? 0) > 0,
          )
          .map(
            (a) =>
              `${a.id}: ~${Math.round((a.details as { overallSavingsMs: number }).overallSavingsMs)} ms`,
          ),
      };
    };

    const pages: LighthousePage[] = [];
    // Signed out first: the sign-in page as a visitor sees it.
    pages.push(await run('sign-in', `${appUrl}/sign-in`));
    log(`Lighthouse sign-in: done`);

    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${appUrl}/board`);
    await page.getByRole('textbox', { name: 'Email' }).fill(MANAGER.email);
    await page.getByLabel(/^Password/).fill(MANAGER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Board', level: 1 }).waitFor();
    pages.push(await run('board', `${appUrl}/board`));
    return { pages };
  } catch (error) {
    // A browser problem must not lose the other sections' figures.
    return { pages: [], error: (error as Error).message };
  } finally {
    await context?.close();
    await new Promise<void>((r) => (server ? server.httpServer.close(() => r()) : r()));
    await stack.close();
    for (const dir of [envDir, outDir, profileDir]) rmSync(dir, { recursive: true, force: true });
  }
}

/** The LCP element audit's node (a table of items whose first holds the node). */
function lcpElementOf(details: unknown): string {
  const find = (value: unknown): string | null => {
    if (!value || typeof value !== 'object') return null;
    const node = value as { type?: string; selector?: string; snippet?: string };
    if (node.type === 'node') return `${node.selector ?? ''} ${node.snippet ?? ''}`.trim();
    for (const child of Object.values(value)) {
      const found = find(child);
      if (found) return found;
    }
    return null;
  };
  return find(details) ?? '-';
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '-');

export function printLighthouse(result: LighthouseBench) {
  if (result.error) console.log(`Lighthouse not measured: ${result.error}`);
  console.table(
    result.pages.map((p) => ({
      page: p.page,
      performance: p.performance,
      accessibility: p.accessibility,
      'a11y target': '≥ 95',
      'LCP ms': fmt(p.lcpMs),
      'LCP target': '≤ 1500',
      'FCP ms': fmt(p.fcpMs),
      'TBT ms': fmt(p.totalBlockingTimeMs),
      CLS: p.cls.toFixed(3),
      meets: p.accessibility >= 95 && p.lcpMs <= 1500 ? 'yes' : 'NO',
    })),
  );
  for (const p of result.pages) {
    console.log(`${p.page} LCP element: ${p.lcpElement}`);
    if (p.a11yFailures.length) console.log(`${p.page} accessibility: ${p.a11yFailures.join('; ')}`);
    if (p.opportunities.length) console.log(`${p.page} performance: ${p.opportunities.join('; ')}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  benchLighthouse()
    .then(printLighthouse)
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
