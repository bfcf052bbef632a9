// "Record payment" for an order awaiting payment: a button that opens a short form — how the
// customer paid and on which day, with the quoted amount shown — and, once the database has
// recorded it, says where the order went (CAD, or still waiting when CAD is full).
import { useState } from 'react';
import { Alert, Button, Group, Loader, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { IconCash } from '@tabler/icons-react';
import type { Enums, Tables } from '../../../types/database';
import { paymentQueries } from '../api/payment-queries';
import { useRecordPaymentMutation } from '../api/payment-record-mutation';
import { paymentMethods, type PaymentMethod } from '../lib/payment-methods';
import { dayOf, validatePayment, type PaymentErrors } from '../lib/payment-form';

export type RecordPaymentProps = {
  orderId: string;
  /** The order version the caller is showing: a payment against an older one is refused. */
  version: number;
  stage: Enums<'order_stage'>;
  /** Called with the order as the database left it (e.g. to refresh the caller's lists). */
  onRecorded?: (order: Tables<'orders'>) => void;
  size?: 'xs' | 'sm' | 'md';
};

function money(amount: number | null | undefined, currency: string | undefined): string {
  if (amount === null || amount === undefined) return 'No quote yet';
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: currency ?? 'USD',
    }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency ?? ''}`.trim();
  }
}

export function RecordPayment({
  orderId,
  version,
  stage,
  onRecorded,
  size = 'sm',
}: RecordPaymentProps) {
  const [opened, { open, close }] = useDisclosure(false);
  if (stage !== 'awaiting_payment') return null;
  return (
    <>
      <Button size={size} mih={44} leftSection={<IconCash size={16} />} onClick={open}>
        Record payment
      </Button>
      {opened && (
        <RecordPaymentModal
          orderId={orderId}
          version={version}
          onClose={close}
          onRecorded={onRecorded}
        />
      )}
    </>
  );
}

function RecordPaymentModal({
  orderId,
  version,
  onClose,
  onRecorded,
}: {
  orderId: string;
  version: number;
  onClose: () => void;
  onRecorded?: (order: Tables<'orders'>) => void;
}) {
  const order = useQuery(paymentQueries.order(orderId));
  const [method, setMethod] = useState<PaymentMethod | null>(null);
  // The day the form opened: today's date as the default and the latest day allowed.
  const [today] = useState(() => dayOf(Date.now()));
  const [paidOn, setPaidOn] = useState(today);
  const [errors, setErrors] = useState<PaymentErrors>({});
  const mutation = useRecordPaymentMutation((saved) => {
    notifications.show({
      color: saved.stage === 'cad' ? 'teal' : 'orange',
      title: `Payment recorded for ${saved.code}`,
      message:
        saved.stage === 'cad'
          ? 'Paid in full. The order has moved on to CAD.'
          : 'Paid in full. CAD is at its WIP limit, so the order waits in awaiting payment until a slot frees up.',
    });
    onRecorded?.(saved);
    onClose();
  });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!order.data) return;
    const result = validatePayment({ method, paidOn }, order.data.created_at, Date.now());
    setErrors(result.errors);
    if (!result.paidAt || !method) return;
    mutation.mutate({ orderId, version, method, paidAt: result.paidAt });
  };

  const title = order.data ? `Record payment — ${order.data.code}` : 'Record payment';
  return (
    <Modal opened onClose={onClose} title={title} centered size="md">
      {order.isPending ? (
        <Group justify="center" py="lg">
          <Loader size="sm" aria-label="Loading the order" />
        </Group>
      ) : order.isError ? (
        <Alert color="red" title="Could not load the order">
          {order.error.message}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <div>
              <Text size="sm" c="gray.7">
                Amount paid in full (the quote)
              </Text>
              <Text fw={600} size="lg" data-testid="payment-amount">
                {money(order.data.quote_amount, order.data.quote_currency)}
              </Text>
            </div>
            <Radio.Group
              label="How the customer paid"
              description="Installment plans count as paid in full: the provider pays the house up front."
              value={method}
              onChange={(value) => setMethod(value as PaymentMethod)}
              error={errors.method}
              required
            >
              <Stack gap={4} mt="xs">
                {paymentMethods.map((m) => (
                  <Radio key={m.value} value={m.value} label={m.label} py={10} />
                ))}
              </Stack>
            </Radio.Group>
            <TextInput
              type="date"
              label="Paid on"
              value={paidOn}
              onChange={(e) => setPaidOn(e.currentTarget.value)}
              min={dayOf(order.data.created_at)}
              max={today}
              error={errors.paidOn}
              required
              size="md"
            />
            {mutation.isError && (
              <Alert color="red" title="The payment was not recorded" role="alert">
                {mutation.error.message}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose} mih={44}>
                Cancel
              </Button>
              <Button type="submit" loading={mutation.isPending} mih={44}>
                Record full payment
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
