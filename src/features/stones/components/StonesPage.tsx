// /stones: the stone inventory — certified stones and melee lots, searched and filtered from the
// URL, each with where it stands (available, allocated to an order, set in its piece). The
// workshop and managers receive stones, allocate them to an order and release them; QC and
// concierge read. Every rule (one order per stone, melee never below zero) is the database's.
import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconDiamond, IconPlus, IconSearch } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/EmptyState';
import { paths } from '../../../config/paths';
import { toAppError } from '../../../lib/errors';
import { stoneQueries } from '../api/stone-queries';
import { useReleaseStoneMutation } from '../api/stone-allocation-release-mutation';
import type { InventoryStone } from '../api/stone-inventory-query';
import type { MeleeLot } from '../api/melee-lots-query';
import {
  formatCarat,
  parseStoneFilters,
  stoneFilterParams,
  type StoneFilters,
} from '../lib/stone-filters';
import { StoneStateBadge } from './StoneStateBadge';
import { ScrollRegion } from './ScrollRegion';
import { AllocateToOrderModal, type AllocationTarget } from './AllocateToOrderModal';
import { ReceiveStoneModal } from './ReceiveStoneModal';
import { ReceiveLotModal } from './ReceiveLotModal';

type StonesPageProps = {
  /** The workshop and managers receive, allocate and release; QC and concierge read. */
  canWrite: boolean;
};

function LoadError({ error, retry }: { error: Error; retry: () => void }) {
  return (
    <Alert color="red" role="alert" title="The inventory did not load">
      <Group justify="space-between">
        <Text size="sm">{toAppError(error).message}</Text>
        <Button size="xs" variant="light" onClick={retry}>
          Try again
        </Button>
      </Group>
    </Alert>
  );
}

