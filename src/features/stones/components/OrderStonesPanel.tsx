// The order workspace's "Allocated stones": the certified stones (lab and report number) and
// melee on this order, allocated or set; the workshop and managers allocate a stone from the safe
// or melee from a lot here, and release one. The database refuses a stone already on another
// order, melee beyond what is left, and a set stone released by anyone but a manager.
import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { toAppError } from '../../../lib/errors';
import { stoneQueries } from '../api/stone-queries';
import { useAllocateStoneMutation } from '../api/stone-allocate-mutation';
import { useAllocateMeleeMutation } from '../api/melee-allocate-mutation';
import { useReleaseStoneMutation } from '../api/stone-allocation-release-mutation';
import { useOrderStonesLive } from '../api/order-stones-live';
import { formatCarat } from '../lib/stone-filters';
import { StoneStateBadge } from './StoneStateBadge';
import { ScrollRegion } from './ScrollRegion';

type OrderStonesPanelProps = {
  order: { id: string; code: string; stage: string; has_stones: boolean };
  /** The workshop and managers allocate and release; everyone else reads. */
  canWrite: boolean;
};

/** Stages in which a piece can still take stones (the database holds the same rule, LP110). */
const openStages = new Set(['intake', 'awaiting_payment', 'cad', 'production', 'qc', 'on_hold']);

function AllocateForm({ order }: { order: OrderStonesPanelProps['order'] }) {
  const [stoneId, setStoneId] = useState<string | null>(null);
  const [lotId, setLotId] = useState<string | null>(null);
  const [count, setCount] = useState<number | string>(10);
  const available = useQuery(stoneQueries.inventory({ q: '', state: 'available', lab: null }));
  const lots = useQuery(stoneQueries.meleeLots());
  const stone = useAllocateStoneMutation({ onSuccess: () => setStoneId(null) });
  const melee = useAllocateMeleeMutation({ onSuccess: () => setLotId(null) });

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Select
        label="Certified stone from the safe"
        placeholder={available.isPending ? 'Loading stones…' : 'Search a report number'}
        searchable
        clearable
        nothingFoundMessage="No available stone matches"
        data={(available.data ?? []).map((s) => ({
          value: s.id ?? '',
          label: `${s.lab} ${s.report_number} · ${formatCarat(s.carat)} ${s.colour} ${s.clarity} ${s.shape}`,
        }))}
        value={stoneId}
        onChange={setStoneId}
        style={{ flex: '1 1 280px' }}
      />
      <Button
        mih={44}
        disabled={!stoneId}
        loading={stone.isPending}
        onClick={() =>
          stoneId && stone.mutate({ orderId: order.id, orderCode: order.code, stoneId })
        }
      >
        Allocate stone
      </Button>
      <Select
        label="Melee lot"
        placeholder="Choose a lot"
        clearable
        data={(lots.data ?? [])
          .filter((l) => l.count_left > 0)
          .map((l) => ({ value: l.id, label: `${l.lot_code} · ${l.count_left} left` }))}
        value={lotId}
        onChange={setLotId}
        style={{ flex: '1 1 200px' }}
      />
      <NumberInput
        label="Stones"
        min={1}
        allowDecimal={false}
        value={count}
        onChange={setCount}
        w={100}
      />
      <Button
        mih={44}
        variant="light"
        disabled={!lotId}
        loading={melee.isPending}
        onClick={() => lotId && melee.mutate({ orderId: order.id, lotId, count: Number(count) })}
      >
        Allocate melee
      </Button>
    </Group>
  );
}

export function OrderStonesPanel({ order, canWrite }: OrderStonesPanelProps) {
  const stones = useQuery(stoneQueries.orderStones(order.id));
  const release = useReleaseStoneMutation();
  useOrderStonesLive(order.id);
  const headingId = `stones-${order.id}`;
  const canAllocate = canWrite && order.has_stones && openStages.has(order.stage);

  let body;
  if (stones.isPending) body = <Skeleton h={80} aria-label="Loading allocated stones" />;
  else if (stones.isError)
    body = (
      <Alert color="red" role="alert">
        <Group justify="space-between">
          <Text size="sm">{toAppError(stones.error).message}</Text>
          <Button size="xs" variant="light" onClick={() => void stones.refetch()}>
            Try again
          </Button>
        </Group>
      </Alert>
    );
  else if (stones.data.length === 0)
    body = (
      <Text size="sm" c="gray.7">
        {order.has_stones ? 'No stones allocated to this order yet.' : 'This piece has no stones.'}
      </Text>
    );
  else
    body = (
      <ScrollRegion label="Stones on this order, scrolls sideways" minWidth={560}>
        <Table verticalSpacing="xs" aria-label="Stones on this order">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Stone</Table.Th>
              <Table.Th>Carat</Table.Th>
              <Table.Th>Grading</Table.Th>
              <Table.Th>State</Table.Th>
              {canWrite && <Table.Th>Action</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {stones.data.map((s) => {
              const label =
                s.kind === 'certified'
                  ? `${s.lab} ${s.report_number}`
                  : `${s.stone_count} × melee ${s.lot_code}`;
              return (
                <Table.Tr key={s.allocation_id}>
                  <Table.Td>
                    <Group gap={6}>
                      <Text size="sm" ff="monospace">
                        {label}
                      </Text>
                      {s.kind === 'melee' && (
                        <Badge size="sm" variant="outline" color="gray.7">
                          Melee
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{formatCarat(s.carat)}</Table.Td>
                  <Table.Td>{[s.colour, s.clarity, s.shape].filter(Boolean).join(' · ')}</Table.Td>
                  <Table.Td>
                    <StoneStateBadge state={s.state} />
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Button
                        size="xs"
                        mih={44}
                        variant="default"
                        aria-label={`Release ${label}`}
                        onClick={() =>
                          s.allocation_id &&
                          release.mutate({ allocationId: s.allocation_id, orderId: order.id })
                        }
                      >
                        Release
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    );

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          Allocated stones
        </Title>
        {body}
        {canAllocate && <AllocateForm order={order} />}
      </Stack>
    </Paper>
  );
}
