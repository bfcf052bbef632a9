// The live kanban board: one column per stage, filters from the URL, moves by drag and drop,
// by each card's menu or by keyboard. Moves go through the optimistic move mutation; the ones
// that need a reason (hold, cancel, rework, a manager's WIP override) ask for it first.
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { Alert, Button, Group, Kbd, Skeleton, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { monitorForElements } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import { combine } from '@atlaskit/pragmatic-drag-and-drop/combine';
import { autoScrollForElements } from '@atlaskit/pragmatic-drag-and-drop-auto-scroll/element';
import { toAppError } from '../../../lib/errors';
import { boardQueries } from '../api/board-queries';
import { useBoardRealtime } from '../api/board-realtime';
import { useBoardPresence } from '../api/board-presence';
import { useMoveOrderMutation, type MoveOrderVariables } from '../api/order-move-mutation';
import { useBoardClock } from '../hooks/use-board-clock';
import { groupByStage, type BoardCard } from '../lib/board-cards';
import { createCardTicker } from '../lib/live-sla';
import {
  matchesFilters,
  parseBoardFilters,
  withBoardFilters,
  type BoardFilters as Filters,
} from '../lib/board-filters';
import {
  boardStages,
  landingStages,
  reasonNeeded,
  type BoardStage,
  type OrderStage,
  type StaffRole,
} from '../lib/stages';
import { CARD_SHORTCUTS_ID } from './BoardCard';
import { BoardColumn } from './BoardColumn';
import { isCardDragData, isColumnDropData } from '../lib/drag-data';
import { BoardFilters } from './BoardFilters';
import { PresenceIndicator } from './PresenceIndicator';
import { ReasonModal, type ReasonRequest } from './ReasonModal';
import classes from './BoardView.module.css';
import { stageLabels } from '../../../lib/order-vocabulary';

export type BoardPerson = { id: string; displayName: string; role: StaffRole };

type BoardViewProps = {
  me: BoardPerson;
  /** Opens an order's workspace (the route shows it in a drawer). */
  onOpenOrder: (code: string) => void;
  /**
   * Selection mode, when given: every card gets a checkbox (e.g. to print the picked orders'
   * tickets). The route owns the selection and what is done with it.
   */
  selection?: { codes: ReadonlySet<string>; onToggle: (code: string) => void };
  /** Page actions beside the title (the route's, e.g. "Select for tickets"). */
  actions?: ReactNode;
};

type PendingReason = {
  request: ReasonRequest;
  variables: MoveOrderVariables;
  /** Which argument of move_order the answer fills. */
  field: 'note' | 'overrideReason';
};

function reasonRequest(card: BoardCard, toStage: OrderStage): ReasonRequest | null {
  switch (reasonNeeded(card.stage, toStage)) {
    case 'on_hold':
      return {
        title: `Put ${card.code} on hold`,
        description: `${card.code} stops in ${stageLabels[card.stage]}; its SLA clock pauses until it resumes.`,
        label: 'Why is it going on hold?',
        confirmLabel: 'Put on hold',
      };
    case 'cancelled':
      return {
        title: `Cancel ${card.code}`,
        description: `A cancelled order leaves the board for good. ${card.customer_display_name ?? 'The customer'}'s order history keeps the reason.`,
        label: 'Why is it being cancelled?',
        confirmLabel: 'Cancel order',
        danger: true,
      };
    case 'rework':
      return {
        title: `Send ${card.code} back to production`,
        description: 'The current QC run fails and the piece goes back to the bench for rework.',
        label: 'What needs rework?',
        confirmLabel: 'Send back',
      };
    default:
      return null;
  }
}

export function BoardView({ me, onOpenOrder, selection, actions }: BoardViewProps) {
  const queryClient = useQueryClient();
  const cardsQuery = useQuery(boardQueries.cards());
  const settingsQuery = useQuery(boardQueries.stageSettings());
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseBoardFilters(params), [params]);
  // Typing in the search box stays instant; filtering 2,000 cards follows a beat behind.
  const shownFilters = useDeferredValue(filters);
  const live = useBoardRealtime();
  const others = useBoardPresence({ id: me.id, name: me.displayName, role: me.role });
  const [pending, setPending] = useState<PendingReason | null>(null);
  const [deliveredOpen, setDeliveredOpen] = useState(false);
  const [focusId, setFocusId] = useState<string | null>(null);
  const stopFollowing = useCallback(() => setFocusId(null), []);
  const boardRef = useRef<HTMLDivElement>(null);

  const move = useMoveOrderMutation({
    onWipLimit: (error, variables) => {
      // Only managers may go over a WIP limit, and only once per attempt.
      if (me.role !== 'manager' || variables.overrideReason) return false;
      setPending({
        field: 'overrideReason',
        variables,
        request: {
          title: `${stageLabels[variables.toStage]} is full`,
          description: `${error.message} As a manager you can move ${variables.card.code} in anyway; say why.`,
          label: 'Why go over the limit?',
          confirmLabel: 'Override and move',
        },
      });
      return true;
    },
  });
  const { mutate } = move;

  const requestMove = useCallback(
    (card: BoardCard, toStage: OrderStage) => {
      if (card.stage === toStage) return;
      // Focus follows the card only if it was on the card (keyboard or menu), not after a drag.
      if (document.activeElement?.closest('article, [role="menu"]')) setFocusId(card.id);
      const request = reasonRequest(card, toStage);
      if (request) setPending({ request, variables: { card, toStage }, field: 'note' });
      else mutate({ card, toStage });
    },
    [mutate],
  );

  const setFilters = useCallback(
    (next: Filters) => setParams((prev) => withBoardFilters(prev, next), { replace: true }),
    [setParams],
  );

  // Drops: the card is looked up in the cache as it is now, not as the drag began.
  useEffect(() => {
    const board = boardRef.current;
    return combine(
      monitorForElements({
        canMonitor: ({ source }) => isCardDragData(source.data),
        onDrop: ({ source, location }) => {
          const target = location.current.dropTargets[0];
          if (!target || !isCardDragData(source.data) || !isColumnDropData(target.data)) return;
          const id = source.data.id;
          const card = queryClient
            .getQueryData(boardQueries.cards().queryKey)
            ?.find((c) => c.id === id);
          if (card) requestMove(card, target.data.stage);
        },
      }),
      ...(board
        ? [
            autoScrollForElements({
              element: board,
              canScroll: ({ source }) => isCardDragData(source.data),
            }),
          ]
        : []),
    );
  }, [queryClient, requestMove, cardsQuery.isSuccess]);

  // Between reads the cards age on the board's minute clock exactly as order_board ages them
  // (time in stage, SLA status, late), on the workshop's calendar; only cards whose badge
  // changes get new objects. Until the calendar arrives the cards show what was read.
  const calendarQuery = useQuery(boardQueries.calendar());
  const now = useBoardClock();
  const [ticker] = useState(createCardTicker);
  const readCards = cardsQuery.data;
  const calendar = calendarQuery.data;
  const cards = useMemo(
    () => (readCards && calendar ? ticker(readCards, calendar, now) : readCards),
    [readCards, calendar, now, ticker],
  );
  const all = useMemo(() => (cards ? groupByStage(cards) : null), [cards]);
  const shown = useMemo(
    () =>
      cards ? groupByStage(cards.filter((c) => matchesFilters(c, shownFilters, me.id))) : null,
    [cards, shownFilters, me.id],
  );
  const settings = useMemo(
    () => new Map(settingsQuery.data?.map((s) => [s.stage, s])),
    [settingsQuery.data],
  );

  // Each role lands on its columns: scroll them into view once, when the board first shows.
  const focusStages = useMemo(() => landingStages(me.role), [me.role]);
  const toggleDelivered = useCallback(() => setDeliveredOpen((open) => !open), []);
  const landed = useRef(false);
  useEffect(() => {
    if (landed.current || !cardsQuery.isSuccess) return;
    landed.current = true;
    const first = focusStages[0];
    if (!first) return;
    const board = boardRef.current;
    const column = document.getElementById(`board-column-${first}`)?.closest('section');
    // Scroll the board only: scrollIntoView would also scroll the page around it sideways.
    if (board && column) {
      board.scrollLeft += column.getBoundingClientRect().left - board.getBoundingClientRect().left;
    }
  }, [cardsQuery.isSuccess, focusStages]);

  const matching = shown ? boardStages.reduce((n, s) => n + shown[s].length, 0) : 0;

  return (
    <div className={classes.page}>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Title order={1} size="h2">
          Board
        </Title>
        <Group gap="sm" wrap="wrap">
          {actions}
          <PresenceIndicator others={others} live={live} />
        </Group>
      </Group>
      <BoardFilters filters={filters} onChange={setFilters} />
      <Group gap="xs" wrap="wrap">
        <Text size="xs" c="gray.7" aria-live="polite">
          {cards ? `${matching} order${matching === 1 ? '' : 's'} shown` : ''}
        </Text>
        <Text size="xs" c="gray.7" visibleFrom="sm" aria-hidden>
          Drag a card to move it, or focus it and press <Kbd size="xs">Shift</Kbd>+
          <Kbd size="xs">→</Kbd> / <Kbd size="xs">←</Kbd>; <Kbd size="xs">M</Kbd> opens its menu.
        </Text>
      </Group>
      <VisuallyHidden id={CARD_SHORTCUTS_ID}>
        Opens the order. Shift plus Right arrow moves it to the next stage, Shift plus Left arrow
        back; M opens the move menu.
      </VisuallyHidden>

      {cardsQuery.isError ? (
        <Alert
          color="red"
          icon={<IconAlertCircle aria-hidden />}
          title="The board could not be loaded"
          role="alert"
        >
          <Text size="sm" mb="sm">
            {toAppError(cardsQuery.error).message}
          </Text>
          <Button size="sm" variant="light" color="red" onClick={() => void cardsQuery.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : !all || !shown ? (
        <div className={classes.board} aria-busy="true" aria-label="Loading the board">
          {boardStages.slice(0, 6).map((stage) => (
            <Skeleton key={stage} w={300} h="100%" radius="md" style={{ flex: '0 0 300px' }} />
          ))}
        </div>
      ) : (
        <>
          {cards?.length === 0 && (
            <Alert color="gray" title="No orders on the board yet">
              Orders appear here as soon as an intake request becomes an order.
            </Alert>
          )}
          <div ref={boardRef} className={classes.board}>
            {boardStages.map((stage: BoardStage) => (
              <BoardColumn
                key={stage}
                stage={stage}
                cards={shown[stage]}
                total={all[stage].length}
                setting={settings.get(stage)}
                focus={focusStages.includes(stage)}
                collapsed={stage === 'delivered' && !deliveredOpen}
                onToggleCollapsed={stage === 'delivered' ? toggleDelivered : undefined}
                onOpen={onOpenOrder}
                onRequestMove={requestMove}
                focusId={focusId}
                onFocusLeft={stopFollowing}
                selectedCodes={selection?.codes}
                onToggleSelected={selection?.onToggle}
              />
            ))}
          </div>
        </>
      )}

      <ReasonModal
        request={pending?.request ?? null}
        onClose={() => {
          const code = pending?.variables.card.code;
          setPending(null);
          setFocusId(null);
          // Called off: back to the card it was about, which has not moved.
          document
            .querySelector<HTMLElement>(`article[aria-label="Order ${code}"] button`)
            ?.focus();
        }}
        onSubmit={(reason) => {
          if (!pending) return;
          mutate({ ...pending.variables, [pending.field]: reason });
          setPending(null);
        }}
      />
    </div>
  );
}