function CertifiedTable({
  rows,
  canWrite,
  onAllocate,
}: {
  rows: InventoryStone[];
  canWrite: boolean;
  onAllocate: (t: AllocationTarget) => void;
}) {
  const release = useReleaseStoneMutation();
  return (
    <ScrollRegion label="Certified stones, scrolls sideways" minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label="Certified stones">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Report</Table.Th>
            <Table.Th>Carat</Table.Th>
            <Table.Th>Colour</Table.Th>
            <Table.Th>Clarity</Table.Th>
            <Table.Th>Shape</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Order</Table.Th>
            {canWrite && <Table.Th>Action</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((s) => {
            const label = `${s.lab} ${s.report_number}`;
            return (
              <Table.Tr key={s.id}>
                <Table.Td ff="monospace">{label}</Table.Td>
                <Table.Td>{formatCarat(s.carat)}</Table.Td>
                <Table.Td>{s.colour}</Table.Td>
                <Table.Td>{s.clarity}</Table.Td>
                <Table.Td>{s.shape}</Table.Td>
                <Table.Td>
                  <StoneStateBadge state={s.state} />
                </Table.Td>
                <Table.Td>
                  {s.order_code ? <Link to={paths.order(s.order_code)}>{s.order_code}</Link> : '—'}
                </Table.Td>
                {canWrite && (
                  <Table.Td>
                    {s.state === 'available' && s.id && (
                      <Button
                        size="xs"
                        mih={44}
                        variant="light"
                        aria-label={`Allocate ${label}`}
                        onClick={() => onAllocate({ kind: 'certified', id: s.id!, label })}
                      >
                        Allocate
                      </Button>
                    )}
                    {s.state === 'allocated' && s.allocation_id && s.order_id && (
                      <Button
                        size="xs"
                        mih={44}
                        variant="default"
                        aria-label={`Release ${label}`}
                        loading={
                          release.isPending && release.variables?.allocationId === s.allocation_id
                        }
                        onClick={() =>
                          release.mutate({
                            allocationId: s.allocation_id!,
                            orderId: s.order_id!,
                          })
                        }
                      >
                        Release
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

function MeleeTable({
  rows,
  canWrite,
  onAllocate,
}: {
  rows: MeleeLot[];
  canWrite: boolean;
  onAllocate: (t: AllocationTarget) => void;
}) {
  return (
    <ScrollRegion label="Melee lots, scrolls sideways" minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label="Melee lots">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Lot</Table.Th>
            <Table.Th>Shape</Table.Th>
            <Table.Th>Size</Table.Th>
            <Table.Th>Colour</Table.Th>
            <Table.Th>Clarity</Table.Th>
            <Table.Th>Stones left</Table.Th>
            <Table.Th>Carats left</Table.Th>
            {canWrite && <Table.Th>Action</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td ff="monospace">{l.lot_code}</Table.Td>
              <Table.Td>{l.shape}</Table.Td>
              <Table.Td>{l.size_mm ? `${l.size_mm} mm` : '—'}</Table.Td>
              <Table.Td>{l.colour ?? '—'}</Table.Td>
              <Table.Td>{l.clarity ?? '—'}</Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  <Text size="sm">
                    {l.count_left} of {l.count_received}
                  </Text>
                  <Progress
                    value={(l.count_left / l.count_received) * 100}
                    size="sm"
                    aria-label={`${l.lot_code}: ${l.count_left} of ${l.count_received} stones left`}
                  />
                </Stack>
              </Table.Td>
              <Table.Td>{formatCarat(l.carat_left)}</Table.Td>
              {canWrite && (
                <Table.Td>
                  {l.count_left > 0 && (
                    <Button
                      size="xs"
                      mih={44}
                      variant="light"
                      aria-label={`Allocate from ${l.lot_code}`}
                      onClick={() =>
                        onAllocate({
                          kind: 'melee',
                          id: l.id,
                          label: `melee from ${l.lot_code}`,
                          countLeft: l.count_left,
                          caratLeft: l.carat_left,
                        })
                      }
                    >
                      Allocate
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

export function StonesPage({ canWrite }: StonesPageProps) {
  const [params, setParams] = useSearchParams();
  const filters = parseStoneFilters(params);
  const update = (patch: Partial<StoneFilters>) =>
    setParams(stoneFilterParams({ ...filters, ...patch }), { replace: true });
  const certified = useQuery({
    ...stoneQueries.inventory({ q: filters.q, state: filters.state, lab: filters.lab }),
    enabled: filters.tab === 'certified',
  });
  const melee = useQuery({
    ...stoneQueries.meleeLots(filters.q),
    enabled: filters.tab === 'melee',
  });
  // Typing settles before the URL (and the query) follows: one read per pause, not per key.
  const search = useDebouncedCallback((q: string) => update({ q }), 250);
  const [target, setTarget] = useState<AllocationTarget | null>(null);
  const [receiving, setReceiving] = useState(false);
  const filtered = Boolean(filters.q || filters.state || filters.lab);

  let certifiedBody;
  if (certified.isPending) certifiedBody = <Skeleton h={240} aria-label="Loading stones" />;
  else if (certified.isError)
    certifiedBody = <LoadError error={certified.error} retry={() => void certified.refetch()} />;
  else if (certified.data.length === 0)
    certifiedBody = (
      <EmptyState icon={<IconDiamond size={28} />} title="No stones here">
        {filtered
          ? 'No certified stone matches these filters.'
          : 'No certified stones in the inventory yet.'}
      </EmptyState>
    );
  else
    certifiedBody = (
      <CertifiedTable rows={certified.data} canWrite={canWrite} onAllocate={setTarget} />
    );

  let meleeBody;
  if (melee.isPending) meleeBody = <Skeleton h={200} aria-label="Loading melee lots" />;
  else if (melee.isError)
    meleeBody = <LoadError error={melee.error} retry={() => void melee.refetch()} />;
  else if (melee.data.length === 0)
    meleeBody = (
      <EmptyState icon={<IconDiamond size={28} />} title="No melee lots">
        {filters.q ? 'No melee lot matches this search.' : 'No melee lots in the inventory yet.'}
      </EmptyState>
    );
  else meleeBody = <MeleeTable rows={melee.data} canWrite={canWrite} onAllocate={setTarget} />;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1} size="h2">
            Stones
          </Title>
          <Text size="sm" c="gray.7">
            Certified stones and melee lots: what is in the safe, what is allocated, what is set.
          </Text>
        </Stack>
        {canWrite && (
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            mih={44}
            onClick={() => setReceiving(true)}
          >
            {filters.tab === 'melee' ? 'Receive melee lot' : 'Receive stone'}
          </Button>
        )}
      </Group>
      <Paper withBorder p="sm" radius="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label="Search"
            placeholder={
              filters.tab === 'melee' ? 'Lot, shape or colour' : 'Report number, order, shape…'
            }
            leftSection={<IconSearch size={16} aria-hidden />}
            defaultValue={filters.q}
            key={`${filters.tab}-search`}
            onChange={(e) => search(e.currentTarget.value)}
            style={{ flex: '1 1 240px' }}
          />
          {filters.tab === 'certified' && (
            <>
              <Stack gap={4}>
                <Text size="sm" fw={500} id="stone-state-label">
                  State
                </Text>
                <SegmentedControl
                  aria-labelledby="stone-state-label"
                  value={filters.state ?? 'all'}
                  onChange={(v) =>
                    update({ state: v === 'all' ? null : (v as StoneFilters['state']) })
                  }
                  data={[
                    { value: 'all', label: 'All' },
                    { value: 'available', label: 'Available' },
                    { value: 'allocated', label: 'Allocated' },
                    { value: 'set', label: 'Set' },
                  ]}
                />
              </Stack>
              <Select
                label="Lab"
                placeholder="Any lab"
                data={['GIA', 'IGI']}
                value={filters.lab}
                clearable
                onChange={(v) => update({ lab: (v as StoneFilters['lab']) ?? null })}
                w={140}
              />
            </>
          )}
        </Group>
      </Paper>
      <Tabs
        value={filters.tab}
        onChange={(v) =>
          update({ tab: v === 'melee' ? 'melee' : 'certified', state: null, lab: null })
        }
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="certified" mih={44}>
            Certified stones
          </Tabs.Tab>
          <Tabs.Tab value="melee" mih={44}>
            Melee lots
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="certified" pt="sm">
          {certifiedBody}
        </Tabs.Panel>
        <Tabs.Panel value="melee" pt="sm">
          {meleeBody}
        </Tabs.Panel>
      </Tabs>
      <AllocateToOrderModal target={target} onClose={() => setTarget(null)} />
      <ReceiveStoneModal
        opened={receiving && filters.tab === 'certified'}
        onClose={() => setReceiving(false)}
      />
      <ReceiveLotModal
        opened={receiving && filters.tab === 'melee'}
        onClose={() => setReceiving(false)}
      />
    </Stack>
  );
}
