// The board as a person uses it, with the network mocked at its boundary by MSW: PostgREST for
// reads, and the Realtime websocket (Phoenix protocol, vsn 2.0.0 arrays) for live changes and
// presence. Checks the filters in the URL, a change made elsewhere patching one card without a
// board refetch, a card's SLA badge ticking on the board's clock, and who else is on the board.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ComponentType } from 'react';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse, ws } from 'msw';
import { setupServer } from 'msw/node';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { env } from '../../../config/env';
import { renderWithProviders } from '../../../testing/render';
import type { BoardCard } from '../lib/board-cards';
import { makeCard } from '../testing/card-factory';
import type { BoardPerson } from './BoardView';

const rest = (path: string) => `${env.supabaseUrl}/rest/v1${path}`;
const realtime = ws.link(`${env.supabaseUrl.replace(/^http/, 'ws')}/realtime/v1/websocket`);

type Frame = [string | null, string | null, string, string, Record<string, unknown>];
type Socket = { send: (data: string) => void };
const sockets: Socket[] = [];
/** Topics joined, in order: the board's change channel is named per mount. */
const joined: string[] = [];
const lastJoined = (prefix: string) => joined.filter((t) => t.startsWith(prefix)).at(-1);

/** A Realtime server in miniature: joins succeed, and postgres_changes bindings get ids. */
const realtimeServer = realtime.addEventListener('connection', ({ client }) => {
  sockets.push(client);
  client.addEventListener('message', (event) => {
    const [joinRef, ref, topic, name, payload] = JSON.parse(String(event.data)) as Frame;
    const reply = (response: Record<string, unknown>) =>
      client.send(JSON.stringify([joinRef, ref, topic, 'phx_reply', { status: 'ok', response }]));
    if (name === 'phx_join') {
      const config = payload.config as { postgres_changes?: Record<string, unknown>[] };
      reply({
        postgres_changes: (config.postgres_changes ?? []).map((binding, i) => ({
          ...binding,
          id: i + 1,
        })),
      });
      joined.push(topic);
    } else {
      reply({});
    }
  });
});

function push(topic: string, event: string, payload: Record<string, unknown>) {
  for (const socket of sockets) socket.send(JSON.stringify([null, null, topic, event, payload]));
}

const settings = [
  { stage: 'cad', sla_amber_after: 24, sla_red_after: 48, sla_unit: 'hours', wip_limit: 2 },
  {
    stage: 'production',
    sla_amber_after: 10,
    sla_red_after: 14,
    sla_unit: 'business_days',
    wip_limit: 40,
  },
];

let rows: BoardCard[] = [];
const reads = { board: 0, byId: [] as string[] };

const server = setupServer(
  realtimeServer,
  http.get(rest('/order_board'), ({ request }) => {
    const params = new URL(request.url).searchParams;
    const ids = params.get('id');
    if (ids) {
      reads.byId.push(ids);
      return HttpResponse.json(rows.filter((row) => ids.includes(row.id)));
    }
    reads.board += 1;
    return HttpResponse.json(rows);
  }),
  http.get(rest('/stage_settings'), () => HttpResponse.json(settings)),
  http.get(rest('/holidays'), () =>
    HttpResponse.json([{ day: '2026-11-26' }, { day: '2026-11-27' }]),
  ),
  http.get(rest('/workshop_settings'), () => HttpResponse.json({ timezone: 'America/New_York' })),
);

