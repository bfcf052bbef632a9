// Orders whose quote is out, waiting for the customer to pay: the stylist records the payment
// here (the route puts the payments feature's control in the slot).
import type { ReactNode } from 'react';
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import dayjs from 'dayjs';
import type { AwaitingPaymentOrder } from '../api/awaiting-payment-query';
import { formatMoney } from '../lib/labels';

export function AwaitingPaymentList({
  orders,
  renderAction,
}: {
  orders: AwaitingPaymentOrder[];
  renderAction?: (order: AwaitingPaymentOrder) => ReactNode;
}) {
  return (
    <section aria-labelledby="awaiting-payment-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="awaiting-payment-title">
          Awaiting payment
        </Title>
        <Badge variant="outline" color="gray.7">
          {orders.length}
        </Badge>
      </Group>
      {orders.length === 0 ? (
        <Text c="gray.7" size="sm" py="sm">
          No quotes are waiting for payment.
        </Text>
      ) : (
        <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {orders.map((o) => (
            <Paper
              key={o.id}
              component="li"
              withBorder
              radius="md"
              p="sm"
              aria-label={`${o.code}, ${o.customer?.display_name ?? 'customer'}`}
            >
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap={6}>
                    <Text fw={600}>{o.code}</Text>
                    <Text size="sm">{o.customer?.display_name}</Text>
                    {o.paid_at && (
                      <Badge size="sm" color="orange.9" variant="outline">
                        Paid, waiting for a CAD slot
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" c="gray.7">
                    {o.product_name} · {formatMoney(o.quote_amount, o.quote_currency)} · quoted{' '}
                    {dayjs(o.stage_entered_at).format('D MMM')}
                  </Text>
                </Stack>
                {!o.paid_at && renderAction?.(o)}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </section>
  );
}
