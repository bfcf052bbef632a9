// Settings in a real browser: a manager changes a WIP limit and the board's column header shows
// it, a target that would turn red before amber is explained and cannot be saved, and a login
// the manager creates signs in with its role. The WIP limit is set on intake, far above its
// count: nothing ever moves into intake, so no other spec sharing the stack can be refused by
// it; it goes back to none afterwards.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createClient } from '@supabase/supabase-js';
import ws from 'ws';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { allowPageProblems, artifactsDir, hasChromium, launchBrowser } from './support/browser';
import { demoLogins } from '../../scripts/demo-logins';

const { appUrl, stackUrl, serviceRoleKey } = inject('e2e');
const manager = demoLogins.find((l) => l.role === 'manager')!;
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 });

async function signIn(page: Page, email: string, password: string, to = '/') {
  await page.goto(`${appUrl}${to}`);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Chooses an option of a Mantine select from the keyboard (focus, ArrowDown opens it). */
async function pick(select: Locator, option: string) {
  await select.focus();
  await select.page().keyboard.press('ArrowDown');
  await select.page().getByRole('option', { name: option, exact: true }).click();
}

// The second login for the same email is refused on purpose; the form shows the sentence.
allowPageProblems(/status of 400 .*\/rest\/v1\/rpc\/create_staff$/);

describe.skipIf(!hasChromium)('settings', () => {
  const svc = createClient(stackUrl, serviceRoleKey, {
    auth: { persistSession: false },
    realtime: { transport: ws as unknown as typeof WebSocket },
  });
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  const createdIds: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    await signIn(page, manager.email, manager.password, '/settings');
    await page.getByRole('banner').getByText(manager.displayName).waitFor();
    // Warm-up: the dev server bundles each lazy route's libraries on first use and, with HMR
    // off, the page that asked keeps the stale bundle; visit both pages once, then reload.
    await page.goto(`${appUrl}/board`);
    await page.waitForLoadState('networkidle');
    await page.goto(`${appUrl}/settings`);
    await page.waitForLoadState('networkidle');
    await page.reload();
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() !== 'error' && m.type() !== 'warning') return;
      // The browser's own line for the refused duplicate login (HTTP 400) is expected.
      if (/Failed to load resource: the server responded with a status of 400/.test(m.text()))
        return;
      problems.push(`${m.type()}: ${m.text()}`);
    });
  }, 120_000);
  afterAll(async () => {
    await svc.from('stage_settings').update({ wip_limit: null }).eq('stage', 'intake');
    for (const id of createdIds) await svc.auth.admin.deleteUser(id);
    await context?.close();
    await browser?.close();
  });
  afterEach(() => {
    expect(problems.splice(0)).toEqual([]);
  });

  it('a manager changes a WIP limit and the board shows it in the column header', async () => {
    const wip = page.getByRole('textbox', { name: 'Intake WIP limit' });
    await wip.waitFor();
    await wip.fill('997');
    const save = page.getByRole('button', { name: 'Save Intake' });
    await save.click();
    // Saved: the row's draft is the stored value again, so there is nothing left to save.
    await poll(() => save.isDisabled()).toBe(true);
    const stored = await svc
      .from('stage_settings')
      .select('wip_limit')
      .eq('stage', 'intake')
      .single();
    expect(stored.data).toEqual({ wip_limit: 997 });
    await page.screenshot({ path: `${artifactsDir}/settings-wip-limit.png`, fullPage: true });

    // In-app navigation: the board reads the new limit (settings mark every view stale).
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Board' })
      .click();
    await page.waitForURL(/\/board/);
    const intake = page.getByRole('region', { name: /^Intake/ });
    await poll(() => intake.getByText(/^WIP \d+\/997/).count()).toBe(1);
    await page.screenshot({ path: `${artifactsDir}/settings-wip-on-board.png` });
  });

  it('explains a red threshold before amber and will not save it', async () => {
    await page.goto(`${appUrl}/settings`);
    const amber = page.getByRole('textbox', { name: 'QC amber after' });
    await amber.waitFor();
    await amber.fill('5');
    await page.getByRole('textbox', { name: 'QC red after' }).fill('2');
    await poll(() =>
      page.getByText('Red comes after amber: enter at least the amber value.').isVisible(),
    ).toBe(true);
    expect(await page.getByRole('button', { name: 'Save QC' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Undo changes to QC' }).click();
    const stored = await svc
      .from('stage_settings')
      .select('sla_amber_after, sla_red_after')
      .eq('stage', 'qc')
      .single();
    expect(stored.data).toEqual({ sla_amber_after: 1, sla_red_after: 3 });
  });

  it('a manager creates a login, and the new person signs in with their role', async () => {
    await page.goto(`${appUrl}/settings?tab=staff`);
    const email = `noor.${Date.now().toString(36)}@loupe.test`;
    const form = page.getByRole('form', { name: 'Add a staff member' });
    await form.getByRole('textbox', { name: 'Email' }).fill(email);
    await form.getByRole('textbox', { name: 'Display name' }).fill('Noor Haddad');
    await pick(form.getByRole('combobox', { name: 'Role' }), 'QC');
    await form.getByLabel(/^First password/).fill('polish-and-pave');
    await form.getByRole('button', { name: 'Create login' }).click();
    await poll(() => page.getByText(`Noor Haddad can now sign in with ${email}.`).isVisible()).toBe(
      true,
    );
    await poll(() =>
      page
        .getByRole('table', { name: 'Staff' })
        .getByRole('combobox', { name: 'Role of Noor Haddad' })
        .count(),
    ).toBe(1);
    const { data } = await svc.from('staff').select('id, role').eq('display_name', 'Noor Haddad');
    createdIds.push(...(data ?? []).map((r) => r.id as string));
    await page.screenshot({ path: `${artifactsDir}/settings-staff-created.png`, fullPage: true });

    // The same email again: the database's sentence, next to the form.
    await form.getByRole('textbox', { name: 'Email' }).fill(email);
    await form.getByRole('textbox', { name: 'Display name' }).fill('Noor Again');
    await pick(form.getByRole('combobox', { name: 'Role' }), 'Workshop');
    await form.getByLabel(/^First password/).fill('another-password');
    await form.getByRole('button', { name: 'Create login' }).click();
    await poll(() => form.getByRole('alert').textContent()).toBe(`${email} already has a login.`);

    const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const newcomer = await other.newPage();
    await signIn(newcomer, email, 'polish-and-pave');
    const header = newcomer.getByRole('banner');
    await header.getByText('Noor Haddad').waitFor();
    expect(await header.getByText('QC', { exact: true }).isVisible()).toBe(true);
    await other.close();
  });
});
