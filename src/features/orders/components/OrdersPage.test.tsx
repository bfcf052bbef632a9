// The orders page as a person uses it, with PostgREST mocked at the network boundary by MSW:
// the exact count from Content-Range, sorting by a header (the request carries the order),
// Enter on a focused row opening the order, the empty state, and a failed load explained.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { env } from '../../../config/env';
import { renderWithProviders } from '../../../testing/render';
import { defaultTableState, type OrdersTableState } from '../lib/table-state';
import type { OrderListRow } from '../lib/order-cells';
import { OrdersPage } from './OrdersPage';

const rest = (path: string) => `${env.supabaseUrl}/rest/v1${path}`;

function row(n: number, change: Partial<OrderListRow> = {}): OrderListRow {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    code: `LP-2026-${String(n).padStart(4, '0')}`,
    stage: 'production',
    product: 'bespoke_ring',
    product_name: 'Oval solitaire',
    metal: 'platinum',
    priority: 0,
    customer_display_name: `Customer ${n}`,
    stage_entered_at: '2026-11-10T15:00:00Z',
    time_in_stage: 9,
    time_in_stage_unit: 'business_days',
    sla_status: 'green',
    promised_date: '2026-12-20',
    is_late: false,
    assignee_id: null,
    assignee_name: 'Tomás Reyes',
    paid_at: '2026-11-01T15:00:00Z',
    paid_on: '2026-11-01',
    cad_rounds_used: 1,
    created_at: '2026-10-30T15:00:00Z',
    created_on: '2026-10-30',
    ...change,
  };
}

const requests: URL[] = [];
let answer: () => Response = () => HttpResponse.json([]);
const server = setupServer(
  http.get(rest('/order_list'), ({ request }) => {
    requests.push(new URL(request.url));
    return answer();
  }),
  http.get(rest('/staff'), () =>
    HttpResponse.json([{ id: 'a', display_name: 'Tomás Reyes', role: 'workshop' }]),
  ),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  requests.length = 0;
});
afterAll(() => server.close());

function page(rows: OrderListRow[], total: number, from = 0) {
  const range = rows.length ? `${from}-${from + rows.length - 1}` : '*';
  return HttpResponse.json(rows, { headers: { 'Content-Range': `${range}/${total}` } });
}

function Harness({
  onOpen,
  initial = defaultTableState,
}: {
  onOpen: (code: string) => void;
  initial?: OrdersTableState;
}) {
  const [state, setState] = useState<OrdersTableState>(initial);
  return <OrdersPage state={state} onChange={(next) => setState(next)} onOpenOrder={onOpen} />;
}

// Real timers and a full render per test: generous time on a machine shared by many runs.
describe('orders page', { timeout: 20_000 }, () => {
  it('shows the exact count, sorts on the server and opens a row with Enter', async () => {
    answer = () => page([row(2), row(1, { sla_status: 'red', is_late: true })], 10_000);
    const onOpen = vi.fn();
    renderWithProviders(<Harness onOpen={onOpen} />);

    expect(await screen.findByText('Showing 1–2 of 10,000 orders')).toBeVisible();
    const table = screen.getByRole('table', { name: 'Orders' });
    expect(within(table).getByText('LP-2026-0002')).toBeVisible();
    expect(within(table).getByText('SLA late')).toBeInTheDocument();
    // The first request asks for an exact count and the newest first.
    expect(requests[0]!.searchParams.get('order')).toBe(
      'created_at.desc.nullslast,id.asc.nullslast',
    );
    expect(requests[0]!.searchParams.get('limit')).toBe('50');

    const user = userEvent.setup();
    await user.click(within(table).getByRole('button', { name: /^Order/ }));
    await waitFor(() =>
      expect(requests.at(-1)!.searchParams.get('order')).toBe(
        'code_sort.asc.nullslast,id.asc.nullslast',
      ),
    );
    expect(screen.getByRole('columnheader', { name: /^Order/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );

    const first = within(table).getByRole('row', { name: /LP-2026-0002/ });
    first.focus();
    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledWith('LP-2026-0002');
  });

  it('explains an empty result and offers to clear the filters', async () => {
    answer = () => page([], 0);
    renderWithProviders(
      <Harness onOpen={() => undefined} initial={{ ...defaultTableState, stages: ['qc'] }} />,
    );
    expect(await screen.findByText('No orders match these filters')).toBeVisible();
    expect(requests.at(-1)!.searchParams.get('stage')).toBe('in.(qc)');
    answer = () => page([row(7)], 1);
    const clear = screen.getAllByRole('button', { name: 'Clear filters' });
    await userEvent.setup().click(clear.at(-1)!);
    expect(await screen.findByText('Showing 1–1 of 1 order')).toBeVisible();
    expect(requests.at(-1)!.searchParams.get('stage')).toBeNull();
  });

  it('says what went wrong when the list cannot load, with a retry', async () => {
    answer = () =>
      HttpResponse.json(
        {
          code: '42501',
          message: 'permission denied for view order_list',
          details: null,
          hint: null,
        },
        { status: 403 },
      );
    renderWithProviders(<Harness onOpen={() => undefined} />);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText("You don't have permission to do that.")).toBeVisible();
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible();
  });
});
