// Changing an order's details from the header: the change shows at once, and when the database
// refuses it (someone else changed the order first) the old value comes back and the person is
// told in the database's words.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { useQuery } from '@tanstack/react-query';
import { renderWithProviders } from '../../../testing/render';
import { createQueryClient } from '../../../lib/query-client';
import { env } from '../../../config/env';
import { workspaceQueries } from '../api/workspace-queries';
import type { WorkspaceOrder } from '../api/order-query';
import { OrderDetailsControls } from './OrderDetailsControls';

const rest = (path: string) => `${env.supabaseUrl}/rest/v1${path}`;
const code = 'LP-2026-0100';
const order = {
  id: '7f000000-0000-4000-8000-000000000100',
  code,
  version: 4,
  assignee_id: null,
  priority: 0,
  promised_date: '2026-12-20',
} as WorkspaceOrder['order'];

const server = setupServer(
  http.get(rest('/staff'), () =>
    HttpResponse.json([
      { id: '0a5e1000-0000-4000-8000-000000000002', display_name: 'Tomás Reyes', role: 'workshop' },
    ]),
  ),
);
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  // jsdom has no layout; Mantine's option list scrolls the selected option into view.
  Element.prototype.scrollIntoView ??= () => undefined;
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** The header reads the order from the cache, as the workspace does. */
function Harness() {
  const { data } = useQuery({ ...workspaceQueries.order(code), staleTime: Infinity });
  return data ? <OrderDetailsControls order={data.order} /> : null;
}

function setup() {
  const queryClient = createQueryClient();
  queryClient.setQueryData(workspaceQueries.order(code).queryKey, {
    order,
    card: null,
    customerName: 'Maya R.',
    contact: null,
    intake: null,
  } satisfies WorkspaceOrder);
  renderWithProviders(<Harness />, queryClient);
  return { queryClient, user: userEvent.setup() };
}

describe('OrderDetailsControls', () => {
  it('puts the priority back and says why when someone else changed the order first', async () => {
    server.use(
      http.post(rest('/rpc/update_order_details'), async () => {
        await delay(150);
        return HttpResponse.json(
          {
            code: 'PT409',
            message: `Someone else changed order ${code} a moment ago. Reload it and try again.`,
            details: 'current version 5, expected 4',
            hint: null,
          },
          { status: 409 },
        );
      }),
      // After the refusal the workspace re-reads the order.
      http.get(rest('/orders'), () => HttpResponse.json(null, { status: 500 })),
      http.get(rest('/order_board'), () => HttpResponse.json(null)),
    );
    const { user } = setup();
    const priority = screen.getByRole('combobox', { name: 'Priority' });
    expect(priority).toHaveValue('Normal');

    await user.click(priority);
    await user.click(await screen.findByRole('option', { name: 'Rush', hidden: true }));
    // Optimistic: shown at once.
    expect(screen.getByRole('combobox', { name: 'Priority' })).toHaveValue('Rush');

    expect(
      await screen.findByText(
        `Someone else changed order ${code} a moment ago. Reload it and try again.`,
      ),
    ).toBeVisible();
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Priority' })).toHaveValue('Normal'),
    );
  });

  it('sends the change with the version on screen', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.post(rest('/rpc/update_order_details'), async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({ ...order, priority: 2, version: 5 });
      }),
      http.get(rest('/orders'), () => HttpResponse.json(null, { status: 500 })),
      http.get(rest('/order_board'), () => HttpResponse.json(null)),
      http.get(rest('/order_events'), () => HttpResponse.json([])),
    );
    const { user, queryClient } = setup();
    await user.click(screen.getByRole('combobox', { name: 'Priority' }));
    await user.click(await screen.findByRole('option', { name: 'Top priority', hidden: true }));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toEqual({
      p_order_id: order.id,
      p_expected_version: 4,
      p_changes: { priority: 2 },
    });
    await waitFor(() =>
      expect(
        queryClient.getQueryData<WorkspaceOrder>(workspaceQueries.order(code).queryKey)?.order
          .version,
      ).toBe(5),
    );
  });
});
