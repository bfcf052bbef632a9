// QC in a real browser against the real stack: a QC user starts the checklist of a certified
// piece, is refused the move to shipping while it is incomplete (the database's own words),
// passes every item (photos where the template asks), attaches the GIA certificate PDF and the
// unboxing video (uploaded resumably over TUS), and moves the piece to shipping. The order is
// this file's own, made with the service role.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { allowPageProblems, artifactsDir, hasChromium, launchBrowser } from './support/browser';
import { demoLogins, type DemoLogin } from '../../scripts/demo-logins';

const { appUrl, stackUrl, serviceRoleKey } = inject('e2e');

function login(role: DemoLogin['role']): DemoLogin {
  const found = demoLogins.find((l) => l.role === role);
  if (!found) throw new Error(`no demo login for ${role}`);
  return found;
}

// A 1×1 PNG: a real image the browser decodes, as the QC photo of an item.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
// A 1.2 s, 64×64 VP8 WebM (3 KB) recorded once with headless Chromium's MediaRecorder from a
// canvas: a real, playable video, since ffmpeg is not available everywhere the tests run.
const WEBM = readFileSync('tests/e2e/fixtures/unboxing.webm');

async function certificatePdf(reportNumber: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([420, 300]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  page.drawText(`GIA Diamond Grading Report ${reportNumber}`, { x: 24, y: 250, size: 14, font });
  page.drawText('Round brilliant · 1.02 ct · F · VS1', { x: 24, y: 220, size: 12, font });
  return Buffer.from(await pdf.save());
}

function must<T>(result: { data: T | null; error: unknown }): T {
  if (result.error) throw new Error(JSON.stringify(result.error));
  if (result.data === null) throw new Error('no data');
  return result.data;
}

/** A certified bespoke ring standing in QC, paid, CAD approved, every production step done. */
async function createQcOrder(svc: SupabaseClient): Promise<{ id: string; code: string }> {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const customer = must(
    await svc.from('customers').insert({ display_name: 'Quinn Q.' }).select('id').single(),
  ) as { id: string };
  must(
    await svc
      .from('customer_contacts')
      .insert({
        customer_id: customer.id,
        full_name: `Quinn Quality ${tag}`,
        email: `quinn.${tag}@example.com`,
      })
      .select('customer_id')
      .single(),
  );
  const order = must(
    await svc
      .from('orders')
      .insert({
        customer_id: customer.id,
        product: 'bespoke_ring',
        product_name: 'Oval solitaire',
        metal: 'platinum',
        has_stones: true,
        has_certified_stones: true,
        ring_size: 6.5,
        quote_amount: 5200,
        paid_at: new Date(Date.now() - 20 * 86_400_000).toISOString(),
        payment_method: 'card',
        stage: 'qc',
        cad_state: 'approved',
      })
      .select('id, code')
      .single(),
  ) as { id: string; code: string };
  const workshop = login('workshop');
  must(
    await svc
      .from('production_steps')
      .update({ done_at: new Date().toISOString(), done_by: workshop.id })
      .eq('order_id', order.id)
      .eq('applicable', true)
      .select('id'),
  );
  return order;
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Serious and critical axe violations inside the QC, certificates and media sections. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    type Result = {
      violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
    };
    const axe = (window as unknown as { axe: { run: (ctx: unknown) => Promise<Result> } }).axe;
    const result = await axe.run({
      include: [
        ['section[aria-labelledby^="qc-"]'],
        ['section[aria-labelledby^="certificates-"]'],
        ['section[aria-labelledby^="media-"]'],
      ],
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
  });
}

async function openAs(browser: Browser, role: DemoLogin['role'], code: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const who = login(role);
  await page.goto(`${appUrl}/orders/${code}`);
  await page.waitForURL(/\/sign-in\?redirectTo=/);
  await page.getByRole('textbox', { name: 'Email' }).fill(who.email);
  await page.getByLabel(/^Password/).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: code, level: 1 }).waitFor();
  return { context, page };
}

