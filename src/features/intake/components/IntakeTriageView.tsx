// The concierge's triage page: the queue of requests to confirm (oldest first, each with its
// live 2 hour countdown), the confirmed ones waiting for a quote, the quotes waiting for
// payment, and the selected request's detail with every triage action. Keyboard: j/k through
// the requests, a assign to me, c confirm, d decline, ? the list of shortcuts. The selected
// request lives in the URL (?request=<id>), so a link or a reload keeps it.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import {
  Alert,
  Button,
  Center,
  Grid,
  Group,
  Kbd,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { IconInbox, IconKeyboard } from '@tabler/icons-react';
import type { Tables } from '../../../types/database';
import { intakeQueries } from '../api/intake-queries';
import type { AwaitingPaymentOrder } from '../api/awaiting-payment-query';
import { useAssignIntakeMutation } from '../api/intake-assign-mutation';
import { useConfirmIntakeMutation } from '../api/intake-confirm-mutation';
import { useIntakeRealtime } from '../api/intake-realtime';
import { moveSelection, selectionAfterChange, toConfirm, toQuote } from '../lib/queue';
import { useNow } from '../hooks/use-now';
import { IntakeQueue } from './IntakeQueue';
import { IntakeDetail } from './IntakeDetail';
import { AwaitingPaymentList } from './AwaitingPaymentList';
import { ShortcutsHelp } from './ShortcutsHelp';

export type IntakeTriageViewProps = {
  currentUserId: string;
  /** The route's slot for recording payment on an order awaiting it. */
  renderPaymentAction?: (order: AwaitingPaymentOrder) => ReactNode;
  /** Called after a request became an order. */
  onConverted?: (order: Tables<'orders'>) => void;
};

