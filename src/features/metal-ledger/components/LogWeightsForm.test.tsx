// The bench's weights form (network mocked with MSW in PostgREST's shapes): the step's running
// totals, a return the database refuses shown in its own words with the totals put back, and a
// return it accepts calling onDone.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { env } from '../../../config/env';
import { renderWithProviders } from '../../../testing/render';
import { LogWeightsForm } from './LogWeightsForm';

const orderId = '0a5e1000-0000-4000-8000-0000000000bb';
const rest = (path: string) => `${env.supabaseUrl}/rest/v1${path}`;

const casting = {
  order_id: orderId,
  order_code: 'LP-2026-0042',
  metal: 'platinum',
  step: 'casting',
  applicable: true,
  needs_weights: true,
  done_at: null,
  issued_grams: 10,
  returned_grams: 0,
  recovered_grams: 0,
  balance_grams: 10,
  status: 'open',
  on_floor_grams: 10,
  loss_grams: null,
  loss_pct: null,
  norm_pct: 5,
  flagged: false,
  held_by: 'w-1',
  held_by_name: 'Tomás Reyes',
  last_entry_at: '2026-11-23T09:00:00Z',
  closed_at: null,
};

let steps: Array<Record<string, unknown>> = [casting];
const server = setupServer(http.get(rest('/metal_ledger_steps'), () => HttpResponse.json(steps)));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  steps = [casting];
});
afterAll(() => server.close());

describe('LogWeightsForm', () => {
  it('shows the step so far and offers the return while metal is out', async () => {
    renderWithProviders(<LogWeightsForm orderId={orderId} step="casting" />);
    const sofar = await screen.findByLabelText('Casting so far');
    // Issued 10 g and all of it still out at the bench; nothing back yet.
    expect(within(sofar).getAllByText('10.00 g')).toHaveLength(2);
    expect(within(sofar).getByText('Out at the bench')).toBeVisible();
    expect(within(sofar).getAllByText('0.00 g')).toHaveLength(2);
    expect(screen.getByRole('radio', { name: 'Return metal' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Log metal returned' })).toBeEnabled();
  });

  it('shows the database’s refusal of an over-return and leaves the totals as they were', async () => {
    const user = userEvent.setup();
    server.use(
      http.post(rest('/rpc/record_metal_return'), async () => {
        await delay(50);
        return HttpResponse.json(
          {
            code: 'LP141',
            message:
              'Casting of order LP-2026-0042 would give back 10.40 g but only 10.00 g was issued. Check the scale, or log the metal issued first.',
            details: null,
            hint: null,
          },
          { status: 400 },
        );
      }),
    );
    const onDone = vi.fn();
    renderWithProviders(<LogWeightsForm orderId={orderId} step="casting" onDone={onDone} />);
    await user.type(await screen.findByLabelText('Piece returned (g)'), '9.9');
    await user.type(screen.getByLabelText('Scrap and sprue recovered (g)'), '0.5');
    await user.click(screen.getByRole('button', { name: 'Log metal returned' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('would give back 10.40 g but only 10.00 g was issued');
    const sofar = screen.getByLabelText('Casting so far');
    await waitFor(() => expect(within(sofar).getAllByText('0.00 g')).toHaveLength(2));
    expect(onDone).not.toHaveBeenCalled();
    // What was typed stays, so the jeweller can re-weigh and fix one number.
    expect(screen.getByLabelText('Piece returned (g)')).toHaveValue('9.9');
  });

  it('refuses an empty or zero weight before sending anything', async () => {
    const user = userEvent.setup();
    steps = [
      { ...casting, status: 'none', issued_grams: 0, balance_grams: 0, on_floor_grams: null },
    ];
    renderWithProviders(<LogWeightsForm orderId={orderId} step="casting" />);
    expect(await screen.findByRole('radio', { name: 'Issue metal' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Log metal issued' }));
    expect(screen.getByText('Enter the weight in grams.')).toBeVisible();
    await user.type(screen.getByLabelText('Grams issued for casting'), '0');
    await user.click(screen.getByRole('button', { name: 'Log metal issued' }));
    expect(screen.getByText('Enter a weight above 0 g.')).toBeVisible();
  });

  it('logs an accepted return and tells the bench card it is done', async () => {
    const user = userEvent.setup();
    let sent: unknown = null;
    server.use(
      http.post(rest('/rpc/record_metal_return'), async ({ request }) => {
        sent = await request.json();
        steps = [
          {
            ...casting,
            returned_grams: 9.2,
            recovered_grams: 0.5,
            balance_grams: 0.3,
            status: 'closed',
            on_floor_grams: null,
            loss_grams: 0.3,
            loss_pct: 3,
          },
        ];
        return HttpResponse.json({ id: 'e-2', kind: 'return' });
      }),
    );
    const onDone = vi.fn();
    renderWithProviders(<LogWeightsForm orderId={orderId} step="casting" onDone={onDone} />);
    await user.type(await screen.findByLabelText('Piece returned (g)'), '9.2');
    await user.type(screen.getByLabelText('Scrap and sprue recovered (g)'), '0.5');
    await user.click(screen.getByRole('button', { name: 'Log metal returned' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(sent).toEqual({
      p_order_id: orderId,
      p_step: 'casting',
      p_returned_grams: 9.2,
      p_recovered_grams: 0.5,
    });
    expect(await screen.findByText('0.30 g · 3.00 %')).toBeVisible();
  });
});
