// The workspace's "Allocated stones" as the workshop uses it (network mocked with MSW in
// PostgREST's shapes): the stones on the order with their state, a release that goes at once,
// and one the database refuses coming back with the database's sentence.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { env } from '../../../config/env';
import { renderWithProviders } from '../../../testing/render';
import { OrderStonesPanel } from './OrderStonesPanel';

const orderId = '0a5e1000-0000-4000-8000-0000000000bb';
const rest = (path: string) => `${env.supabaseUrl}/rest/v1${path}`;
const order = { id: orderId, code: 'LP-2026-0042', stage: 'production', has_stones: true };

const allocation = (over: Record<string, unknown>) => ({
  allocation_id: 'a-1',
  order_id: orderId,
  order_code: order.code,
  kind: 'certified',
  state: 'allocated',
  stone_id: 's-1',
  lab: 'GIA',
  report_number: '2200000004',
  carat: 1.02,
  colour: 'F',
  clarity: 'VS1',
  shape: 'Oval',
  melee_lot_id: null,
  lot_code: null,
  size_mm: null,
  stone_count: 1,
  allocated_at: '2026-11-20T10:00:00Z',
  allocated_by: null,
  set_at: null,
  ...over,
});

const stones = [
  allocation({}),
  allocation({
    allocation_id: 'a-2',
    kind: 'melee',
    state: 'set',
    stone_id: null,
    lab: null,
    report_number: null,
    carat: 0.24,
    colour: 'G-H',
    clarity: 'VS',
    shape: 'Round',
    melee_lot_id: 'l-1',
    lot_code: 'ML-1.3-GH-VS',
    stone_count: 24,
  }),
];

const server = setupServer(
  http.get(rest('/order_stone_allocations'), () => HttpResponse.json(stones)),
  http.get(rest('/stone_inventory'), () => HttpResponse.json([])),
  http.get(rest('/melee_lots'), () => HttpResponse.json([])),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('Allocated stones', () => {
  it('lists each stone with its report number or lot, and its state', async () => {
    renderWithProviders(<OrderStonesPanel order={order} canWrite={false} />);
    const table = await screen.findByRole(
      'table',
      { name: 'Stones on this order' },
      { timeout: 5_000 },
    );
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('GIA 2200000004');
    expect(rows[1]).toHaveTextContent('Allocated');
    expect(rows[2]).toHaveTextContent('24 × melee ML-1.3-GH-VS');
    expect(rows[2]).toHaveTextContent('Set');
    // Read-only for QC and concierge: nothing to press.
    expect(screen.queryByRole('button', { name: /Release/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Allocate stone' })).toBeNull();
  });

  it('a release the database refuses comes back and says why', { timeout: 15_000 }, async () => {
    server.use(
      http.post(rest('/rpc/release_stone_allocation'), async () => {
        await delay(150);
        return HttpResponse.json(
          {
            code: 'LP115',
            message: 'This stone is already set in the piece; only a manager can release it.',
            details: null,
            hint: null,
          },
          { status: 400 },
        );
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<OrderStonesPanel order={order} canWrite />);
    // Generous waits: the suite shares two cores with the other specs.
    const release = await screen.findByRole(
      'button',
      { name: 'Release 24 × melee ML-1.3-GH-VS' },
      { timeout: 5_000 },
    );
    await user.click(release);
    // Optimistic: gone at once, before the server answers.
    expect(screen.queryByRole('button', { name: 'Release 24 × melee ML-1.3-GH-VS' })).toBeNull();
    expect(
      await screen.findByText(
        'This stone is already set in the piece; only a manager can release it.',
        undefined,
        { timeout: 5_000 },
      ),
    ).toBeVisible();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Release 24 × melee ML-1.3-GH-VS' })).toBeVisible(),
    );
  });

  it('says so when a piece has no stones, and offers no allocation', async () => {
    server.use(http.get(rest('/order_stone_allocations'), () => HttpResponse.json([])));
    renderWithProviders(<OrderStonesPanel order={{ ...order, has_stones: false }} canWrite />);
    expect(
      await screen.findByText('This piece has no stones.', undefined, { timeout: 5_000 }),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Allocate stone' })).toBeNull();
  });
});