export function IntakeTriageView({
  currentUserId,
  renderPaymentAction,
  onConverted,
}: IntakeTriageViewProps) {
  useIntakeRealtime();
  const now = useNow();
  const queue = useQuery(intakeQueries.queue());
  const stylists = useQuery(intakeQueries.stylists());
  const awaiting = useQuery(intakeQueries.awaitingPayment());
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('request');
  const [helpOpen, setHelpOpen] = useState(false);
  const [declineOpen, setDeclineOpen] = useState(false);
  const assign = useAssignIntakeMutation();
  const confirm = useConfirmIntakeMutation();

  const rows = useMemo(() => queue.data ?? [], [queue.data]);
  const confirmList = useMemo(() => toConfirm(rows), [rows]);
  const quoteList = useMemo(() => toQuote(rows), [rows]);
  const ids = useMemo(
    () => [...confirmList, ...quoteList].map((r) => r.id),
    [confirmList, quoteList],
  );
  const selected = rows.find((r) => r.id === selectedId) ?? null;

  const paths = useMemo(
    () => rows.flatMap((r) => r.attachments.map((a) => a.storage_path)),
    [rows],
  );
  const images = useQuery({ ...intakeQueries.referenceImages(paths), enabled: paths.length > 0 });
  const stylistNames = useMemo(
    () => Object.fromEntries((stylists.data ?? []).map((s) => [s.id, s.display_name])),
    [stylists.data],
  );

  const select = (id: string | null) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set('request', id);
        else next.delete('request');
        return next;
      },
      { replace: true },
    );
  };

  // Keep the stylist's place when the selected request leaves the lists (declined, converted,
  // taken elsewhere): the one that moved into its place is selected.
  const previousIds = useRef<string[]>(ids);
  useEffect(() => {
    if (!queue.isSuccess) return;
    const next = selectionAfterChange(previousIds.current, ids, selectedId);
    previousIds.current = ids;
    if (next !== selectedId && selectedId !== null && !ids.includes(selectedId)) select(next);
    // select is stable enough: it only writes the URL.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ids, queue.isSuccess]);

  const focusSelected = (id: string | null) => {
    if (!id) return;
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-request-id="${id}"]`)?.focus(),
    );
  };

  const modalOpen = helpOpen || declineOpen;
  const canTriage = selected && (selected.status === 'new' || selected.status === 'in_review');
  useHotkeys([
    [
      'j',
      () => {
        if (modalOpen) return;
        const id = moveSelection(ids, selectedId, 1);
        select(id);
        focusSelected(id);
      },
    ],
    [
      'k',
      () => {
        if (modalOpen) return;
        const id = moveSelection(ids, selectedId, -1);
        select(id);
        focusSelected(id);
      },
    ],
    [
      'a',
      () => {
        if (modalOpen || !selected || selected.assigned_stylist_id === currentUserId) return;
        if (selected.status === 'converted' || selected.status === 'declined') return;
        assign.mutate({ id: selected.id, version: selected.version, stylistId: currentUserId });
      },
    ],
    [
      'c',
      () => {
        if (modalOpen || !canTriage || confirm.isPending) return;
        confirm.mutate({ id: selected.id, version: selected.version });
      },
    ],
    [
      'd',
      () => {
        if (modalOpen || !selected || !['new', 'in_review', 'confirmed'].includes(selected.status))
          return;
        setDeclineOpen(true);
      },
    ],
    // "?" is shift+/ on US keyboards and a plain key on others.
    ['shift+?', () => setHelpOpen(true)],
    ['?', () => setHelpOpen(true)],
  ]);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <div>
          <Title order={1} size="h2">
            Intake
          </Title>
          <Text c="gray.7" size="sm">
            Confirm every request within 2 hours of its arrival.
          </Text>
        </div>
        <Button
          variant="subtle"
          leftSection={<IconKeyboard size={16} />}
          onClick={() => setHelpOpen(true)}
          mih={44}
        >
          Shortcuts <Kbd ml={6}>?</Kbd>
        </Button>
      </Group>

      {queue.isPending ? (
        <Stack aria-busy="true" aria-label="Loading the intake queue">
          <Skeleton h={96} />
          <Skeleton h={96} />
          <Skeleton h={96} />
        </Stack>
      ) : queue.isError ? (
        <Alert color="red" title="The intake queue could not be loaded" role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{queue.error.message}</Text>
            <Button size="xs" variant="light" onClick={() => void queue.refetch()}>
              Try again
            </Button>
          </Stack>
        </Alert>
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="lg">
              <IntakeQueue
                title="To confirm"
                rows={confirmList}
                selectedId={selectedId}
                onSelect={select}
                now={now}
                showCountdown
                stylistNames={stylistNames}
                imageUrls={images.data}
                emptyText="Every request is confirmed. New ones appear here as they arrive."
              />
              <IntakeQueue
                title="Ready to quote"
                rows={quoteList}
                selectedId={selectedId}
                onSelect={select}
                now={now}
                showCountdown={false}
                stylistNames={stylistNames}
                imageUrls={images.data}
                emptyText="No confirmed requests are waiting for a quote."
              />
              {awaiting.isError ? (
                <Alert color="red" title="Orders awaiting payment could not be loaded">
                  {awaiting.error.message}
                </Alert>
              ) : awaiting.data ? (
                <AwaitingPaymentList orders={awaiting.data} renderAction={renderPaymentAction} />
              ) : (
                <Skeleton h={64} aria-label="Loading orders awaiting payment" />
              )}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            {selected ? (
              <IntakeDetail
                key={selected.id}
                row={selected}
                now={now}
                currentUserId={currentUserId}
                stylists={stylists.data ?? []}
                imageUrls={images.data}
                onAssign={(stylistId) =>
                  assign.mutate({ id: selected.id, version: selected.version, stylistId })
                }
                assigning={assign.isPending}
                onConfirm={() => confirm.mutate({ id: selected.id, version: selected.version })}
                confirming={confirm.isPending}
                declineOpen={declineOpen}
                onDeclineOpenChange={setDeclineOpen}
                onConverted={onConverted}
              />
            ) : (
              // Not the shared EmptyState: its dimmed sentence is below AA contrast.
              <Center py="xl" mih={320}>
                <Stack align="center" gap="sm" maw={440} ta="center">
                  <ThemeIcon size={56} radius="xl" variant="light" aria-hidden>
                    <IconInbox size={28} />
                  </ThemeIcon>
                  <Title order={2} size="h3">
                    Pick a request
                  </Title>
                  <Text c="gray.7">
                    {ids.length > 0
                      ? 'Choose a request from the queue, or press j to start with the oldest.'
                      : 'There is nothing to triage right now.'}
                  </Text>
                </Stack>
              </Center>
            )}
          </Grid.Col>
        </Grid>
      )}
      <ShortcutsHelp opened={helpOpen} onClose={() => setHelpOpen(false)} />
    </Stack>
  );
}
