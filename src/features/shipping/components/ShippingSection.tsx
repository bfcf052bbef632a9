// Shipping and after-sales: the parcels with carrier, tracking and dates (add one, mark it
// shipped or delivered), and, once delivered, resizes and care requests with whether each is free.
import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Divider,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import type { Tables } from '../../../types/database';
import { shippingQueries } from '../api/shipping-queries';
import { useCreateShipmentMutation } from '../api/shipment-create-mutation';
import { useUpdateShipmentMutation } from '../api/shipment-update-mutation';
import { useCreateServiceRequestMutation } from '../api/service-request-create-mutation';
import type { Shipment } from '../api/shipments-query';
import { ShipmentForm } from './ShipmentForm';
import { ServiceRequestForm } from './ServiceRequestForm';

type ShippingSectionProps = {
  order: Pick<Tables<'orders'>, 'id' | 'code' | 'stage' | 'ring_size'>;
  /** After an act that the order's history shows (shipped, service requested). */
  onLogged?: () => void;
};

const serviceLabels: Record<Tables<'service_requests'>['kind'], string> = {
  resize: 'Resize',
  cleaning: 'Cleaning',
  polish: 'Polish',
  prong_check: 'Prong check',
};

/** Today means now (it cannot precede the shipping time); an earlier day means its noon, so a
 * date without a time never slips to the day before in another time zone. */
function deliveryTime(day: string): string {
  const today = new Date().toLocaleDateString('en-CA');
  return (day === today ? new Date() : new Date(`${day}T12:00:00`)).toISOString();
}

function when(value: string | null): string {
  return value ? new Date(value).toLocaleDateString() : '—';
}

export function ShippingSection({ order, onLogged }: ShippingSectionProps) {
  const shipments = useQuery(shippingQueries.shipments(order.id));
  const afterSales = useQuery({
    ...shippingQueries.afterSales(order.id),
    enabled: order.stage === 'delivered',
  });
  const [adding, setAdding] = useState(false);
  const create = useCreateShipmentMutation(() => {
    setAdding(false);
    onLogged?.();
    notifications.show({ color: 'teal', message: 'Shipment saved.' });
  });
  const logRequest = useCreateServiceRequestMutation((saved) => {
    onLogged?.();
    notifications.show({
      color: 'teal',
      message: `${serviceLabels[saved.kind]} logged${saved.kind === 'resize' ? (saved.is_free ? ': free.' : ': billed.') : '.'}`,
    });
  });
  const canShip = ['shipping', 'delivered'].includes(order.stage);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="shipping-title">
      <Title order={2} size="h4" id="shipping-title" mb="sm">
        Shipping & after-sales
      </Title>
      {shipments.isPending && <Loader size="sm" aria-label="Loading shipments" />}
      {shipments.isError && (
        <Alert color="red" title="Shipments did not load">
          {shipments.error.message}
        </Alert>
      )}
      {shipments.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {canShip ? 'No shipment booked yet.' : 'The order ships after QC.'}
        </Text>
      )}
      {shipments.data && shipments.data.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" aria-label="Shipments">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Carrier</Table.Th>
                <Table.Th>Tracking</Table.Th>
                <Table.Th>Shipped</Table.Th>
                <Table.Th>Delivered</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shipments.data.map((s) => (
                <ShipmentRow key={s.id} shipment={s} orderId={order.id} onLogged={onLogged} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canShip &&
        (adding ? (
          <Stack mt="sm">
            <ShipmentForm
              pending={create.isPending}
              error={create.error}
              onSubmit={(v) =>
                create.mutate({
                  orderId: order.id,
                  carrier: v.carrier,
                  trackingNumber: v.trackingNumber,
                  shippedAt: v.shippedNow ? new Date().toISOString() : null,
                })
              }
            />
          </Stack>
        ) : (
          <Button mt="sm" variant="light" onClick={() => setAdding(true)} h={44}>
            Add shipment
          </Button>
        ))}

      <Divider my="md" />
      <Title order={3} size="h5" mb="xs">
        After-sales
      </Title>
      {order.stage !== 'delivered' ? (
        <Text size="sm" c="dimmed">
          Resizes and care are logged once the order is delivered.
        </Text>
      ) : (
        <Stack gap="sm">
          {afterSales.isPending && <Loader size="sm" aria-label="Loading after-sales" />}
          {afterSales.isError && (
            <Alert color="red" title="After-sales did not load">
              {afterSales.error.message}
            </Alert>
          )}
          {afterSales.data?.requests.map((r) => (
            <Group key={r.id} gap="xs">
              <Badge color={r.kind === 'resize' && r.is_free ? 'teal' : 'gray'}>
                {r.kind === 'resize' ? (r.is_free ? 'Free' : 'Billed') : 'Care'}
              </Badge>
              <Text size="sm">
                {serviceLabels[r.kind]}
                {r.kind === 'resize' && ` ${r.from_size} → ${r.to_size}`} · {when(r.requested_at)} ·{' '}
                {r.status.replace('_', ' ')}
                {r.note && ` · “${r.note}”`}
              </Text>
            </Group>
          ))}
          {afterSales.data && (
            <ServiceRequestForm
              // A fresh form after each logged request (its sizes and note were for that one).
              key={afterSales.data.requests.length}
              ringSize={order.ring_size}
              deliveredAt={afterSales.data.deliveredAt}
              earlierResizes={afterSales.data.requests.filter((r) => r.kind === 'resize').length}
              pending={logRequest.isPending}
              error={logRequest.error}
              onSubmit={(v) =>
                logRequest.mutate(
                  v.kind === 'resize'
                    ? {
                        orderId: order.id,
                        kind: 'resize',
                        fromSize: v.fromSize,
                        toSize: v.toSize,
                        note: v.note,
                      }
                    : { orderId: order.id, kind: v.kind, note: v.note },
                )
              }
            />
          )}
        </Stack>
      )}
    </Paper>
  );
}