let BoardView: ComponentType<{ me: BoardPerson; onOpenOrder: (code: string) => void }>;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  // supabase-js picks its WebSocket class when the client is created: import the board only
  // once MSW has put its interceptor in place.
  ({ BoardView } = await import('./BoardView'));
  // jsdom lays nothing out: give elements a column's size so the virtualiser draws cards.
  // (the scroll area's client box, and each card's offset height).
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, value: 720 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, value: 300 });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, value: 150 });
});
// The board ages its cards on its own clock: fix "now" to the moment the card factory's rows
// describe (entered CAD at 10:00 UTC, 5 h in stage), so what the cards show never depends on
// the day the tests run.
beforeEach(() => {
  // jsdom applies no CSS modules, so the columns' overflow is not "auto" here and the drag
  // library's auto-scroll warns, dumping the whole element tree; the browser tests cover it.
  const warn = console.warn;
  vi.spyOn(console, 'warn').mockImplementation((message: unknown, ...rest: unknown[]) => {
    if (String(message).startsWith('Auto scrolling has been attached')) return;
    warn(message, ...rest);
  });
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.parse('2026-11-22T15:00:00Z'));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  reads.board = 0;
  reads.byId = [];
});
afterAll(() => server.close());

const me: BoardPerson = { id: 'me-0000', displayName: 'Tomás Reyes', role: 'workshop' };

async function renderBoard(path: string) {
  const router = createMemoryRouter(
    [{ path: '/board', element: <BoardView me={me} onOpenOrder={() => undefined} /> }],
    { initialEntries: [path] },
  );
  renderWithProviders(<RouterProvider router={router} />);
  // The first read of the board (and, in the first test, loading the modules) takes a moment.
  await screen.findByRole('region', { name: 'CAD' }, { timeout: 5_000 });
  return { router, user: userEvent.setup() };
}

const column = (name: string) => screen.getByRole('region', { name });

