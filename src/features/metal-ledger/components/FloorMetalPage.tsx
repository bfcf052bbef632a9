// /floor-metal, "Metal on the floor": what a workshop manager reconciles at day's end — metal
// issued and not yet returned, per alloy and per person, the open steps behind it, and the
// orders whose loss was above the norm. Every figure is the database's; the page follows new
// entries live.
import type { ReactNode } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { metalLabels } from '../../../lib/order-vocabulary';
import { metalLedgerQueries } from '../api/metal-ledger-queries';
import { useMetalLedgerLive } from '../api/ledger-live';
import { floorTotals, type FloorTotal } from '../lib/floor';
import { formatGrams, formatPercent, stepLabels, type Metal } from '../lib/grams';

const metalName = (key: string) => metalLabels[key as Metal] ?? key;

export function FloorMetalPage() {
  useMetalLedgerLive();
  const holdings = useQuery(metalLedgerQueries.onFloor());
  const open = useQuery(metalLedgerQueries.openSteps());
  const flagged = useQuery(metalLedgerQueries.flagged());

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Metal on the floor
      </Title>
      <Text c="dimmed" size="sm">
        Metal issued to a bench and not yet weighed back, as of now. A step is back once its return
        is logged; what did not come back then is its loss.
      </Text>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card title="Per alloy" titleId="floor-per-alloy">
          <Loaded query={holdings} what="metal on the floor">
            {(rows) => (
              <TotalsTable
                label="Metal on the floor per alloy"
                first="Alloy"
                totals={floorTotals(rows, 'metal', metalName)}
              />
            )}
          </Loaded>
        </Card>
        <Card title="Per person" titleId="floor-per-person">
          <Loaded query={holdings} what="metal on the floor">
            {(rows) => (
              <TotalsTable
                label="Metal on the floor per person"
                first="Person"
                totals={floorTotals(rows, 'person')}
              />
            )}
          </Loaded>
        </Card>
      </SimpleGrid>

      <Card title="Steps with metal out" titleId="floor-open-steps">
        <Loaded query={open} what="open steps">
          {(rows) =>
            rows.length === 0 ? (
              <Text c="dimmed">
                No metal is out: every step issued today has been weighed back.
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table aria-label="Steps with metal out">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Order</Table.Th>
                      <Table.Th>Step</Table.Th>
                      <Table.Th>Alloy</Table.Th>
                      <Table.Th>Held by</Table.Th>
                      <Table.Th ta="right">Out</Table.Th>
                      <Table.Th>Since</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((s) => (
                      <Table.Tr key={`${s.order_id}-${s.step}`}>
                        <Table.Td>
                          <OrderLink code={s.order_code} />
                        </Table.Td>
                        <Table.Td>{s.step ? stepLabels[s.step] : '—'}</Table.Td>
                        <Table.Td>{s.metal ? metalName(s.metal) : '—'}</Table.Td>
                        <Table.Td>{s.held_by_name ?? '—'}</Table.Td>
                        <Table.Td ta="right">{formatGrams(s.on_floor_grams)}</Table.Td>
                        <Table.Td>
                          {s.last_entry_at ? new Date(s.last_entry_at).toLocaleString() : '—'}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </Loaded>
      </Card>

      <Card title="Orders whose loss was flagged" titleId="floor-flagged">
        <Loaded query={flagged} what="flagged losses">
          {(rows) =>
            rows.length === 0 ? (
              <Text c="dimmed">No step has lost more than its norm.</Text>
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table aria-label="Orders whose loss was flagged">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Order</Table.Th>
                      <Table.Th>Step</Table.Th>
                      <Table.Th>Alloy</Table.Th>
                      <Table.Th ta="right">Issued</Table.Th>
                      <Table.Th ta="right">Loss</Table.Th>
                      <Table.Th ta="right">Norm</Table.Th>
                      <Table.Th>Weighed back</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((s) => (
                      <Table.Tr key={`${s.order_id}-${s.step}`}>
                        <Table.Td>
                          <OrderLink code={s.order_code} />
                        </Table.Td>
                        <Table.Td>{s.step ? stepLabels[s.step] : '—'}</Table.Td>
                        <Table.Td>{s.metal ? metalName(s.metal) : '—'}</Table.Td>
                        <Table.Td ta="right">{formatGrams(s.issued_grams)}</Table.Td>
                        <Table.Td ta="right">
                          <Text span c="red.8" fw={600} style={{ whiteSpace: 'nowrap' }}>
                            {formatGrams(s.loss_grams)} · {formatPercent(s.loss_pct)}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">{formatPercent(s.norm_pct)}</Table.Td>
                        <Table.Td>
                          {s.closed_at ? new Date(s.closed_at).toLocaleDateString() : '—'}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </Loaded>
      </Card>
    </Stack>
  );
}

function OrderLink({ code }: { code: string | null }) {
  if (!code) return <>—</>;
  return (
    <Anchor component={Link} to={paths.order(code)} fw={600} style={{ whiteSpace: 'nowrap' }}>
      {code}
    </Anchor>
  );
}

function Card({
  title,
  titleId,
  children,
}: {
  title: string;
  titleId: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" id={titleId} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Loaded<T>({
  query,
  what,
  children,
}: {
  query: UseQueryResult<T>;
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Skeleton h={120} role="status" aria-label={`Loading ${what}`} />;
  if (query.isError) {
    return (
      <Alert color="red" title={`The ${what} did not load`}>
        {query.error.message}{' '}
        <Button variant="subtle" size="compact-sm" onClick={() => void query.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  }
  return <>{children(query.data)}</>;
}

function TotalsTable({
  label,
  first,
  totals,
}: {
  label: string;
  first: string;
  totals: FloorTotal[];
}) {
  if (totals.length === 0) {
    return <Text c="dimmed">No metal is out.</Text>;
  }
  const sum = Math.round(totals.reduce((a, t) => a + t.grams, 0) * 100) / 100;
  return (
    <Table aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{first}</Table.Th>
          <Table.Th ta="right">Out</Table.Th>
          <Table.Th ta="right">Open steps</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {totals.map((t) => (
          <Table.Tr key={t.key}>
            <Table.Th scope="row" fw={400}>
              {t.label}
            </Table.Th>
            <Table.Td ta="right">{formatGrams(t.grams)}</Table.Td>
            <Table.Td ta="right">{t.openSteps}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th scope="row">Total</Table.Th>
          <Table.Th ta="right">{formatGrams(sum)}</Table.Th>
          <Table.Th ta="right">{totals.reduce((a, t) => a + t.openSteps, 0)}</Table.Th>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
