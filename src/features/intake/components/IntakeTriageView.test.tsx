// The triage page as a stylist uses it, against mocked PostgREST answers (MSW): the queue in
// age order with its countdown colours, j/k through it (not while typing), the shortcuts to
// assign to me and confirm, the help overlay, the quote form's checks, and a refusal that
// leaves the queue as it was.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { renderWithProviders } from '../../../testing/render';
import { env } from '../../../config/env';
import { IntakeTriageView } from './IntakeTriageView';

// The live channel is covered by the e2e flow; here it would only try to open a socket.
vi.mock('../api/intake-realtime', () => ({ useIntakeRealtime: () => undefined }));

const me = '0a5e1000-0000-4000-8000-000000000001';
const rest = (path: string) => `${env.supabaseUrl}/rest/v1${path}`;
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

type Row = Record<string, unknown> & { id: string; version: number; status: string };

function request(
  id: string,
  name: string,
  receivedMinutesAgo: number,
  extra: Partial<Row> = {},
): Row {
  return {
    id,
    received_at: minutesAgo(receivedMinutesAgo),
    source: 'customizer_look',
    base: 'bespoke_ring',
    metal: 'platinum',
    stone_preferences: null,
    ring_size: 6.5,
    budget_amount: 3200,
    budget_currency: 'USD',
    is_gift: false,
    needed_by: null,
    notes: null,
    path: null,
    path_reason: null,
    risk_flags: [],
    assigned_stylist_id: null,
    status: 'new',
    confirmed_at: null,
    version: 1,
    customer_id: `c-${id}`,
    customer: { display_name: name },
    attachments: [],
    ...extra,
  };
}

let rows: Row[] = [];
const calls: Array<{ fn: string; body: Record<string, unknown> }> = [];

