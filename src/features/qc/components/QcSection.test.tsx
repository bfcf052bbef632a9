// The QC checklist as QC works it (network mocked with MSW in PostgREST's shapes): progress,
// which items still stop the piece, an item needing a photo, and an optimistic check that the
// database refuses going back with the database's sentence.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { env } from '../../../config/env';
import { renderWithProviders } from '../../../testing/render';
import { QcSection } from './QcSection';

const orderId = '0a5e1000-0000-4000-8000-0000000000aa';
const rest = (path: string) => `${env.supabaseUrl}/rest/v1${path}`;

const item = (position: number, label: string, over: Record<string, unknown> = {}) => ({
  id: `item-${position}`,
  position,
  label,
  required: true,
  needs_photo: false,
  result: 'pending',
  note: null,
  checked_at: null,
  checked_by: null,
  photo_attachment_id: null,
  checker: null,
  photo: null,
  ...over,
});

const run = {
  id: 'run-2',
  attempt: 2,
  status: 'in_progress',
  started_at: '2026-11-20T10:00:00Z',
  finished_at: null,
  fail_reason: null,
  starter: { display_name: 'Inès Laurent' },
  items: [
    item(1, 'Final polish', { result: 'pass', checker: { display_name: 'Inès Laurent' } }),
    item(2, 'Stones secure', { needs_photo: true }),
    item(3, 'Photos taken'),
  ],
};
const failedRun = {
  ...run,
  id: 'run-1',
  attempt: 1,
  status: 'failed',
  finished_at: '2026-11-18T10:00:00Z',
  fail_reason: 'Prong lifted on the centre stone',
  items: [item(1, 'Final polish', { id: 'old-1', result: 'fail' })],
};
const order = {
  id: orderId,
  code: 'LP-2026-0042',
  stage: 'qc',
  version: 7,
  has_certified_stones: false,
};

const server = setupServer(
  http.get(rest('/orders'), ({ request }) =>
    request.headers.get('accept')?.includes('vnd.pgrst.object')
      ? HttpResponse.json(order)
      : HttpResponse.json([order]),
  ),
  http.get(rest('/qc_runs'), () => HttpResponse.json([failedRun, run])),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('QcSection', () => {
  it(
    'shows the current run with its progress and what still stops the piece',
    { timeout: 15_000 },
    async () => {
      renderWithProviders(<QcSection orderId={orderId} />);
      const list = await screen.findByRole('list', { name: 'QC checklist' });
      expect(within(list).getAllByRole('listitem')).toHaveLength(3);
      expect(screen.getByText('Attempt 2')).toBeVisible();
      expect(screen.getByRole('progressbar', { name: 'QC progress 1/3' })).toBeInTheDocument();
      expect(
        screen.getByText(
          'QC checklist incomplete: stones secure not checked, photos taken not checked',
        ),
      ).toBeVisible();
      expect(screen.getByRole('button', { name: 'Pass QC and move to shipping' })).toBeDisabled();

      const stones = screen.getByRole('listitem', { name: 'Stones secure' });
      expect(within(stones).getByRole('button', { name: 'Pass: Stones secure' })).toBeDisabled();
      expect(
        within(stones).getByText('Stones secure needs a photo before it can pass.'),
      ).toBeVisible();
      expect(within(stones).getByLabelText('Photo for stones secure')).toBeInTheDocument();

      // The failed attempt stays, collapsed, with its reason.
      expect(screen.getByRole('button', { name: /Attempt 1\s*Failed/ })).toHaveAttribute(
        'aria-expanded',
        'false',
      );
    },
  );

  it('a check the database refuses goes back and says why', { timeout: 15_000 }, async () => {
    server.use(
      http.patch(rest('/qc_run_items'), async () => {
        await delay(150);
        return HttpResponse.json(
          {
            code: 'LP042',
            message: 'This QC run is finished; start a new run to check the piece again.',
            details: null,
            hint: null,
          },
          { status: 400 },
        );
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<QcSection orderId={orderId} />);
    const pass = await screen.findByRole('button', { name: 'Pass: Photos taken' });
    expect(pass).toHaveAttribute('aria-pressed', 'false');

    await user.click(pass);
    // Optimistic: pressed at once, before the server answers.
    expect(pass).toHaveAttribute('aria-pressed', 'true');

    expect(
      await screen.findByText('This QC run is finished; start a new run to check the piece again.'),
    ).toBeVisible();
    await waitFor(() => expect(pass).toHaveAttribute('aria-pressed', 'false'));
  });
});
