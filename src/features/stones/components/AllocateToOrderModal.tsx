// "Allocate to an order" from the inventory: the order code as printed on the job ticket (or
// scanned into the field by a wedge scanner), and for melee how many stones. The database
// decides; its refusal is shown here in its own words.
import { useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { toAppError } from '../../../lib/errors';
import { fetchOrderByCode } from '../api/order-by-code-query';
import { useAllocateStoneMutation } from '../api/stone-allocate-mutation';
import { useAllocateMeleeMutation } from '../api/melee-allocate-mutation';
import { formatCarat } from '../lib/stone-filters';

export type AllocationTarget =
  | { kind: 'certified'; id: string; label: string }
  | { kind: 'melee'; id: string; label: string; countLeft: number; caratLeft: number };

type Props = { target: AllocationTarget | null; onClose: () => void };

export function AllocateToOrderModal({ target, onClose }: Props) {
  const [code, setCode] = useState('');
  const [count, setCount] = useState<number | string>(10);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const [looking, setLooking] = useState(false);
  const close = () => {
    setCode('');
    setLookupError(null);
    onClose();
  };
  const stone = useAllocateStoneMutation({ onSuccess: close });
  const melee = useAllocateMeleeMutation({ onSuccess: close });
  const busy = looking || stone.isPending || melee.isPending;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!target) return;
    setLookupError(null);
    setLooking(true);
    try {
      const order = await fetchOrderByCode(code);
      if (target.kind === 'certified') {
        stone.mutate({ orderId: order.id, orderCode: order.code, stoneId: target.id });
      } else {
        melee.mutate({ orderId: order.id, lotId: target.id, count: Number(count) });
      }
    } catch (error) {
      setLookupError(toAppError(error).message);
    } finally {
      setLooking(false);
    }
  }

  return (
    <Modal
      opened={target !== null}
      onClose={close}
      title={target ? `Allocate ${target.label}` : 'Allocate'}
    >
      {target && (
        <form onSubmit={(e) => void submit(e)}>
          <Stack gap="sm">
            {target.kind === 'melee' && (
              <Text size="sm">
                {target.countLeft} stones ({formatCarat(target.caratLeft)}) left in this lot.
              </Text>
            )}
            <TextInput
              label="Order code"
              description="As printed on the job ticket, e.g. LP-2026-0042"
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              required
              data-autofocus
              autoComplete="off"
            />
            {target.kind === 'melee' && (
              <NumberInput
                label="Number of stones"
                min={1}
                max={target.countLeft}
                allowDecimal={false}
                value={count}
                onChange={setCount}
                required
              />
            )}
            {lookupError && (
              <Alert color="red" role="alert">
                {lookupError}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close} mih={44}>
                Cancel
              </Button>
              <Button type="submit" loading={busy} mih={44}>
                Allocate
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
