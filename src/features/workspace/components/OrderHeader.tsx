// The workspace header: code, customer (contact details only when the database returns them),
// stage with time in stage and SLA status, CAD state, priority, hold reason, the editable
// details and the "Move to…" control.
import type { ReactNode } from 'react';
import { Alert, Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlayerPause } from '@tabler/icons-react';
import { SlaBadge } from '../../../components/SlaBadge';
import { cadStateLabels, stageColors } from '../lib/labels';
import type { WorkspaceOrder } from '../api/order-query';
import { OrderDetailsControls } from './OrderDetailsControls';
import { MoveOrderControl } from './MoveOrderControl';
import { stageLabels } from '../../../lib/order-vocabulary';

type OrderHeaderProps = {
  data: WorkspaceOrder;
  /** Extra header actions composed by the route (e.g. recording a payment). */
  actions?: ReactNode;
};

export function OrderHeader({ data, actions }: OrderHeaderProps) {
  const { order, card, contact, customerName } = data;
  const late = card?.is_late ?? false;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={4}>
            <Title order={1} size="h2">
              {order.code}
            </Title>
            <Text size="lg" fw={500}>
              {customerName}
              <Text span c="dimmed" size="md">
                {' '}
                · {order.product_name}
              </Text>
            </Text>
            {contact && (
              <Text size="sm" c="dimmed" aria-label="Customer contact">
                {contact.full_name}
                {contact.email && (
                  <>
                    {' · '}
                    <Anchor href={`mailto:${contact.email}`} size="sm">
                      {contact.email}
                    </Anchor>
                  </>
                )}
                {contact.phone && (
                  <>
                    {' · '}
                    <Anchor href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`} size="sm">
                      {contact.phone}
                    </Anchor>
                  </>
                )}
                {contact.city && ` · ${contact.city}${contact.region ? `, ${contact.region}` : ''}`}
              </Text>
            )}
          </Stack>
          <Group gap="sm">
            {actions}
            <MoveOrderControl order={order} />
          </Group>
        </Group>

        <Group gap="xs" role="group" aria-label="Status">
          <Badge color={stageColors[order.stage]} size="lg" variant="filled">
            {stageLabels[order.stage]}
          </Badge>
          {order.stage === 'cad' && order.cad_state && (
            <Badge color="violet" variant="light" size="lg">
              CAD: {cadStateLabels[order.cad_state]}
            </Badge>
          )}
          <SlaBadge
            status={card?.sla_status}
            elapsed={card?.time_in_stage}
            unit={card?.sla_unit}
            size="lg"
          />
          {order.priority > 0 && (
            <Badge color="red" variant="light" size="lg">
              {order.priority === 2 ? 'Top priority' : 'Rush'}
            </Badge>
          )}
          {late && (
            <Badge color="red" size="lg">
              Past promised date
            </Badge>
          )}
          <Text size="sm" c="dimmed">
            In {stageLabels[order.stage].toLowerCase()} since{' '}
            {new Date(order.stage_entered_at).toLocaleString()}
          </Text>
        </Group>

        {order.stage === 'on_hold' && (
          <Alert color="pink" icon={<IconPlayerPause size={18} />} title="On hold">
            {order.on_hold_reason}
            {order.resume_stage &&
              ` — returns to ${stageLabels[order.resume_stage].toLowerCase()}.`}
          </Alert>
        )}
        {order.stage === 'cancelled' && (
          <Alert color="gray" title="Cancelled">
            {order.cancel_reason}
          </Alert>
        )}

        <OrderDetailsControls order={order} />
      </Stack>
    </Paper>
  );
}
