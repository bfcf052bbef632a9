// Recording payment as a stylist does it, against mocked PostgREST answers (MSW): offered only
// while the order awaits payment, the quote shown, the form's own checks before anything is
// sent, the version the caller showed sent with it, and a refusal explained inside the form.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { renderWithProviders } from '../../../testing/render';
import { env } from '../../../config/env';
import { RecordPayment } from './RecordPayment';

const rest = (path: string) => `${env.supabaseUrl}/rest/v1${path}`;
const order = {
  id: 'o-1',
  code: 'LP-2026-0042',
  version: 3,
  stage: 'awaiting_payment',
  quote_amount: 4800,
  quote_currency: 'USD',
  created_at: new Date(Date.now() - 3 * 86_400_000).toISOString(),
  paid_at: null,
  payment_method: null,
};
const sent: Array<Record<string, unknown>> = [];
const paidInFull = () =>
  HttpResponse.json({ ...order, stage: 'cad', version: 5, paid_at: new Date().toISOString() });
let answer: () => Response = paidInFull;

const server = setupServer(
  http.get(rest('/orders'), () => HttpResponse.json(order)),
  http.post(rest('/rpc/record_payment'), async ({ request }) => {
    sent.push((await request.json()) as Record<string, unknown>);
    return answer();
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  sent.length = 0;
  answer = paidInFull;
});
afterAll(() => server.close());

describe('RecordPayment', { timeout: 30_000 }, () => {
  it('is offered only while the order awaits payment', () => {
    renderWithProviders(<RecordPayment orderId="o-1" version={3} stage="cad" />);
    expect(screen.queryByRole('button', { name: 'Record payment' })).toBeNull();
  });

  it('shows the quote, checks the form, and sends the version it was given', async () => {
    const onRecorded = vi.fn();
    renderWithProviders(
      <RecordPayment orderId="o-1" version={3} stage="awaiting_payment" onRecorded={onRecorded} />,
    );
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Record payment' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record payment — LP-2026-0042' });
    expect(within(dialog).getByText('$4,800.00')).toBeVisible();

    await user.click(within(dialog).getByRole('button', { name: 'Record full payment' }));
    expect(within(dialog).getByText('Choose how the customer paid.')).toBeVisible();
    const day = within(dialog).getByLabelText(/Paid on/);
    await user.clear(day);
    await user.type(day, '2099-01-01');
    await user.click(within(dialog).getByRole('radio', { name: 'Other installments' }));
    await user.click(within(dialog).getByRole('button', { name: 'Record full payment' }));
    expect(within(dialog).getByText('The payment cannot be in the future.')).toBeVisible();
    expect(sent).toEqual([]);

    await user.clear(day);
    const today = new Date();
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    await user.type(day, iso);
    await user.click(within(dialog).getByRole('button', { name: 'Record full payment' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      p_order_id: 'o-1',
      p_expected_version: 3,
      p_method: 'installment_plan',
    });
    expect(await screen.findByText('Paid in full. The order has moved on to CAD.')).toBeVisible();
    expect(onRecorded).toHaveBeenCalledWith(expect.objectContaining({ stage: 'cad' }));
  });

  it('explains a refusal inside the form and keeps what was chosen', async () => {
    answer = () =>
      HttpResponse.json(
        {
          code: 'PT409',
          message: 'Someone else changed order LP-2026-0042 a moment ago. Reload it and try again.',
          details: null,
          hint: null,
        },
        { status: 409 },
      );
    renderWithProviders(<RecordPayment orderId="o-1" version={2} stage="awaiting_payment" />);
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Record payment' }));
    const dialog = await screen.findByRole('dialog', { name: /Record payment/ });
    await within(dialog).findByText('$4,800.00');
    await user.click(within(dialog).getByRole('radio', { name: 'Card' }));
    await user.click(within(dialog).getByRole('button', { name: 'Record full payment' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(
      'Someone else changed order LP-2026-0042 a moment ago. Reload it and try again.',
    );
    expect(within(dialog).getByRole('radio', { name: 'Card' })).toBeChecked();
  });
});