/** The workspace's "Move to…" control; returns the dialog's refusal text, or null when moved. */
async function moveTo(page: Page, code: string, stage: 'Shipping'): Promise<string | null> {
  await page.getByRole('button', { name: 'Move to…' }).click();
  await page.getByRole('menuitem', { name: stage }).click();
  const dialog = page.getByRole('dialog', { name: `Move ${code} to ${stage}` });
  await dialog.getByRole('button', { name: `Move to ${stage.toLowerCase()}` }).click();
  const refusal = dialog.getByRole('alert');
  const outcome = await Promise.race([
    refusal.waitFor().then(() => 'refused' as const),
    dialog.waitFor({ state: 'detached' }).then(() => 'moved' as const),
  ]);
  if (outcome === 'moved') return null;
  const text = (await refusal.textContent()) ?? '';
  await dialog.getByRole('button', { name: 'Keep it here' }).click();
  await dialog.waitFor({ state: 'detached' });
  return text;
}

describe.skipIf(!hasChromium)('QC in the order workspace', () => {
  let browser: Browser;
  let svc: SupabaseClient;
  let order: { id: string; code: string };
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    svc = createClient(stackUrl, serviceRoleKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: ws as unknown as typeof WebSocket },
    });
    order = await createQcOrder(svc);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await svc?.removeAllChannels();
  });

  it('QC completes the checklist, attaches the certificate and video, and ships the piece', async () => {
    allowPageProblems(
      // The refusal under test: the move to shipping while the checklist is incomplete.
      /status of 400 .*\/rest\/v1\/rpc\/move_order$/,
      // The upload connection the test drops on purpose to prove the upload resumes.
      /net::ERR_CONNECTION_RESET .*\/storage\/v1\/upload\/resumable\//,
    );
    const { context, page } = await openAs(browser, 'qc', order.code);
    contexts.push(context);
    const qc = page.getByRole('region', { name: 'QC checklist' });

    await qc.getByRole('button', { name: 'Start QC checklist' }).click();
    const checklist = qc.getByRole('list', { name: 'QC checklist' });
    await checklist.getByRole('listitem').first().waitFor();
    expect(await checklist.getByRole('listitem').count()).toBe(7);
    await qc.getByText('0/7', { exact: true }).waitFor();

    // Incomplete: the database refuses the move and says what is missing.
    const refusal = await moveTo(page, order.code, 'Shipping');
    expect(refusal).toContain(
      'QC checklist incomplete: ring size verified on mandrel not checked, final polish not checked, stones secure not checked',
    );
    await page.screenshot({ path: `${artifactsDir}/qc-refused-incomplete.png`, fullPage: true });

    // Items that need a photo cannot pass until it is attached.
    const stones = checklist.getByRole('listitem', { name: 'Stones secure' });
    expect(await stones.getByRole('button', { name: 'Pass: Stones secure' }).isDisabled()).toBe(
      true,
    );
    expect(
      await stones.getByText('Stones secure needs a photo before it can pass.').isVisible(),
    ).toBe(true);
    for (const label of ['Stones secure', 'Metal stamp / hallmark']) {
      const row = checklist.getByRole('listitem', { name: label });
      await row
        .getByLabel(`Photo for ${label.toLowerCase()}`, { exact: true })
        .setInputFiles({ name: `${label}.png`, mimeType: 'image/png', buffer: PNG });
      await row.getByText('Photo attached').waitFor();
      await row.getByRole('img', { name: `Photo: ${label}` }).waitFor();
    }

    const labels = [
      'Ring size verified on mandrel',
      'Final polish',
      'Stones secure',
      'Metal stamp / hallmark',
      'Certificate matches stone',
      'Photos taken',
      'Unboxing video recorded',
    ];
    for (const [index, label] of labels.entries()) {
      const pass = checklist
        .getByRole('listitem', { name: label })
        .getByRole('button', { name: `Pass: ${label}` });
      await pass.click();
      await expect.poll(() => pass.getAttribute('aria-pressed')).toBe('true');
      await qc.getByText(`${index + 1}/7`, { exact: true }).waitFor();
    }
    await checklist
      .getByRole('listitem', { name: 'Final polish' })
      .getByLabel('Note for final polish')
      .fill('Mirror finish inside the shank');
    await qc.getByText('7/7', { exact: true }).click(); // blur saves the note

    // The certificate: fields checked per lab, then the report PDF.
    const certificates = page.getByRole('region', { name: 'Certificates' });
    const form = certificates.getByRole('form', { name: 'Add a certificate' });
    const report = `21${Date.now().toString().slice(-8)}`;
    await form.getByRole('radio', { name: 'GIA' }).check();
    await form.getByRole('textbox', { name: 'Report number' }).fill(report.slice(0, 9));
    await form.getByRole('textbox', { name: 'Carat' }).fill('1.02');
    await form.getByRole('textbox', { name: 'Colour' }).fill('F');
    await form.getByRole('combobox', { name: 'Clarity' }).selectOption('VS1');
    await form.getByRole('textbox', { name: 'Cut / shape' }).fill('Round brilliant');
    await form.getByLabel('Certificate file', { exact: true }).setInputFiles({
      name: `GIA-${report}.pdf`,
      mimeType: 'application/pdf',
      buffer: await certificatePdf(report),
    });
    await form.getByText(`GIA-${report}.pdf`).waitFor();
    await form.getByRole('button', { name: 'Add certificate' }).click();
    // One digit short: the form says so in the database's words before anything is uploaded.
    await form
      .getByText(`${report.slice(0, 9)} is not a GIA report number: GIA numbers have 10 digits.`)
      .waitFor();
    await form.getByRole('textbox', { name: 'Report number' }).fill(report);
    await form.getByRole('button', { name: 'Add certificate' }).click();
    await certificates.getByRole('table', { name: `GIA report ${report}` }).waitFor();
    await certificates.getByLabel(`GIA-${report}.pdf`, { exact: true }).waitFor();

    // Certified stones also need the unboxing video: the database says so.
    expect(await moveTo(page, order.code, 'Shipping')).toContain(
      'Certified stones ship with their certificate, QC photos and unboxing video: unboxing video missing.',
    );

    // The video goes up resumably (TUS) with a progress bar, then plays in the page. The first
    // upload request loses its connection: the client asks the server where it stood (HEAD)
    // and carries on, without the person doing anything.
    const tus: string[] = [];
    let dropped = false;
    await page.route('**/storage/v1/upload/resumable/**', async (route) => {
      const method = route.request().method();
      if (method === 'PATCH' && !dropped) {
        dropped = true;
        tus.push('PATCH dropped');
        await route.abort('connectionreset');
        return;
      }
      tus.push(method);
      await route.continue();
    });
    await page.route('**/storage/v1/upload/resumable', async (route) => {
      tus.push(route.request().method());
      await route.continue();
    });
    const media = page.getByRole('region', { name: 'QC photos and unboxing video' });
    await media
      .getByLabel('Unboxing video', { exact: true })
      .setInputFiles({ name: 'unboxing.webm', mimeType: 'video/webm', buffer: WEBM });
    await media.getByText('Video recorded').waitFor();
    expect(tus.filter((m) => m !== 'OPTIONS')).toEqual(['POST', 'PATCH dropped', 'HEAD', 'PATCH']);
    await page.unrouteAll();
    const player = media.locator('video[aria-label="unboxing.webm"]');
    await player.waitFor();
    await expect
      .poll(() => player.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(1);
    expect(await media.getByText('2 photos').isVisible()).toBe(true);
    await page.screenshot({ path: `${artifactsDir}/qc-complete.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    expect(await moveTo(page, order.code, 'Shipping')).toBeNull();
    await page
      .getByRole('group', { name: 'Status' })
      .getByText('Shipping', { exact: true })
      .waitFor();
    await qc.getByRole('heading', { name: 'Earlier runs' }).waitFor();
    await page.screenshot({ path: `${artifactsDir}/qc-shipped.png`, fullPage: true });

    // What the database now holds.
    const stored = must(
      await svc
        .from('orders')
        .select(
          'stage, qc_runs (status), certificates (lab, report_number), attachments (kind, bucket, storage_path, size_bytes)',
        )
        .eq('id', order.id)
        .single(),
    ) as {
      stage: string;
      qc_runs: { status: string }[];
      certificates: { lab: string; report_number: string }[];
      attachments: { kind: string; bucket: string; storage_path: string; size_bytes: number }[];
    };
    expect(stored.stage).toBe('shipping');
    expect(stored.qc_runs).toEqual([{ status: 'passed' }]);
    expect(stored.certificates).toEqual([{ lab: 'GIA', report_number: report }]);
    const video = stored.attachments.find((a) => a.kind === 'unboxing_video')!;
    expect(video.size_bytes).toBe(WEBM.length);
    const downloaded = must(await svc.storage.from(video.bucket).download(video.storage_path));
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(WEBM)).toBe(true);
    const pdf = stored.attachments.find((a) => a.kind === 'certificate')!;
    const pdfBytes = must(await svc.storage.from(pdf.bucket).download(pdf.storage_path));
    expect(
      Buffer.from(await pdfBytes.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const note = must(
      await svc
        .from('qc_run_items')
        .select('note')
        .eq('label', 'Final polish')
        .eq('note', 'Mirror finish inside the shank'),
    );
    expect(note.length).toBe(1);
  });

  it('QC fails the run with a reason and the piece goes back to production as rework', async () => {
    const piece = await createQcOrder(svc);
    const { context, page } = await openAs(browser, 'qc', piece.code);
    contexts.push(context);
    const qc = page.getByRole('region', { name: 'QC checklist' });
    await qc.getByRole('button', { name: 'Start QC checklist' }).click();
    const checklist = qc.getByRole('list', { name: 'QC checklist' });
    const polish = checklist.getByRole('listitem', { name: 'Final polish' });
    // A manager has the same order open: QC's checks reach them live.
    const watcher = await openAs(browser, 'manager', piece.code);
    contexts.push(watcher.context);
    const watched = watcher.page
      .getByRole('region', { name: 'QC checklist' })
      .getByRole('button', { name: 'Fail: Final polish' });
    await watched.waitFor();
    await polish.getByRole('button', { name: 'Fail: Final polish' }).click();
    await expect.poll(() => watched.getAttribute('aria-pressed'), { timeout: 2_000 }).toBe('true');
    await polish.getByLabel('Note for final polish').fill('Scratch under the gallery');
    await polish.getByText(/Failed by/).waitFor();

    await qc.getByRole('button', { name: 'Fail QC…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fail QC and send back to production' });
    expect(await dialog.getByText('Failed: Final polish').isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Send back to production' }).click();
    await dialog.getByText('Say why QC is sending the piece back to production.').waitFor();
    await dialog
      .getByRole('textbox', { name: /Reason for rework/ })
      .fill('Re-polish the gallery: scratch under the centre stone.');
    await dialog.getByRole('button', { name: 'Send back to production' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page
      .getByRole('group', { name: 'Status' })
      .getByText('Production', { exact: true })
      .waitFor();
    // The failed run stays, collapsed, with its reason.
    await qc.getByRole('heading', { name: 'Earlier runs' }).waitFor();
    await qc.getByRole('button', { name: /Attempt 1\s*Failed/ }).click();
    await qc.getByText('Re-polish the gallery: scratch under the centre stone.').waitFor();
    await qc.getByText('Final polish: failed — Scratch under the gallery').waitFor();
    await page.screenshot({ path: `${artifactsDir}/qc-failed-rework.png`, fullPage: true });

    const stored = must(
      await svc
        .from('orders')
        .select('stage, qc_runs (status, fail_reason)')
        .eq('id', piece.id)
        .single(),
    ) as { stage: string; qc_runs: { status: string; fail_reason: string }[] };
    expect(stored).toEqual({
      stage: 'production',
      qc_runs: [
        { status: 'failed', fail_reason: 'Re-polish the gallery: scratch under the centre stone.' },
      ],
    });
  });

  it('a file whose contents do not match its type is refused before upload', async () => {
    const extra = await createQcOrder(svc);
    const { context, page } = await openAs(browser, 'qc', extra.code);
    contexts.push(context);
    const certificates = page.getByRole('region', { name: 'Certificates' });
    let uploads = 0;
    page.on('request', (r) => {
      if (r.url().includes('/storage/v1/object') && r.method() === 'POST') uploads++;
    });
    await certificates
      .getByLabel('Certificate file', { exact: true })
      .setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: PNG });
    await certificates
      .getByRole('alert')
      .getByText('report.pdf is named as PDF but its contents are PNG.', { exact: false })
      .waitFor();
    expect(uploads).toBe(0);
    await page.screenshot({ path: `${artifactsDir}/qc-signature-refused.png` });
  });
});
