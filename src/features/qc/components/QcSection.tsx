// The QC checklist of an order in the workspace: the current run's items from the product's
// template with progress "4/7", starting a run when the piece reaches QC, and finishing it —
// pass moves the piece to shipping, fail sends it back to production with a reason — both
// through move_order, whose refusal is shown in its own words. Earlier runs stay visible.
import { useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconClipboardCheck } from '@tabler/icons-react';
import { toAppError } from '../../../lib/errors';
import { qcQueries } from '../api/qc-queries';
import type { QcItem } from '../api/qc-checklist-query';
import { useStartQcRunMutation } from '../api/qc-run-start-mutation';
import { useFinishQcRunMutation } from '../api/qc-run-finish-mutation';
import { useQcLive } from '../api/qc-live';
import { passBlockedReason, qcProgress, splitRuns } from '../lib/qc-run';
import { QcItemRow } from './QcItemRow';
import { QcFailModal } from './QcFailModal';
import { QcRunHistory } from './QcRunHistory';

type QcSectionProps = {
  orderId: string;
  /**
   * The order's current version when the page already holds it (the workspace does, and keeps
   * it current); otherwise the version read with the checklist is used.
   */
  version?: number;
  /** Called after a pass or fail moved the order (e.g. to refresh the page's header). */
  onMoved?: () => void;
  /**
   * What the page shows under one checklist item (the route composes other features here:
   * the certificate-against-stone comparison under "Certificate matches stone").
   */
  itemDetail?: (item: QcItem) => ReactNode;
};

export function QcSection({ orderId, version, onMoved, itemDetail }: QcSectionProps) {
  const checklist = useQuery(qcQueries.checklist(orderId));
  const start = useStartQcRunMutation(orderId);
  const finish = useFinishQcRunMutation(orderId, onMoved);
  const [failOpen, setFailOpen] = useState(false);
  const currentRunId = checklist.data ? (splitRuns(checklist.data.runs).current?.id ?? null) : null;
  useQcLive(orderId, currentRunId);
  const headingId = `qc-${orderId}`;

  let body;
  if (checklist.isPending) {
    body = <Skeleton h={160} aria-label="Loading the QC checklist" />;
  } else if (checklist.isError) {
    body = (
      <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
        <Group justify="space-between">
          <Text size="sm">{toAppError(checklist.error).message}</Text>
          <Button size="xs" variant="light" onClick={() => void checklist.refetch()}>
            Try again
          </Button>
        </Group>
      </Alert>
    );
  } else {
    const { order, runs } = checklist.data;
    const { current, earlier } = splitRuns(runs);
    const inQc = order.stage === 'qc';
    const expectedVersion = Math.max(version ?? 0, order.version);
    const progress = current ? qcProgress(current.items) : null;
    const blocked = current ? passBlockedReason(current.items) : null;
    const failed = current?.items.filter((i) => i.result === 'fail').map((i) => i.label) ?? [];

    body = (
      <Stack gap="md">
        {!current && inQc && (
          <Group justify="space-between" wrap="wrap">
            <Text size="sm">
              {earlier.length === 0
                ? 'The piece is in QC. Start the checklist to record each check.'
                : `The piece is back in QC after rework. Start attempt ${earlier[0]!.attempt + 1} with a fresh checklist.`}
            </Text>
            <Button
              leftSection={<IconClipboardCheck size={18} aria-hidden />}
              onClick={() => start.mutate()}
              loading={start.isPending}
              mih={44}
            >
              Start QC checklist
            </Button>
          </Group>
        )}
        {!current && !inQc && runs.length === 0 && (
          <Text size="sm" c="gray.7">
            QC starts when the piece comes out of production.
          </Text>
        )}
        {current && progress && (
          <>
            <Stack gap={4}>
              <Group justify="space-between">
                <Text fw={500}>Attempt {current.attempt}</Text>
                <Text fw={500} aria-label={`QC progress ${progress.label}`}>
                  {progress.label}
                </Text>
              </Group>
              <Progress
                value={progress.total ? (progress.passed / progress.total) * 100 : 0}
                color={failed.length ? 'red.9' : 'teal.9'}
                aria-label={`QC progress ${progress.label}`}
              />
            </Stack>
            <Stack
              gap="xs"
              component="ol"
              aria-label="QC checklist"
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
            >
              {current.items.map((item) => (
                <QcItemRow
                  key={item.id}
                  orderId={orderId}
                  item={item}
                  editable={inQc}
                  detail={itemDetail?.(item)}
                />
              ))}
            </Stack>
            {inQc && (
              <Stack gap="xs">
                {blocked && (
                  <Text size="sm" c="gray.7" id={`${headingId}-blocked`}>
                    {blocked}
                  </Text>
                )}
                <Group justify="flex-end" gap="sm">
                  <Button
                    color="red.9"
                    variant="outline"
                    onClick={() => {
                      finish.reset();
                      setFailOpen(true);
                    }}
                    mih={44}
                  >
                    Fail QC…
                  </Button>
                  <Button
                    onClick={() => finish.mutate({ outcome: 'pass', version: expectedVersion })}
                    loading={finish.isPending && !failOpen}
                    disabled={!!blocked}
                    aria-describedby={blocked ? `${headingId}-blocked` : undefined}
                    mih={44}
                  >
                    Pass QC and move to shipping
                  </Button>
                </Group>
              </Stack>
            )}
            <QcFailModal
              opened={failOpen}
              onClose={() => setFailOpen(false)}
              pending={finish.isPending}
              error={failOpen ? finish.error : null}
              failedLabels={failed}
              onConfirm={(reason) =>
                finish.mutate(
                  { outcome: 'fail', version: expectedVersion, reason },
                  { onSuccess: () => setFailOpen(false) },
                )
              }
            />
          </>
        )}
        {earlier.length > 0 && (
          <Stack gap="xs">
            <Title order={4} size="h5">
              Earlier runs
            </Title>
            <QcRunHistory runs={earlier} />
          </Stack>
        )}
      </Stack>
    );
  }

  const status = checklist.data
    ? splitRuns(checklist.data.runs).current
      ? 'In progress'
      : checklist.data.order.stage === 'qc'
        ? 'Not started'
        : null
    : null;

  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={3} size="h4" id={headingId}>
            QC checklist
          </Title>
          {status && (
            <Badge variant="outline" color="loupe.9">
              {status}
            </Badge>
          )}
        </Group>
        {body}
      </Stack>
    </Card>
  );
}
