// Receiving a melee lot: its code, what the stones are, and how many came in at what total
// weight. The database starts the lot full and refuses a code already in use.
import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { toAppError } from '../../../lib/errors';
import { useReceiveMeleeLotMutation } from '../api/melee-lot-receive-mutation';

const blank = {
  code: '',
  shape: 'Round',
  size: '' as number | string,
  colour: '',
  clarity: '',
  count: '' as number | string,
  carat: '' as number | string,
};

export function ReceiveLotModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [form, setForm] = useState(blank);
  const close = () => {
    setForm(blank);
    receive.reset();
    onClose();
  };
  const receive = useReceiveMeleeLotMutation({ onSuccess: close });
  const set = (patch: Partial<typeof blank>) => setForm((f) => ({ ...f, ...patch }));

  return (
    <Modal opened={opened} onClose={close} title="Receive a melee lot">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          receive.mutate({
            lot_code: form.code.trim().toUpperCase(),
            shape: form.shape.trim() || 'Round',
            size_mm: form.size === '' ? null : Number(form.size),
            colour: form.colour.trim() || null,
            clarity: form.clarity.trim() || null,
            count_received: Number(form.count),
            carat_received: Number(form.carat),
          });
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <TextInput
              label="Lot code"
              placeholder="ML-1.3-GH-VS"
              value={form.code}
              onChange={(e) => set({ code: e.currentTarget.value })}
              required
              autoComplete="off"
            />
            <TextInput
              label="Shape"
              value={form.shape}
              onChange={(e) => set({ shape: e.currentTarget.value })}
              required
            />
            <NumberInput
              label="Size (mm)"
              min={0.1}
              step={0.1}
              decimalScale={2}
              value={form.size}
              onChange={(v) => set({ size: v })}
            />
            <TextInput
              label="Colour"
              placeholder="G-H"
              value={form.colour}
              onChange={(e) => set({ colour: e.currentTarget.value })}
            />
            <TextInput
              label="Clarity"
              placeholder="VS"
              value={form.clarity}
              onChange={(e) => set({ clarity: e.currentTarget.value })}
            />
            <NumberInput
              label="Stones received"
              min={1}
              allowDecimal={false}
              value={form.count}
              onChange={(v) => set({ count: v })}
              required
            />
            <NumberInput
              label="Total carats"
              min={0.001}
              step={0.01}
              decimalScale={3}
              value={form.carat}
              onChange={(v) => set({ carat: v })}
              required
            />
          </SimpleGrid>
          {receive.isError && (
            <Alert color="red" role="alert">
              {toAppError(receive.error).message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} mih={44}>
              Cancel
            </Button>
            <Button type="submit" loading={receive.isPending} mih={44}>
              Receive lot
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
