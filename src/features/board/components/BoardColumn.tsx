// One stage column: its header (count, WIP limit with a warning when full or over, the stage's
// SLA target) and its cards, virtualised with @tanstack/react-virtual so only the cards in view
// are in the DOM however long the column gets. The column is a drop target for cards coming
// from other stages; its scroll area scrolls by itself while a card is dragged near its edges.
import { memo, useEffect, useRef, useState } from 'react';
import {
  ActionIcon,
  Badge,
  Group,
  Stack,
  Text,
  Title,
  Tooltip,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { IconAlertTriangle, IconChevronsRight } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { dropTargetForElements } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import { combine } from '@atlaskit/pragmatic-drag-and-drop/combine';
import { autoScrollForElements } from '@atlaskit/pragmatic-drag-and-drop-auto-scroll/element';
import { formatSlaTarget } from '../../../lib/sla-display';
import type { BoardCard as Card } from '../lib/board-cards';
import { type BoardStage, type OrderStage } from '../lib/stages';
import type { StageSetting } from '../api/stage-settings-query';
import { BoardCard } from './BoardCard';
import { isCardDragData, type ColumnDropData } from '../lib/drag-data';
import classes from './BoardColumn.module.css';
import { stageLabels } from '../../../lib/order-vocabulary';

type BoardColumnProps = {
  stage: BoardStage;
  /** The cards shown (after filters), sorted. */
  cards: Card[];
  /** All cards in the stage, filtered or not: what the WIP limit counts. */
  total: number;
  setting: StageSetting | undefined;
  /** One of the columns this person's role starts in. */
  focus?: boolean;
  collapsed?: boolean;
  onToggleCollapsed?: () => void;
  onOpen: (code: string) => void;
  onRequestMove: (card: Card, toStage: OrderStage) => void;
  /** The card whose focus follows its moves (see BoardCard). */
  focusId?: string | null;
  onFocusLeft?: () => void;
  /** Selection mode: the picked order codes and how to toggle one (see BoardView). */
  selectedCodes?: ReadonlySet<string>;
  onToggleSelected?: (code: string) => void;
};

/** A card's usual height; the virtualiser measures the real one once it is drawn. */
const ESTIMATED_CARD_HEIGHT = 150;

export const BoardColumn = memo(function BoardColumn({
  stage,
  cards,
  total,
  setting,
  focus,
  collapsed,
  onToggleCollapsed,
  onOpen,
  onRequestMove,
  focusId,
  onFocusLeft,
  selectedCodes,
  onToggleSelected,
}: BoardColumnProps) {
  const columnRef = useRef<HTMLElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [over, setOver] = useState(false);
  const headingId = `board-column-${stage}`;

  useEffect(() => {
    const column = columnRef.current;
    if (!column) return;
    const cleanups = [
      dropTargetForElements({
        element: column,
        canDrop: ({ source }) => isCardDragData(source.data) && source.data.stage !== stage,
        getData: (): ColumnDropData => ({ type: 'board-column', stage }),
        onDragEnter: () => setOver(true),
        onDragLeave: () => setOver(false),
        onDrop: () => setOver(false),
      }),
    ];
    if (scrollRef.current) {
      cleanups.push(
        autoScrollForElements({
          element: scrollRef.current,
          canScroll: ({ source }) => isCardDragData(source.data),
        }),
      );
    }
    return combine(...cleanups);
  }, [stage, collapsed]);

  const virtualizer = useVirtualizer({
    count: collapsed ? 0 : cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_CARD_HEIGHT,
    getItemKey: (index) => cards[index]?.id ?? index,
    overscan: 2,
    // Before the first layout measurement (and in tests without layout) assume a column's height.
    initialRect: { width: 300, height: 720 },
  });

  // The followed card may land outside the drawn window of this column: bring it in.
  const focusIndex = focusId ? cards.findIndex((card) => card.id === focusId) : -1;
  useEffect(() => {
    if (focusIndex >= 0) virtualizer.scrollToIndex(focusIndex, { align: 'auto' });
  }, [focusIndex, virtualizer]);

  const limit = setting?.wip_limit ?? null;
  const full = limit !== null && total >= limit;
  const overLimit = limit !== null && total > limit;
  const target =
    setting?.sla_unit && setting.sla_amber_after !== null && setting.sla_red_after !== null
      ? formatSlaTarget(setting.sla_amber_after, setting.sla_red_after, setting.sla_unit)
      : null;
  const countLabel = cards.length === total ? `${total}` : `${cards.length} of ${total}`;

  if (collapsed) {
    return (
      <section
        ref={columnRef}
        className={`${classes.column} ${classes.collapsed}`}
        data-over={over || undefined}
        aria-labelledby={headingId}
      >
        <Stack align="center" gap={8} p={8}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size={44}
            onClick={onToggleCollapsed}
            aria-expanded={false}
            aria-label={`Show ${stageLabels[stage].toLowerCase()} orders`}
          >
            <IconChevronsRight size={20} aria-hidden />
          </ActionIcon>
          <Text size="sm" fw={700}>
            {total}
            <VisuallyHidden> orders</VisuallyHidden>
          </Text>
          <Title order={2} size="h5" id={headingId} className={classes.vertical}>
            {stageLabels[stage]} · last 14 days
          </Title>
        </Stack>
      </section>
    );
  }

  return (
    <section
      ref={columnRef}
      className={classes.column}
      data-over={over || undefined}
      data-focus={focus || undefined}
      aria-labelledby={headingId}
    >
      <div className={classes.header}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Title order={2} size="h5" id={headingId}>
            {stageLabels[stage]}
            {stage === 'delivered' && (
              <Text span size="xs" c="gray.7" fw={400}>
                {' '}
                last 14 days
              </Text>
            )}
          </Title>
          <Group gap={4} wrap="nowrap">
            <Badge variant="light" color="gray" c="dark.7">
              {countLabel}
              <VisuallyHidden> orders</VisuallyHidden>
            </Badge>
            {onToggleCollapsed && (
              <UnstyledButton
                onClick={onToggleCollapsed}
                aria-expanded
                fz="xs"
                c="gray.7"
                px={6}
                mih={32}
              >
                Hide
              </UnstyledButton>
            )}
          </Group>
        </Group>
        {(limit !== null || target) && (
          <Group gap="xs" mt={4} wrap="nowrap">
            {limit !== null && (
              <Tooltip
                label={
                  overLimit
                    ? `Over the WIP limit: ${total} orders for ${limit} places.`
                    : full
                      ? 'At the WIP limit: the next move in needs a manager.'
                      : 'Work in progress against the limit.'
                }
              >
                <Badge
                  size="sm"
                  variant={full ? 'filled' : 'outline'}
                  color={overLimit ? 'red.9' : full ? 'yellow.5' : 'gray.7'}
                  c={full && !overLimit ? 'dark.9' : undefined}
                  leftSection={full ? <IconAlertTriangle size={12} aria-hidden /> : undefined}
                >
                  WIP {total}/{limit}
                  {overLimit ? ' over' : full ? ' full' : ''}
                </Badge>
              </Tooltip>
            )}
            {target && (
              <Text size="xs" c="gray.7">
                SLA {target}
              </Text>
            )}
          </Group>
        )}
      </div>
      <div ref={scrollRef} className={classes.scroller}>
        {cards.length === 0 ? (
          <Text size="sm" c="gray.7" ta="center" py="md">
            {total === 0 ? 'No orders here.' : 'No orders match the filters.'}
          </Text>
        ) : (
          <div
            role="list"
            aria-labelledby={headingId}
            style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
          >
            {virtualizer.getVirtualItems().map((item) => {
              const card = cards[item.index]!;
              return (
                <div
                  key={item.key}
                  role="listitem"
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className={classes.item}
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <BoardCard
                    card={card}
                    onOpen={onOpen}
                    onRequestMove={onRequestMove}
                    focusRequested={card.id === focusId}
                    onFocusLeft={onFocusLeft}
                    selected={selectedCodes?.has(card.code)}
                    onToggleSelected={onToggleSelected}
                  />
                </div>
              );
            })}
          </div>
        )}
      </div>
    </section>
  );
});
