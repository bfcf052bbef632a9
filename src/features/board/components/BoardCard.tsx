// One order card. Memoised on the card object: the cache patches only changed cards, so a move
// or a realtime event re-renders that card alone. Drag is pragmatic-drag-and-drop's native
// draggable (mouse and touch); the code button and the "Move to…" menu are the keyboard path,
// with Shift+arrow shortcuts to the next or previous stage and M for the menu.
import { memo, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { ActionIcon, Avatar, Badge, Checkbox, Menu, UnstyledButton } from '@mantine/core';
import { IconDotsVertical, IconArrowBackUp, IconCheck, IconMessage } from '@tabler/icons-react';
import { draggable } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import dayjs from 'dayjs';
import { SlaBadge } from '../../../components/SlaBadge';
import type { BoardCard as Card } from '../lib/board-cards';
import { isCardLate } from '../lib/board-filters';
import { initials, priorityLabels, productLabels, riskLabels } from '../lib/labels';
import { moveTargets, neighbourStage, type OrderStage } from '../lib/stages';
import { type CardDragData } from '../lib/drag-data';
import classes from './BoardCard.module.css';
import { metalLabels, stageLabels } from '../../../lib/order-vocabulary';

/** The id of the one hidden sentence that explains the card shortcuts to screen readers. */
export const CARD_SHORTCUTS_ID = 'board-card-shortcuts';

type BoardCardProps = {
  card: Card;
  onOpen: (code: string) => void;
  onRequestMove: (card: Card, toStage: OrderStage) => void;
  /** The card the person just moved from the keyboard or menu: focus follows it. */
  focusRequested?: boolean;
  /** Focus left the card: stop following it. */
  onFocusLeft?: () => void;
  /** Selection mode (e.g. to print tickets): whether this card is picked, and how to toggle it. */
  selected?: boolean;
  onToggleSelected?: (code: string) => void;
};

function moveLabel(from: OrderStage, to: OrderStage): string {
  if (to === 'on_hold') return 'Put on hold…';
  if (to === 'cancelled') return 'Cancel order…';
  if (from === 'qc' && to === 'production') return 'Send back to production (rework)…';
  if (from === 'on_hold') return `Resume in ${stageLabels[to]}`;
  return `Move to ${stageLabels[to]}`;
}

export const BoardCard = memo(function BoardCard({
  card,
  onOpen,
  onRequestMove,
  focusRequested,
  onFocusLeft,
  selected,
  onToggleSelected,
}: BoardCardProps) {
  const ref = useRef<HTMLElement>(null);
  const codeRef = useRef<HTMLButtonElement>(null);

  // A moved card mounts anew in its new column (or back in its old one after a refusal): the
  // keyboard user's focus goes with it instead of falling back to the page.
  useEffect(() => {
    if (focusRequested) codeRef.current?.focus({ preventScroll: false });
  }, [focusRequested]);
  const latest = useRef(card);
  latest.current = card;
  const [dragging, setDragging] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    return draggable({
      element,
      getInitialData: (): CardDragData => ({
        type: 'board-card',
        id: latest.current.id,
        stage: latest.current.stage,
      }),
      onDragStart: () => setDragging(true),
      onDrop: () => setDragging(false),
    });
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // The menu's dropdown is portalled but its React events still bubble here: ignore them.
    if (!event.currentTarget.contains(event.target as Node)) return;
    if (event.shiftKey && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
      const to = neighbourStage(
        card.stage,
        card.resume_stage,
        event.key === 'ArrowRight' ? 'next' : 'previous',
      );
      event.preventDefault();
      if (to) onRequestMove(card, to);
    } else if ((event.key === 'm' || event.key === 'M') && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      setMenuOpen(true);
    }
  };

  const onCardClick = (event: MouseEvent<HTMLElement>) => {
    if (!event.currentTarget.contains(event.target as Node)) return;
    if ((event.target as HTMLElement).closest('button')) return;
    // The selection checkbox picks the card; it does not open it.
    if ((event.target as HTMLElement).closest('[data-card-select]')) return;
    onOpen(card.code);
  };

  const late = isCardLate(card);
  const targets = moveTargets(card.stage, card.resume_stage);
  const product = card.product_name || (card.product ? productLabels[card.product] : 'Piece');
  const priority = priorityLabels[card.priority ?? 0];

  return (
    <article
      ref={ref}
      className={classes.card}
      data-dragging={dragging || undefined}
      data-late={late || undefined}
      aria-label={`Order ${card.code}`}
      onKeyDown={onKeyDown}
      onClick={onCardClick}
      onBlur={(event) => {
        // Stop following once the person moves on to something else. Focus going into the
        // card's menu or the reason modal, or to nowhere (the card unmounting), is not that.
        const next = event.relatedTarget as HTMLElement | null;
        if (
          focusRequested &&
          next &&
          !event.currentTarget.contains(next) &&
          !next.closest('[role="dialog"], [role="menu"]')
        ) {
          onFocusLeft?.();
        }
      }}
    >
      <div className={classes.head}>
        {onToggleSelected && (
          // A 44 px hit area around the box: the board is used on tablets.
          <Checkbox
            size="md"
            p={10}
            m={-10}
            checked={!!selected}
            onChange={() => onToggleSelected(card.code)}
            aria-label={`Select ${card.code}`}
            data-card-select
            // The padding around the box is part of the hit area, so it picks too.
            wrapperProps={{ 'data-card-select': true }}
          />
        )}
        <UnstyledButton
          ref={codeRef}
          className={classes.code}
          onClick={() => onOpen(card.code)}
          aria-describedby={CARD_SHORTCUTS_ID}
        >
          {card.code}
        </UnstyledButton>
        {priority && (
          <Badge
            size="xs"
            variant="filled"
            color={card.priority === 2 ? 'red.9' : 'yellow.5'}
            c={card.priority === 2 ? undefined : 'dark.9'}
          >
            {priority}
          </Badge>
        )}
        <Menu opened={menuOpen} onChange={setMenuOpen} position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              size={44}
              aria-label={`Move ${card.code}…`}
              disabled={targets.length === 0}
            >
              <IconDotsVertical size={18} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>Move {card.code}</Menu.Label>
            {targets.map((to) => (
              <Menu.Item
                key={to}
                color={to === 'cancelled' ? 'red' : undefined}
                onClick={() => onRequestMove(card, to)}
              >
                {moveLabel(card.stage, to)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </div>
      <div className={classes.line}>{card.customer_display_name ?? 'Customer'}</div>
      <div className={`${classes.line} ${classes.dim}`}>
        {product}
        {card.metal ? ` · ${metalLabels[card.metal]}` : ''}
      </div>
      <div className={classes.badges}>
        <SlaBadge status={card.sla_status} elapsed={card.time_in_stage} unit={card.sla_unit} />
        {card.stage === 'cad' && (
          <Badge size="sm" variant="outline" color="gray.7" title="CAD tweak rounds used">
            CAD {card.cad_rounds_used ?? 0}/{card.cad_rounds_max ?? 2}
          </Badge>
        )}
        {/* The customer's (or the stylist's) approval: the card is ready to go to production. */}
        {card.stage === 'cad' && card.cad_state === 'approved' && (
          <Badge
            size="sm"
            variant="light"
            color="loupe"
            leftSection={<IconCheck size={12} aria-hidden />}
          >
            CAD approved
          </Badge>
        )}
        {/* Asked through a review link; it moves nothing until the stylist records the change. */}
        {card.customer_change_requested_at && (
          <Badge
            size="sm"
            variant="light"
            color="orange"
            c="orange.9"
            leftSection={<IconMessage size={12} aria-hidden />}
            title="The customer asked for a bigger change through their review link"
          >
            Bigger change asked
          </Badge>
        )}
        {card.qc_items_total !== null && card.qc_items_total > 0 && (
          <Badge size="sm" variant="outline" color="cyan.9" title="QC checklist items passed">
            QC {card.qc_items_passed ?? 0}/{card.qc_items_total}
          </Badge>
        )}
        {(card.rework_count ?? 0) > 0 && (
          <Badge
            size="sm"
            color="grape"
            c="grape.9"
            variant="light"
            leftSection={<IconArrowBackUp size={12} aria-hidden />}
          >
            Rework{(card.rework_count ?? 0) > 1 ? ` ×${card.rework_count}` : ''}
          </Badge>
        )}
        {card.risk_flags.map((flag) => (
          <Badge key={flag} size="sm" color="yellow" c="dark.7" variant="light">
            {riskLabels[flag]}
          </Badge>
        ))}
      </div>
      {card.stage === 'on_hold' && card.on_hold_reason && (
        <div className={`${classes.line} ${classes.dim}`} title={card.on_hold_reason}>
          On hold: {card.on_hold_reason}
        </div>
      )}
      <div className={classes.foot}>
        <span className={late && card.is_late ? classes.late : classes.dim}>
          {card.promised_date
            ? `${card.is_late ? 'Overdue' : 'Due'} ${dayjs(card.promised_date).format('D MMM')}`
            : 'No promised date'}
        </span>
        {card.assignee_name ? (
          <Avatar
            size={24}
            radius="xl"
            color="initials"
            name={card.assignee_name}
            title={`Assigned to ${card.assignee_name}`}
            aria-label={`Assigned to ${card.assignee_name}`}
            role="img"
          >
            {initials(card.assignee_name)}
          </Avatar>
        ) : (
          <span className={classes.dim}>Unassigned</span>
        )}
      </div>
    </article>
  );
});