const server = setupServer(
  http.get(rest('/intake_requests'), () => HttpResponse.json(rows)),
  http.get(rest('/staff'), () =>
    HttpResponse.json([
      { id: me, display_name: 'Amara Osei', role: 'concierge' },
      { id: 'jonah', display_name: 'Jonah Weiss', role: 'concierge' },
    ]),
  ),
  http.get(rest('/orders'), () => HttpResponse.json([])),
  http.post(rest('/rpc/:fn'), async ({ params, request: req }) => {
    const fn = String(params.fn);
    const body = (await req.json()) as Record<string, unknown>;
    calls.push({ fn, body });
    const row = rows.find((r) => r.id === body.p_intake_request_id)!;
    if (body.p_expected_version !== row.version) {
      return HttpResponse.json(
        {
          code: 'PT409',
          message: 'Someone else changed this request a moment ago. Reload it and try again.',
          details: null,
          hint: null,
        },
        { status: 409 },
      );
    }
    const changed =
      fn === 'confirm_intake'
        ? { status: 'confirmed', confirmed_at: new Date().toISOString(), assigned_stylist_id: me }
        : fn === 'assign_intake'
          ? { assigned_stylist_id: body.p_stylist_id, status: 'in_review' }
          : {};
    Object.assign(row, changed, { version: row.version + 1 });
    return HttpResponse.json(row);
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  calls.length = 0;
});
afterAll(() => server.close());

function setup(initial: Row[]) {
  rows = initial.map((r) => ({ ...r }));
  const router = createMemoryRouter(
    [{ path: '/intake', element: <IntakeTriageView currentUserId={me} /> }],
    { initialEntries: ['/intake'] },
  );
  renderWithProviders(<RouterProvider router={router} />);
  return { user: userEvent.setup({ delay: null }), router };
}

const queueSection = (name: string) => screen.getByRole('region', { name });
const queueNames = (name: string) =>
  within(queueSection(name))
    .queryAllByRole('button')
    .map((b) => b.querySelector('[data-customer-name]')?.textContent);

// Mantine in jsdom on a shared 2-core machine: a full page render takes seconds.
describe('IntakeTriageView', { timeout: 30_000 }, () => {
  const standard = [
    request('r-fresh', 'Noor F.', 30),
    request('r-old', 'Maya R.', 200),
    request('r-amber', 'Ivy K.', 100),
    request('r-done', 'Zoe Q.', 300, {
      status: 'confirmed',
      confirmed_at: minutesAgo(250),
      path: 'self_serve',
    }),
  ];

  it('lists requests to confirm oldest first, each with its countdown colour', async () => {
    setup(standard);
    await screen.findByRole('button', { name: /Maya R\./ });
    expect(queueNames('To confirm')).toEqual(['Maya R.', 'Ivy K.', 'Noor F.']);
    expect(queueNames('Ready to quote')).toEqual(['Zoe Q.']);
    const status = (name: RegExp) =>
      within(screen.getByRole('button', { name }))
        .getByText(/left|overdue/)
        .closest('[data-status]');
    expect(status(/Maya R\./)).toHaveAttribute('data-status', 'breached');
    expect(status(/Ivy K\./)).toHaveAttribute('data-status', 'due_soon');
    expect(status(/Noor F\./)).toHaveAttribute('data-status', 'on_track');
  });

  it('moves through the queue with j and k, and not while typing', async () => {
    const { user, router } = setup(standard);
    await screen.findByRole('button', { name: /Maya R\./ });

    await user.keyboard('j');
    expect(screen.getByRole('button', { name: /Maya R\./ })).toHaveAttribute(
      'aria-current',
      'true',
    );
    expect(screen.getByRole('heading', { name: 'Maya R.' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?request=r-old');

    await user.keyboard('j');
    await user.keyboard('j');
    expect(screen.getByRole('heading', { name: 'Noor F.' })).toBeInTheDocument();
    await user.keyboard('j');
    // On to the confirmed requests after the ones to confirm, then no further.
    expect(screen.getByRole('heading', { name: 'Zoe Q.' })).toBeInTheDocument();
    await user.keyboard('j');
    expect(screen.getByRole('heading', { name: 'Zoe Q.' })).toBeInTheDocument();
    await user.keyboard('k');
    expect(screen.getByRole('heading', { name: 'Noor F.' })).toBeInTheDocument();

    await user.click(screen.getByLabelText('Why this path'));
    await user.keyboard('jk');
    expect(screen.getByLabelText('Why this path')).toHaveValue('jk');
    expect(screen.getByRole('heading', { name: 'Noor F.' })).toBeInTheDocument();
  });

  it('assigns to me with a and confirms with c, sending the version it showed', async () => {
    const { user } = setup(standard);
    await screen.findByRole('button', { name: /Maya R\./ });
    await user.keyboard('j');
    await user.keyboard('a');
    await waitFor(() => expect(calls.map((c) => c.fn)).toEqual(['assign_intake']));
    expect(calls[0]!.body).toEqual({
      p_intake_request_id: 'r-old',
      p_expected_version: 1,
      p_stylist_id: me,
    });
    await waitFor(() =>
      expect(
        within(screen.getByRole('region', { name: 'Maya R.' })).getByText('You'),
      ).toBeVisible(),
    );

    await user.keyboard('c');
    await waitFor(() =>
      expect(calls.map((c) => c.fn)).toEqual(['assign_intake', 'confirm_intake']),
    );
    expect(calls[1]!.body).toEqual({ p_intake_request_id: 'r-old', p_expected_version: 2 });
    await waitFor(() => expect(queueNames('Ready to quote')).toEqual(['Zoe Q.', 'Maya R.']));
    expect(queueNames('To confirm')).toEqual(['Ivy K.', 'Noor F.']);
  });

  it('puts the request back and says why when the database refuses', async () => {
    const { user } = setup(standard);
    await screen.findByRole('button', { name: /Ivy K\./ });
    // A colleague changed it meanwhile: the page still shows version 1.
    rows.find((r) => r.id === 'r-amber')!.version = 5;
    await user.click(screen.getByRole('button', { name: /Ivy K\./ }));
    await user.keyboard('c');
    expect(
      await screen.findByText(
        'Someone else changed this request a moment ago. Reload it and try again.',
      ),
    ).toBeVisible();
    expect(queueNames('To confirm')).toContain('Ivy K.');
  });

  it('lists the shortcuts with ?', async () => {
    const { user } = setup(standard);
    await screen.findByRole('button', { name: /Maya R\./ });
    await user.keyboard('?');
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const action of [
      'Next request',
      'Previous request',
      'Assign the request to me',
      'Confirm the specs (stops the 2 h clock)',
    ]) {
      expect(within(help).getByText(action)).toBeVisible();
    }
  });

  it('checks the quote before converting, sending nothing until it is valid', async () => {
    const { user } = setup(standard);
    await user.click(await screen.findByRole('button', { name: /Zoe Q\./ }));
    await user.click(screen.getByRole('button', { name: 'Convert to order' }));
    expect(screen.getByText('Enter the quote amount.')).toBeVisible();
    await user.type(screen.getByLabelText(/Quote amount/), '12.345');
    await user.click(screen.getByRole('button', { name: 'Convert to order' }));
    expect(screen.getByText('Use at most two decimals.')).toBeVisible();
    expect(calls).toEqual([]);
  });

  it('needs a reason to decline (d opens the form), and j waits while it is open', async () => {
    const { user, router } = setup(standard);
    await screen.findByRole('button', { name: /Maya R\./ });
    await user.keyboard('j');
    await user.keyboard('d');
    const dialog = await screen.findByRole('dialog', { name: 'Decline this request' });
    await user.click(within(dialog).getByRole('button', { name: 'Decline request' }));
    expect(within(dialog).getByText('Say why the request is declined.')).toBeVisible();
    expect(calls).toEqual([]);
    // Focus is on the dialog's button, not in a field: j still must not move the queue.
    await user.keyboard('j');
    expect(router.state.location.search).toBe('?request=r-old');
  });
});