// Rendering Mantine and the router in jsdom is slow on a busy machine.
describe('the board', { timeout: 30_000 }, () => {
  it('keeps its filters in the URL and shows only the matching cards', async () => {
    // Past her promised date (as order_board judges it on the house's calendar): late.
    const maya = makeCard({
      customer_display_name: 'Maya Rodriguez',
      promised_date: '2026-11-20',
      is_late: true,
    });
    const priya = makeCard({ customer_display_name: 'Priya Shah', assignee_id: me.id });
    const theo = makeCard({ customer_display_name: 'Theo Brooks', stage: 'production' });
    rows = [maya, priya, theo];
    const { router, user } = await renderBoard('/board?q=maya');

    await screen.findByRole('article', { name: `Order ${maya.code}` });
    expect(screen.queryByRole('article', { name: `Order ${priya.code}` })).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Search' })).toHaveValue('maya');
    // The count says how many of the stage's orders the filter shows.
    expect(within(column('CAD')).getByText('1 of 2')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await screen.findByRole('article', { name: `Order ${priya.code}` });
    expect(router.state.location.search).toBe('');

    await user.click(screen.getByRole('switch', { name: 'Mine' }));
    expect(router.state.location.search).toBe('?mine=1');
    await waitFor(() =>
      expect(screen.queryByRole('article', { name: `Order ${maya.code}` })).toBeNull(),
    );
    expect(screen.getByRole('article', { name: `Order ${priya.code}` })).toBeVisible();

    await user.click(screen.getByRole('switch', { name: 'Mine' }));
    await user.click(screen.getByRole('switch', { name: 'Late only' }));
    expect(router.state.location.search).toBe('?late=1');
    await waitFor(() =>
      expect(screen.queryByRole('article', { name: `Order ${theo.code}` })).toBeNull(),
    );
    expect(screen.getByRole('article', { name: `Order ${maya.code}` })).toBeVisible();
  });

  it('flags the card of a customer who asked for a bigger change, and only that card', async () => {
    const asked = makeCard({ customer_change_requested_at: '2026-11-23T10:00:00Z' });
    rows = [asked, makeCard()];
    await renderBoard('/board');
    const cards = await screen.findAllByRole('article');
    const flagged = cards.filter((c) => within(c).queryByText('Bigger change asked'));
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toHaveTextContent(asked.code!);
  });

  it('shows the WIP limit and the SLA target in each column, and warns when full', async () => {
    rows = [makeCard(), makeCard()];
    await renderBoard('/board');
    await screen.findAllByRole('article');
    const cad = column('CAD');
    expect(within(cad).getByText('WIP 2/2 full')).toBeVisible();
    expect(within(cad).getByText('SLA 24–48 h')).toBeVisible();
    expect(within(column('Production')).getByText('SLA 10–14 business days')).toBeVisible();
  });

  it('moves a card when someone else moves the order, re-reading only that card', async () => {
    const a = makeCard({ customer_display_name: 'Maya Rodriguez' });
    const b = makeCard({ customer_display_name: 'Priya Shah' });
    rows = [a, b];
    const previous = lastJoined('realtime:board-changes');
    await renderBoard('/board');
    await within(column('CAD')).findByRole('article', { name: `Order ${a.code}` });
    await waitFor(() => expect(lastJoined('realtime:board-changes')).not.toBe(previous));
    const topic = lastJoined('realtime:board-changes')!;

    // Elsewhere, the order moves to production; Realtime reports the orders row change.
    rows = [{ ...a, stage: 'production', version: 2 }, b];
    push(topic, 'postgres_changes', {
      ids: [1],
      data: {
        schema: 'public',
        table: 'orders',
        type: 'UPDATE',
        commit_timestamp: new Date().toISOString(),
        columns: [],
        record: { id: a.id, stage: 'production', version: 2 },
        old_record: { id: a.id },
        errors: null,
      },
    });

    await within(column('Production')).findByRole('article', { name: `Order ${a.code}` });
    expect(within(column('CAD')).queryByRole('article', { name: `Order ${a.code}` })).toBeNull();
    // One read of the board when it opened; then only the changed card, by id.
    expect(reads.board).toBe(1);
    expect(reads.byId).toEqual([`in.(${a.id})`]);
  });

  it('turns a card amber when its time in CAD passes 24 h, without reading the board again', async () => {
    // The board's minute clock is an interval: fake it (and the date) from the first render.
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(Date.parse('2026-11-23T09:59:30Z'));
    // As order_board read it: 23 h 59 min 30 s in CAD, whose target is 24–48 h.
    const card = makeCard({
      stage_entered_at: '2026-11-22T10:00:00.000000+00:00',
      time_in_stage: 23.99,
      sla_status: 'green',
    });
    const settled = makeCard({
      stage: 'production',
      stage_entered_at: '2026-11-20T14:00:00.000000+00:00',
      time_in_stage: 1,
      sla_unit: 'business_days',
      sla_amber_after: 10,
      sla_red_after: 14,
      sla_status: 'green',
    });
    rows = [card, settled];
    await renderBoard('/board');
    const article = await screen.findByRole('article', { name: `Order ${card.code}` });
    expect(within(article).getByText('SLA on track, 24 hours in stage')).toBeInTheDocument();

    // A minute passes: 24.01 h is past the amber threshold.
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(await within(article).findByText('SLA at risk, 24 hours in stage')).toBeInTheDocument();
    expect(within(article).queryByText('SLA on track, 24 hours in stage')).toBeNull();
    // The production card still reads one business day (Friday → Monday), on track.
    const production = screen.getByRole('article', { name: `Order ${settled.code}` });
    expect(within(production).getByText('SLA on track, 1 business days in stage')).toBeVisible();
    // No refetch: the board was read once, and no card by id.
    expect(reads.board).toBe(1);
    expect(reads.byId).toEqual([]);
  });

  it('shows who else is on the board', async () => {
    rows = [];
    await renderBoard('/board');
    await screen.findByText('No orders on the board yet');
    await waitFor(() => expect(joined).toContain('realtime:board-presence'));

    push('realtime:board-presence', 'presence_state', {
      'tab-1': { metas: [{ phx_ref: 'a1', id: 'qc-0003', name: 'Priya Nair', role: 'qc' }] },
      'tab-2': { metas: [{ phx_ref: 'a2', id: 'qc-0003', name: 'Priya Nair', role: 'qc' }] },
      'tab-3': { metas: [{ phx_ref: 'a3', id: me.id, name: me.displayName, role: me.role }] },
    });

    // Two tabs of the same person count once; I am not listed as someone else.
    expect(
      await screen.findByRole('status', { name: 'Live. Also on the board: Priya Nair.' }),
    ).toBeInTheDocument();
  });
});
