// The Customer links settings as a manager uses them, with PostgREST mocked at the network
// (MSW): the saved values load, a change is saved as typed, and a value the database refuses
// leaves the typed values in place with a notification.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { env } from '../../../config/env';
import { renderWithProviders } from '../../../testing/render';
import { CustomerLinksPanel } from './CustomerLinksPanel';

const rest = (path: string) => `${env.supabaseUrl}/rest/v1${path}`;
let stored = {
  house_name: 'Loupe Fine Jewelry',
  review_link_days: 7,
  review_link_max_failures: 20,
  review_link_failure_window_minutes: 15,
};
const server = setupServer(http.get(rest('/workshop_settings'), () => HttpResponse.json(stored)));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('the Customer links settings', () => {
  it('saves a new link lifetime and house name as typed', async () => {
    let sent: unknown;
    server.use(
      http.patch(rest('/workshop_settings'), async ({ request }) => {
        sent = await request.json();
        stored = { ...stored, ...(sent as typeof stored) };
        return HttpResponse.json(stored);
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<CustomerLinksPanel />);
    const days = await screen.findByRole('textbox', { name: /A new link stays valid for/ });
    expect(days).toHaveValue('7');
    await user.clear(days);
    await user.type(days, '10');
    const name = screen.getByRole('textbox', { name: /House name/ });
    await user.clear(name);
    await user.type(name, 'Maison Loupe');
    await user.click(screen.getByRole('button', { name: 'Save customer link settings' }));
    await waitFor(() =>
      expect(sent).toMatchObject({ house_name: 'Maison Loupe', review_link_days: 10 }),
    );
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Save customer link settings' })).toBeDisabled(),
    );
  });

  it('keeps what was typed and shows the database sentence when it refuses', async () => {
    server.use(
      http.patch(rest('/workshop_settings'), () =>
        HttpResponse.json(
          {
            code: '42501',
            message: 'Only a manager can change the house settings.',
            details: null,
            hint: null,
          },
          { status: 400 },
        ),
      ),
    );
    const user = userEvent.setup();
    renderWithProviders(<CustomerLinksPanel />);
    const days = await screen.findByRole('textbox', { name: /A new link stays valid for/ });
    await user.clear(days);
    await user.type(days, '14');
    await user.click(screen.getByRole('button', { name: 'Save customer link settings' }));
    expect(await screen.findByText('That did not work')).toBeVisible();
    expect(days).toHaveValue('14');
  });
});
