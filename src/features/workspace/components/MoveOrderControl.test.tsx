// "Move to…" as a person uses it: a hold needs a reason before anything is sent, and a refusal
// from the database stays in the dialog in its own words.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { renderWithProviders } from '../../../testing/render';
import { env } from '../../../config/env';
import { MoveOrderControl } from './MoveOrderControl';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const order = {
  id: '7f000000-0000-4000-8000-000000000002',
  code: 'LP-2026-0077',
  stage: 'cad' as const,
  resume_stage: null,
  version: 3,
};

describe('MoveOrderControl', () => {
  it('asks why before putting an order on hold', async () => {
    const user = userEvent.setup();
    renderWithProviders(<MoveOrderControl order={order} />);
    await user.click(screen.getByRole('button', { name: 'Move to…' }));
    await user.click(await screen.findByRole('menuitem', { name: 'On hold' }));
    const dialog = await screen.findByRole('dialog', { name: 'Move LP-2026-0077 to On hold' });
    await user.click(within(dialog).getByRole('button', { name: 'Move to on hold' }));
    expect(within(dialog).getByText('Say why the order is going on hold.')).toBeVisible();
  });

  it('shows the database’s reason when it refuses the move', async () => {
    server.use(
      http.post(`${env.supabaseUrl}/rest/v1/rpc/move_order`, () =>
        HttpResponse.json(
          {
            code: 'LP011',
            message: 'The customer has not approved the CAD design for LP-2026-0077 yet.',
            details: null,
            hint: null,
          },
          { status: 400 },
        ),
      ),
    );
    const user = userEvent.setup();
    renderWithProviders(<MoveOrderControl order={order} />);
    await user.click(screen.getByRole('button', { name: 'Move to…' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Production' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Move to production' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The customer has not approved the CAD design for LP-2026-0077 yet.',
    );
  });
});
