// The inventory page's melee tab as the workshop uses it (network mocked with MSW in
// PostgREST's shapes): the lots with what is left, and receiving a new lot — sent without what
// is left (the database starts it full) and listed once the database has it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { MemoryRouter } from 'react-router';
import { env } from '../../../config/env';
import { renderWithProviders } from '../../../testing/render';
import { StonesPage } from './StonesPage';

const rest = (path: string) => `${env.supabaseUrl}/rest/v1${path}`;
const lot = (code: string, left: number) => ({
  id: `lot-${code}`,
  lot_code: code,
  shape: 'Round',
  size_mm: 1.3,
  colour: 'G-H',
  clarity: 'VS',
  count_received: 500,
  carat_received: 5,
  count_left: left,
  carat_left: left / 100,
  received_by: null,
  received_at: '2026-10-01T10:00:00Z',
});

let lots = [lot('ML-1.3-GH-VS', 320)];
let posted: Record<string, unknown> | null = null;
const server = setupServer(
  http.get(rest('/melee_lots'), () => HttpResponse.json(lots)),
  http.post(rest('/melee_lots'), async ({ request }) => {
    posted = (await request.json()) as Record<string, unknown>;
    lots = [...lots, lot(String(posted.lot_code), Number(posted.count_received))];
    return HttpResponse.json({ id: 'new-lot' }, { status: 201 });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('melee lots on /stones', () => {
  it('lists what is left of each lot and receives a new one', { timeout: 20_000 }, async () => {
    const user = userEvent.setup();
    renderWithProviders(
      <MemoryRouter initialEntries={['/stones?tab=melee']}>
        <StonesPage canWrite />
      </MemoryRouter>,
    );
    const table = await screen.findByRole('table', { name: 'Melee lots' }, { timeout: 5_000 });
    expect(within(table).getByText('320 of 500')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Receive melee lot' }));
    const dialog = await screen.findByRole('dialog', { name: 'Receive a melee lot' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Lot code' }), 'ml-1.0-def');
    await user.type(within(dialog).getByRole('textbox', { name: 'Stones received' }), '200');
    await user.type(within(dialog).getByRole('textbox', { name: 'Total carats' }), '1');
    await user.click(within(dialog).getByRole('button', { name: 'Receive lot' }));

    expect(
      await within(table).findByText('ML-1.0-DEF', undefined, { timeout: 5_000 }),
    ).toBeVisible();
    expect(posted).toMatchObject({
      lot_code: 'ML-1.0-DEF',
      count_received: 200,
      carat_received: 1,
    });
    expect(posted).not.toHaveProperty('count_left');
  });
});
