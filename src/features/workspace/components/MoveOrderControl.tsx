// "Move to…": the stages an order can go to from here, then a short dialog that asks for the
// reason where the workshop requires one and shows the database's answer. The database decides
// every move; a refusal keeps the dialog open with its sentence so nothing typed is lost.
import { useState } from 'react';
import { Alert, Button, Group, Menu, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowRight, IconChevronDown } from '@tabler/icons-react';
import { toAppError } from '../../../lib/errors';
import { type OrderStage } from '../lib/labels';
import {
  moveNeedsReason,
  moveTargets,
  reasonPrompt,
  reasonRequiredMessage,
} from '../lib/stage-moves';
import { useMoveOrderMutation } from '../api/order-move-mutation';
import type { OrderRow } from '../api/order-query';
import { stageLabels } from '../../../lib/order-vocabulary';

type MoveOrderControlProps = {
  order: Pick<OrderRow, 'id' | 'code' | 'stage' | 'resume_stage' | 'version'>;
};

export function MoveOrderControl({ order }: MoveOrderControlProps) {
  const [target, setTarget] = useState<OrderStage | null>(null);
  const targets = moveTargets(order.stage, order.resume_stage);
  if (targets.length === 0) return null;
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button rightSection={<IconChevronDown size={16} />} h={44}>
            Move to…
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {targets.map((stage) => (
            <Menu.Item
              key={stage}
              leftSection={<IconArrowRight size={14} />}
              color={stage === 'cancelled' ? 'red' : undefined}
              onClick={() => setTarget(stage)}
            >
              {stageLabels[stage]}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {target && <MoveDialog order={order} target={target} onClose={() => setTarget(null)} />}
    </>
  );
}

function MoveDialog({
  order,
  target,
  onClose,
}: MoveOrderControlProps & { target: OrderStage; onClose: () => void }) {
  const move = useMoveOrderMutation(order.code);
  const [note, setNote] = useState('');
  const [override, setOverride] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const needsReason = moveNeedsReason(order.stage, target);
  const refusal = move.error ? toAppError(move.error) : null;
  // A WIP limit refusal can be overridden by a manager with a reason; the field appears then.
  const showOverride = refusal?.code === 'LP020' || override !== '';

  function submit() {
    if (needsReason && note.trim() === '') {
      setNoteError(reasonRequiredMessage(order.stage, target));
      return;
    }
    move.mutate(
      {
        orderId: order.id,
        toStage: target,
        expectedVersion: order.version,
        note: note.trim() || undefined,
        overrideReason: override.trim() || undefined,
      },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: `${order.code} moved to ${stageLabels[target].toLowerCase()}.`,
          });
          onClose();
        },
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={`Move ${order.code} to ${stageLabels[target]}`} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          {target === 'cancelled' && (
            <Text size="sm">A cancelled order cannot move again. Its history is kept.</Text>
          )}
          <Textarea
            label={reasonPrompt(order.stage, target)}
            withAsterisk={needsReason}
            value={note}
            onChange={(e) => {
              setNote(e.currentTarget.value);
              setNoteError(null);
            }}
            error={noteError}
            rows={2}
            data-autofocus
          />
          {showOverride && (
            <Textarea
              label="Reason to go over the WIP limit (managers)"
              value={override}
              onChange={(e) => setOverride(e.currentTarget.value)}
            />
          )}
          {refusal && (
            <Alert color="red" title="Not moved" role="alert">
              {refusal.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} h={44}>
              Keep it here
            </Button>
            <Button
              type="submit"
              loading={move.isPending}
              color={target === 'cancelled' ? 'red' : undefined}
              h={44}
            >
              Move to {stageLabels[target].toLowerCase()}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
