// The CAD section as a stylist uses it: the tweak cap explained on a disabled button, the note
// the tweak form requires, and the database's refusal shown in the dialog with the note kept.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { renderWithProviders } from '../../../testing/render';
import { env } from '../../../config/env';
import { CadSection, type CadSectionOrder } from './CadSection';

const rest = (path: string) => `${env.supabaseUrl}/rest/v1${path}`;
const orderId = '7f000000-0000-4000-8000-000000000001';

function revision(kind: 'initial' | 'tweak', round: number, note: string | null) {
  return {
    id: crypto.randomUUID(),
    order_id: orderId,
    kind,
    round,
    note,
    requested_by: null,
    requester: { display_name: 'Amara Osei' },
    created_at: `2026-11-0${round + 1}T10:00:00Z`,
    render_attachment_id: null,
  };
}

function roundsUsed(n: number) {
  const revisions = [revision('initial', 0, null)];
  for (let r = 1; r <= n; r++) revisions.push(revision('tweak', r, `Tweak ${r}`));
  return [
    http.get(rest('/cad_revisions'), () => HttpResponse.json(revisions)),
    http.get(rest('/attachments'), () => HttpResponse.json([])),
  ];
}

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const order: CadSectionOrder = {
  id: orderId,
  code: 'LP-2026-0042',
  version: 7,
  stage: 'cad',
  cad_state: 'with_customer',
};

describe('CadSection', () => {
  it('disables "Log tweak request" at 2/2 and says why under the button', async () => {
    server.use(...roundsUsed(2));
    renderWithProviders(<CadSection order={order} onOrderChange={vi.fn()} />);

    expect(await screen.findByText('Tweak rounds 2/2')).toBeVisible();
    const button = screen.getByRole('button', { name: 'Log tweak request' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(
      'Both tweak rounds are used (2/2). Any further change is a major change: re-quote it with the customer first.',
    );
    // A major change is still possible, and approval is.
    expect(screen.getByRole('button', { name: 'Record major change' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Mark approved' })).toBeEnabled();
    expect(screen.getByText('Customer feedback: “Tweak 2”', { exact: false })).toBeVisible();
  });

  it('asks what the customer wants changed before sending the tweak', async () => {
    server.use(...roundsUsed(1));
    const calls: unknown[] = [];
    server.use(
      http.post(rest('/rpc/request_cad_tweak'), async ({ request }) => {
        calls.push(await request.json());
        return HttpResponse.json({ ...order, version: 8, cad_state: 'tweak_requested' });
      }),
    );
    const onOrderChange = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<CadSection order={order} onOrderChange={onOrderChange} />);

    await user.click(await screen.findByRole('button', { name: 'Log tweak request' }));
    const dialog = await screen.findByRole('dialog', { name: /round 2 of 2/ });
    await user.click(within(dialog).getByRole('button', { name: 'Log tweak request' }));
    expect(within(dialog).getByText('Say what the customer wants changed.')).toBeVisible();
    expect(calls).toEqual([]);

    await user.type(
      within(dialog).getByLabelText(/What does the customer want changed/),
      'Lower setting',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Log tweak request' }));
    await vi.waitFor(() => expect(onOrderChange).toHaveBeenCalled());
    // The version the person saw goes with the act: the database refuses a stale one.
    expect(calls).toEqual([
      { p_order_id: orderId, p_expected_version: 7, p_note: 'Lower setting' },
    ]);
    expect(onOrderChange.mock.calls[0]![0]).toMatchObject({
      version: 8,
      cad_state: 'tweak_requested',
    });
  });

  it('shows the database’s refusal in the dialog and keeps the note', async () => {
    server.use(
      ...roundsUsed(1),
      http.post(rest('/rpc/request_cad_tweak'), () =>
        HttpResponse.json(
          {
            code: 'LP030',
            message:
              'This order has used both tweak rounds. Any further change is a major change: re-quote it with the customer first.',
            details: null,
            hint: null,
          },
          { status: 400 },
        ),
      ),
    );
    const user = userEvent.setup();
    renderWithProviders(<CadSection order={order} onOrderChange={vi.fn()} />);
    await user.click(await screen.findByRole('button', { name: 'Log tweak request' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(
      within(dialog).getByLabelText(/What does the customer want changed/),
      'Wider band',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Log tweak request' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'This order has used both tweak rounds.',
    );
    expect(within(dialog).getByLabelText(/What does the customer want changed/)).toHaveValue(
      'Wider band',
    );
  });

  it('explains that a major change sends the order back for re-quote', async () => {
    server.use(...roundsUsed(0));
    const user = userEvent.setup();
    renderWithProviders(<CadSection order={order} onOrderChange={vi.fn()} />);
    await user.click(await screen.findByRole('button', { name: 'Record major change' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record a major change' });
    expect(dialog).toHaveTextContent(/back to awaiting payment/);
    expect(dialog).toHaveTextContent(/re-quotes the new scope/);
    await user.click(
      within(dialog).getByRole('button', { name: 'Record major change and re-quote' }),
    );
    expect(
      within(dialog).getByText('Describe the major change the customer asked for.'),
    ).toBeVisible();
  });
});
