// The order workspace's metal ledger: per production step what was issued, returned and
// recovered, the loss and its % against the norm for this metal (flagged in red when above), and
// every entry with who weighed it. The workshop logs weights here (the same form as the bench
// card) and corrects an entry with a reason; the ledger follows other benches live.
import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { metalLedgerQueries } from '../api/metal-ledger-queries';
import { useMetalLedgerLive } from '../api/ledger-live';
import type { LedgerStep } from '../api/ledger-steps-query';
import { formatGrams, formatPercent, stepLabels, type ProductionStepKind } from '../lib/grams';
import { LogWeightsForm } from './LogWeightsForm';
import { ScrollRegion } from './ScrollRegion';
import { LedgerEntries } from './LedgerEntries';

type MetalLedgerPanelProps = {
  order: { id: string; stage: string };
  /** The workshop and managers log and correct weights; everyone else reads. */
  canLog: boolean;
};

function statusBadge(step: Pick<LedgerStep, 'status' | 'flagged' | 'needs_weights'>) {
  if (step.flagged) return <Badge color="red">Loss above norm</Badge>;
  if (step.status === 'open') return <Badge color="orange">Metal out</Badge>;
  if (step.status === 'closed') return <Badge color="teal">Weighed back</Badge>;
  return step.needs_weights ? (
    <Badge color="gray" variant="outline">
      Weights needed
    </Badge>
  ) : null;
}

export function MetalLedgerPanel({ order, canLog }: MetalLedgerPanelProps) {
  useMetalLedgerLive(order.id);
  const steps = useQuery(metalLedgerQueries.orderSteps(order.id));
  const [logging, setLogging] = useState<ProductionStepKind | null>(null);
  const inProduction = order.stage === 'production';

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="metal-ledger-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="metal-ledger-title">
          Metal ledger
        </Title>
        {steps.data?.some((s) => s.flagged) && (
          <Badge color="red" variant="light" size="lg">
            Loss flagged
          </Badge>
        )}
      </Group>
      {steps.isPending && <Loader size="sm" role="status" aria-label="Loading the metal ledger" />}
      {steps.isError && (
        <Alert color="red" title="The metal ledger did not load">
          {steps.error.message}{' '}
          <Button variant="subtle" size="compact-sm" onClick={() => void steps.refetch()}>
            Try again
          </Button>
        </Alert>
      )}
      {steps.data && (
        <Stack gap="sm">
          <ScrollRegion label="Step weights table" minWidth={820}>
            <Table verticalSpacing="xs" aria-label="Metal per production step">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Step</Table.Th>
                  <Table.Th ta="right">Issued</Table.Th>
                  <Table.Th ta="right">Returned</Table.Th>
                  <Table.Th ta="right">Recovered</Table.Th>
                  <Table.Th ta="right">Loss</Table.Th>
                  <Table.Th ta="right">Norm</Table.Th>
                  <Table.Th>Status</Table.Th>
                  {canLog && inProduction && <Table.Th aria-label="Log weights" />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {steps.data
                  .filter((s) => s.applicable)
                  .map((s) => {
                    const step = s.step as ProductionStepKind;
                    return (
                      <Table.Tr key={step}>
                        <Table.Th scope="row">{stepLabels[step]}</Table.Th>
                        <Table.Td ta="right">{formatGrams(s.issued_grams)}</Table.Td>
                        <Table.Td ta="right">{formatGrams(s.returned_grams)}</Table.Td>
                        <Table.Td ta="right">{formatGrams(s.recovered_grams)}</Table.Td>
                        <Table.Td ta="right" c={s.flagged ? 'red.8' : undefined}>
                          {s.status === 'closed'
                            ? `${formatGrams(s.loss_grams)} (${formatPercent(s.loss_pct)})`
                            : '—'}
                        </Table.Td>
                        <Table.Td ta="right">{formatPercent(s.norm_pct)}</Table.Td>
                        <Table.Td miw={150}>{statusBadge(s)}</Table.Td>
                        {canLog && inProduction && (
                          <Table.Td>
                            <Button
                              size="sm"
                              mih={44}
                              variant={logging === step ? 'filled' : 'light'}
                              aria-expanded={logging === step}
                              onClick={() => setLogging(logging === step ? null : step)}
                            >
                              Log {stepLabels[step].toLowerCase()} weights
                            </Button>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
          {logging && <LogWeightsForm orderId={order.id} step={logging} key={logging} />}
          {!inProduction && (
            <Text size="sm" c="dimmed">
              Metal is issued and returned while the order is in production; entries can still be
              corrected.
            </Text>
          )}
          <LedgerEntries orderId={order.id} canCorrect={canLog} />
        </Stack>
      )}
    </Paper>
  );
}
