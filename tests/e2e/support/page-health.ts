// What every end-to-end page must not do behind a screen that looks right: throw, leave a
// promise rejection unhandled, or log a React error; and what it must be: free of serious or
// critical accessibility violations (axe-core, injected into the real page).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Collects uncaught errors, unhandled rejections and console errors of a page. */
export function watchPage(page: Page, options: { allow?: RegExp[] } = {}): () => string[] {
  const problems: string[] = [];
  const allowed = (text: string) => options.allow?.some((re) => re.test(text)) ?? false;
  // Chromium reports an unhandled promise rejection as a page error too.
  page.on('pageerror', (error) => {
    if (!allowed(error.message)) problems.push(`uncaught: ${error.message}`);
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    // The browser's own network lines: refusals (4xx) are expected answers the app explains.
    if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(text)) return;
    if (!allowed(text)) problems.push(`console: ${text}`);
  });
  return () => problems.splice(0);
}

export type AxeViolation = {
  id: string;
  impact: string;
  help: string;
  targets: string[];
  /** The first offending elements' markup and axe's reason, to find them in the code. */
  nodes: string[];
};

/** Serious and critical axe violations on the page as it is now. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: string[]; html: string; failureSummary?: string }[];
            }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      nodes: v.nodes
        .slice(0, 3)
        .map(
          (n) =>
            `${n.html.slice(0, 160)} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)}`,
        ),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
