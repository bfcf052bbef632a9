// What every end-to-end page must not do behind a screen that looks right: throw, leave a
// promise rejection unhandled, or log a React error; and what it must be: free of serious or
// critical accessibility violations (axe-core, injected into the real page).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Collects uncaught errors, unhandled rejections, console errors and warnings of a page. A
 * failed resource names its URL, so a spec can allow the one refusal (4xx) it provokes on
 * purpose and still fail on any other. Patterns are read when a line arrives: a spec may add
 * to the array after the page was opened.
 */
export function watchPage(page: Page, options: { allow?: RegExp[] } = {}): () => string[] {
  const problems: string[] = [];
  const allowed = (text: string) => options.allow?.some((re) => re.test(text)) ?? false;
  const add = (text: string) => {
    if (!allowed(text)) problems.push(text);
  };
  // Chromium reports an unhandled promise rejection as a page error too ("Uncaught (in promise)").
  page.on('pageerror', (error) => add(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    const type = message.type();
    if (type !== 'error' && type !== 'warning') return;
    let text = message.text();
    // The browser's own line ("Failed to load resource: … status of 409") does not say which
    // resource; its location does.
    if (/^Failed to load resource/.test(text)) text = `${text} ${message.location().url}`;
    add(`console ${type}: ${text}`);
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
