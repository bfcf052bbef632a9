// The customer's page as they see it, with the database's answers mocked at the network (MSW):
// the same calm page for a link that does not work, the design with its three choices, the
// tweak allowance, a decision that turns the page read-only, and the database's refusal shown
// beside the note without losing it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { env } from '../../../config/env';
import { renderWithProviders } from '../../../testing/render';
import { makeReviewCad, makeReviewPage } from '../testing/review-page-factory';
import { ReviewPage } from './ReviewPage';

const TOKEN = 'tok_' + 'a'.repeat(39);
const rpc = (name: string) => `${env.supabaseUrl}/rest/v1/rpc/${name}`;

type Seen = { headers: Headers; body: unknown; url: string };
const seen: Seen[] = [];

const server = setupServer(
  http.post(`${env.supabaseUrl}/storage/v1/object/sign/*`, async ({ request }) => {
    seen.push({ headers: request.headers, body: await request.json(), url: request.url });
    const path = new URL(request.url).pathname.replace('/storage/v1/object/sign/', '');
    return HttpResponse.json({ signedURL: `/object/sign/${path}?token=signed` });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
});
afterAll(() => server.close());

function answerPage(page: Record<string, unknown>) {
  server.use(
    http.post(rpc('review_page'), async ({ request }) => {
      seen.push({ headers: request.headers, body: await request.json(), url: request.url });
      return HttpResponse.json(page);
    }),
  );
}

describe('the customer review page', () => {
  it('shows one calm page for a link that does not work, and sends the token only in the body and header', async () => {
    answerPage({ status: 'invalid' });
    renderWithProviders(<ReviewPage token={TOKEN} />);
    expect(await screen.findByRole('heading', { name: 'This link is not working' })).toBeVisible();
    expect(screen.queryByRole('button', { name: /approve/i })).toBeNull();
    const call = seen.find((s) => s.url.endsWith('/rpc/review_page'))!;
    expect(call.body).toEqual({ p_token: TOKEN });
    expect(call.headers.get('x-review-token')).toBe(TOKEN);
    expect(call.url).not.toContain(TOKEN);
    // No staff session rides along: the anon key is the bearer.
    expect(call.headers.get('authorization')).toBe(`Bearer ${env.supabaseAnonKey}`);
  });

  it('shows the house, the piece, the allowance and the three choices for an open round', async () => {
    answerPage(makeReviewPage({ cad: makeReviewCad({ tweaks_used: 1, round: 1 }) }));
    renderWithProviders(<ReviewPage token={TOKEN} />);
    expect(await screen.findByRole('heading', { name: 'Oval solitaire' })).toBeVisible();
    expect(screen.getByText('Loupe Fine Jewelry')).toBeVisible();
    expect(screen.getByText(/Order LP-2026-0042/)).toBeVisible();
    expect(screen.getByText('1 of 2 minor tweaks used')).toBeVisible();
    const choices = screen.getByRole('group', { name: 'Your decision' });
    expect(
      within(choices)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Approve the design', 'Request a minor tweak', "I'd like a bigger change"]);
    expect(await screen.findByRole('img', { name: 'Design render: render.png' })).toHaveAttribute(
      'referrerpolicy',
      'no-referrer',
    );
    expect(screen.getByText(/Next: Production/).closest('p')?.textContent).toContain(
      'expected between December 4 and 10',
    );
    expect(screen.getByRole('listitem', { current: 'step' })).toHaveTextContent('Design (CAD)');
  });

  it('approves after a confirming step and turns read-only with what was decided', async () => {
    answerPage(makeReviewPage());
    let decided: unknown;
    server.use(
      http.post(rpc('review_decide'), async ({ request }) => {
        decided = await request.json();
        return HttpResponse.json(
          makeReviewPage({
            cad: makeReviewCad({
              can_decide: false,
              decision: 'approve',
              decided_at: '2026-11-23T15:00:00Z',
            }),
          }),
        );
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<ReviewPage token={TOKEN} />);
    await user.click(await screen.findByRole('button', { name: 'Approve the design' }));
    expect(decided).toBeUndefined();
    await user.click(screen.getByRole('button', { name: 'Yes, approve the design' }));
    expect(await screen.findByText('You approved this design')).toBeVisible();
    expect(decided).toEqual({ p_token: TOKEN, p_decision: 'approve' });
    expect(screen.queryByRole('button', { name: /approve/i })).toBeNull();
  });

  it('says plainly that both tweaks are used and points to the stylist', async () => {
    answerPage(makeReviewPage({ cad: makeReviewCad({ tweaks_used: 2, round: 2 }) }));
    const user = userEvent.setup();
    renderWithProviders(<ReviewPage token={TOKEN} />);
    await user.click(await screen.findByRole('button', { name: 'Request a minor tweak' }));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Both minor tweaks are used');
    expect(alert).toHaveTextContent('contact your stylist');
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it("shows the database's refusal beside the note and keeps what was typed", async () => {
    answerPage(makeReviewPage());
    server.use(
      http.post(rpc('review_decide'), () =>
        HttpResponse.json(
          {
            code: 'LP123',
            message: 'Both minor tweak rounds are used. Please contact your stylist.',
            details: null,
            hint: null,
          },
          { status: 400 },
        ),
      ),
    );
    const user = userEvent.setup();
    renderWithProviders(<ReviewPage token={TOKEN} />);
    await user.click(await screen.findByRole('button', { name: 'Request a minor tweak' }));
    const note = screen.getByRole('textbox', { name: /What would you like changed/ });
    await user.click(screen.getByRole('button', { name: 'Send my tweak request' }));
    expect(screen.getByText('Please tell us what you would like changed.')).toBeVisible();
    await user.type(note, 'A slightly thinner band');
    await user.click(screen.getByRole('button', { name: 'Send my tweak request' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Both minor tweak rounds are used. Please contact your stylist.',
    );
    expect(note).toHaveValue('A slightly thinner band');
  });

  it('says to wait when the link has been tried too often', async () => {
    server.use(
      http.post(rpc('review_page'), () =>
        HttpResponse.json(
          {
            code: 'PT429',
            message:
              'Too many tries with links that do not work. Wait a few minutes, then open the link again or ask your stylist for a new one.',
            details: null,
            hint: null,
          },
          { status: 429 },
        ),
      ),
    );
    renderWithProviders(<ReviewPage token={TOKEN} />);
    expect(await screen.findByRole('heading', { name: 'Please wait a few minutes' })).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Too many tries with links that do not work.',
    );
  });

  it('shows a status-only link without choices, with the tracking number once shipped', async () => {
    answerPage(
      makeReviewPage({
        link: { kind: 'status', expires_at: '2026-11-30T12:00:00Z' },
        cad: null,
        phase: 'delivery',
        current: null,
        next_step: null,
        tracking: {
          carrier: 'FedEx',
          tracking_number: '7712 3456 7890',
          shipped_at: '2026-11-20T10:00:00Z',
          delivered_at: null,
        },
      }),
    );
    renderWithProviders(<ReviewPage token={TOKEN} />);
    expect(await screen.findByText('7712 3456 7890')).toBeVisible();
    expect(screen.getByText(/Shipped with FedEx/)).toBeVisible();
    expect(screen.queryByRole('button', { name: /approve/i })).toBeNull();
    expect(screen.queryByText(/quote/i)).toBeNull();
  });
});
