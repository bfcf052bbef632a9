// The optimistic move against PostgREST-shaped answers (MSW at the network boundary): the card
// moves at once, the database's answer decides, a refusal puts it back with the database's
// sentence, and a version conflict re-reads the card and says someone else moved it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ReactNode } from 'react';
import { act, cleanup, renderHook, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { notifications } from '@mantine/notifications';
import { AppProvider } from '../../../app/provider';
import { env } from '../../../config/env';
import { createQueryClient } from '../../../lib/query-client';
import type { BoardCard } from '../lib/board-cards';
import { makeCard } from '../testing/card-factory';
import { boardQueries } from './board-queries';
import { useMoveOrderMutation } from './order-move-mutation';

const rest = (path: string) => `${env.supabaseUrl}/rest/v1${path}`;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  notifications.clean();
  cleanup();
});
afterAll(() => server.close());

/** order_board answers with these rows for `id=in.(…)`. */
function boardRows(rows: BoardCard[]) {
  return http.get(rest('/order_board'), ({ request }) => {
    const ids = new URL(request.url).searchParams.get('id') ?? '';
    return HttpResponse.json(rows.filter((row) => ids.includes(row.id)));
  });
}

function setup(cards: BoardCard[], onWipLimit?: Parameters<typeof useMoveOrderMutation>[0]) {
  const queryClient = createQueryClient();
  queryClient.setQueryData(boardQueries.cards().queryKey, cards);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AppProvider queryClient={queryClient}>{children}</AppProvider>
  );
  const { result } = renderHook(() => useMoveOrderMutation(onWipLimit), { wrapper });
  const board = () => queryClient.getQueryData(boardQueries.cards().queryKey)!;
  const card = (id: string) => board().find((c) => c.id === id);
  return { result, board, card };
}

describe('moving a card', () => {
  it('moves the card at once, then shows what the database computed', async () => {
    const a = makeCard({ stage: 'cad', cad_state: 'approved' });
    const b = makeCard();
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const sent: unknown[] = [];
    server.use(
      http.post(rest('/rpc/move_order'), async ({ request }) => {
        sent.push(await request.json());
        await answered;
        return HttpResponse.json({
          id: a.id,
          stage: 'production',
          version: 2,
          stage_entered_at: '2026-11-23T12:00:00Z',
        });
      }),
      boardRows([
        { ...a, stage: 'production', version: 2, sla_unit: 'business_days', time_in_stage: 0 },
      ]),
    );
    const { result, card, board } = setup([a, b]);

    act(() => result.current.mutate({ card: a, toStage: 'production' }));

    // Before the database has answered, the card is already in production.
    await waitFor(() => expect(card(a.id)?.stage).toBe('production'));
    expect(board()[1]).toBe(b);
    expect(sent).toEqual([{ p_order_id: a.id, p_to_stage: 'production', p_expected_version: 1 }]);

    answer();
    await waitFor(() => expect(card(a.id)?.sla_unit).toBe('business_days'));
    expect(card(a.id)).toMatchObject({ stage: 'production', version: 2 });
    expect(board()[1]).toBe(b);
  });

  it('puts a refused card back and shows the database sentence', async () => {
    const a = makeCard({ stage: 'qc', qc_items_passed: 6, qc_items_total: 7 });
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    server.use(
      http.post(rest('/rpc/move_order'), async () => {
        await answered;
        return HttpResponse.json(
          {
            code: 'LP013',
            message: 'QC checklist incomplete: stones secure not checked',
            details: null,
            hint: null,
          },
          { status: 400 },
        );
      }),
    );
    const { result, card } = setup([a]);

    act(() => result.current.mutate({ card: a, toStage: 'shipping' }));
    await waitFor(() => expect(card(a.id)?.stage).toBe('shipping'));
    answer();

    expect(
      await screen.findByText('QC checklist incomplete: stones secure not checked'),
    ).toBeInTheDocument();
    expect(screen.getByText(`${a.code} stays in QC`)).toBeInTheDocument();
    expect(card(a.id)).toEqual(a);
  });

  it('on a version conflict shows where someone else put the card, and says so', async () => {
    const a = makeCard({ stage: 'cad' });
    const movedByOther = {
      ...a,
      stage: 'on_hold' as const,
      version: 3,
      resume_stage: 'cad' as const,
    };
    server.use(
      http.post(rest('/rpc/move_order'), () =>
        HttpResponse.json(
          {
            code: 'PT409',
            message: `Order ${a.code} was changed by someone else; reload it and try again.`,
            details: null,
            hint: null,
          },
          { status: 409 },
        ),
      ),
      boardRows([movedByOther]),
    );
    const { result, card } = setup([a]);

    act(() => result.current.mutate({ card: a, toStage: 'production' }));

    expect(await screen.findByText(`${a.code} was changed by someone else`)).toBeInTheDocument();
    await waitFor(() => expect(card(a.id)).toEqual(movedByOther));
  });

  it('hands a WIP-limit refusal to the caller (a manager may override) instead of a toast', async () => {
    const a = makeCard({ stage: 'cad', cad_state: 'approved' });
    server.use(
      http.post(rest('/rpc/move_order'), () =>
        HttpResponse.json(
          {
            code: 'LP020',
            message: 'Production is at its WIP limit of 40 orders.',
            details: null,
            hint: 'A manager can override the limit with a reason.',
          },
          { status: 400 },
        ),
      ),
    );
    const seen: string[] = [];
    const { result, card } = setup([a], {
      onWipLimit: (error) => {
        seen.push(error.message);
        return true;
      },
    });

    act(() => result.current.mutate({ card: a, toStage: 'production' }));

    await waitFor(() => expect(seen).toEqual(['Production is at its WIP limit of 40 orders.']));
    expect(card(a.id)).toEqual(a);
    expect(screen.queryByText('Production is at its WIP limit of 40 orders.')).toBeNull();
  });
});