function ShipmentRow({
  shipment,
  orderId,
  onLogged,
}: {
  shipment: Shipment;
  orderId: string;
  onLogged?: () => void;
}) {
  const update = useUpdateShipmentMutation(onLogged);
  const [deliveredOn, setDeliveredOn] = useState('');
  return (
    <Table.Tr>
      <Table.Td>{shipment.carrier}</Table.Td>
      <Table.Td>
        <Text ff="monospace" size="sm">
          {shipment.tracking_number ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td>
        {shipment.shipped_at ? (
          when(shipment.shipped_at)
        ) : (
          <Button
            size="xs"
            mih={44}
            variant="light"
            loading={update.isPending}
            onClick={() =>
              update.mutate({
                orderId,
                shipmentId: shipment.id,
                changes: { shipped_at: new Date().toISOString() },
              })
            }
          >
            Mark shipped today
          </Button>
        )}
      </Table.Td>
      <Table.Td>
        {shipment.delivered_at ? (
          <Badge color="teal" variant="light">
            {when(shipment.delivered_at)}
          </Badge>
        ) : shipment.shipped_at ? (
          <Group gap={4} wrap="nowrap">
            <TextInput
              type="date"
              aria-label="Delivered on"
              value={deliveredOn}
              max={new Date().toLocaleDateString('en-CA')}
              onChange={(e) => setDeliveredOn(e.currentTarget.value)}
              size="md"
            />
            <Button
              size="xs"
              mih={44}
              variant="light"
              disabled={!deliveredOn}
              loading={update.isPending}
              onClick={() =>
                update.mutate({
                  orderId,
                  shipmentId: shipment.id,
                  changes: { delivered_at: deliveryTime(deliveredOn) },
                })
              }
            >
              Record delivery
            </Button>
          </Group>
        ) : (
          '—'
        )}
      </Table.Td>
    </Table.Tr>
  );
}
