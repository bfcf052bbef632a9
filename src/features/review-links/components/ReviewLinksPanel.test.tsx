// The Customer links panel as a stylist uses it, with PostgREST and Realtime mocked at the
// network (MSW): a new link is shown once with Copy link and a prepared email, the list re-reads
// and shows its state, the database's refusal shows in its own words, and a revoke that the
// database refuses puts the link back as it was.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse, ws } from 'msw';
import { setupServer } from 'msw/node';
import { env } from '../../../config/env';
import { renderWithProviders } from '../../../testing/render';
import { ReviewLinksPanel } from './ReviewLinksPanel';

const rest = (path: string) => `${env.supabaseUrl}/rest/v1${path}`;
const realtime = ws.link(`${env.supabaseUrl.replace(/^http/, 'ws')}/realtime/v1/websocket`);
type Frame = [string | null, string | null, string, string, Record<string, unknown>];

const TOKEN = 'Zq3'.repeat(14) + 'x';
const order = {
  id: '11111111-1111-4111-8111-111111111111',
  code: 'LP-2026-0042',
  stage: 'cad' as const,
  cad_state: 'with_customer' as const,
  product_name: 'Oval solitaire',
};

function linkRow(overrides: Record<string, unknown> = {}) {
  return {
    id: 'link-1',
    order_id: order.id,
    kind: 'cad_review',
    cad_round: 0,
    show_quote: false,
    created_by_name: 'Amara Osei',
    created_at: '2026-11-23T14:00:00Z',
    expires_at: '2026-11-30T14:00:00Z',
    revoked_at: null,
    opened_at: null,
    last_opened_at: null,
    decided_at: null,
    decision: null,
    decision_note: null,
    state: 'sent',
    round_open: true,
    ...overrides,
  };
}

let links: Record<string, unknown>[] = [];
const server = setupServer(
  realtime.addEventListener('connection', ({ client }) => {
    client.addEventListener('message', (event) => {
      const [joinRef, ref, topic, name] = JSON.parse(String(event.data)) as Frame;
      if (name === 'phx_join' || name === 'heartbeat') {
        client.send(
          JSON.stringify([joinRef, ref, topic, 'phx_reply', { status: 'ok', response: {} }]),
        );
      }
    });
  }),
  http.get(rest('/review_link_list'), () => HttpResponse.json(links)),
  http.get(rest('/workshop_settings'), () =>
    HttpResponse.json({ house_name: 'Loupe Fine Jewelry', review_link_days: 7 }),
  ),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  links = [];
});
afterAll(() => server.close());

describe('the Customer links panel', () => {
  it('shows a new link once, with Copy link and a prepared email, and lists it as sent', async () => {
    let asked: unknown;
    server.use(
      http.post(rest('/rpc/create_review_link'), async ({ request }) => {
        asked = await request.json();
        links = [linkRow()];
        return HttpResponse.json({
          id: 'link-1',
          token: TOKEN,
          expires_at: '2026-11-30T14:00:00Z',
          kind: 'cad_review',
          cad_round: 0,
        });
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<ReviewLinksPanel order={order} />);
    expect(await screen.findByText('No links yet for this order.')).toBeVisible();
    expect(screen.getByText(/A new link works for 7 days/)).toBeVisible();

    await user.click(screen.getByRole('switch', { name: 'Show the quote on the new link' }));
    await user.click(screen.getByRole('button', { name: 'Create review link' }));
    const box = await screen.findByRole('textbox', { name: 'Link for the customer' });
    expect(box).toHaveValue(`${window.location.origin}/r/${TOKEN}`);
    expect(asked).toEqual({ p_order_id: order.id, p_kind: 'cad_review', p_show_quote: true });
    const mail = screen.getByRole('link', { name: 'Email the customer' });
    const params = new URLSearchParams(mail.getAttribute('href')!.replace(/^mailto:\?/, ''));
    expect(params.get('subject')).toContain('Oval solitaire');
    expect(params.get('body')).toContain(`/r/${TOKEN}`);
    expect(params.get('body')).toContain('Loupe Fine Jewelry');

    const list = await screen.findByRole('list', { name: 'Customer links' });
    expect(
      within(list).getByRole('listitem', { name: 'Design review · first design: Sent' }),
    ).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('textbox', { name: 'Link for the customer' })).toBeNull();
    expect(document.body.textContent).not.toContain(TOKEN);
  });

  it("shows the database's refusal in its own words and no link", async () => {
    server.use(
      http.post(rest('/rpc/create_review_link'), () =>
        HttpResponse.json(
          {
            code: 'LP120',
            message: 'LP-2026-0042 is cancelled: it cannot get a customer link.',
            details: null,
            hint: null,
          },
          { status: 400 },
        ),
      ),
    );
    const user = userEvent.setup();
    renderWithProviders(<ReviewLinksPanel order={order} />);
    await user.click(await screen.findByRole('button', { name: 'Create status link' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'LP-2026-0042 is cancelled: it cannot get a customer link.',
    );
    expect(screen.queryByRole('textbox', { name: 'Link for the customer' })).toBeNull();
  });

  it('offers a review link only while the design is with the customer', async () => {
    renderWithProviders(<ReviewLinksPanel order={{ ...order, cad_state: 'drafting' }} />);
    expect(await screen.findByRole('button', { name: 'Create review link' })).toBeDisabled();
    expect(screen.getByText(/for a design that has been sent to the customer/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Create status link' })).toBeEnabled();
  });

  it('puts a link back as it was when the database refuses to revoke it', async () => {
    links = [linkRow({ state: 'opened', opened_at: '2026-11-23T15:00:00Z' })];
    server.use(
      http.post(rest('/rpc/revoke_review_link'), () =>
        HttpResponse.json(
          {
            code: 'PT403',
            message: 'Only a stylist or a manager can revoke a link.',
            details: null,
            hint: null,
          },
          { status: 403 },
        ),
      ),
    );
    const user = userEvent.setup();
    renderWithProviders(<ReviewLinksPanel order={order} />);
    const item = await screen.findByRole('listitem', { name: /Opened/ });
    await user.click(within(item).getByRole('button', { name: 'Revoke' }));
    await user.click(within(item).getByRole('button', { name: 'Revoke link' }));
    expect(await screen.findByText('Only a stylist or a manager can revoke a link.')).toBeVisible();
    await waitFor(() =>
      expect(
        screen.getByRole('listitem', { name: 'Design review · first design: Opened' }),
      ).toBeVisible(),
    );
  });
});
