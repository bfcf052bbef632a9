// Receiving a certified stone into the safe: lab, report number and grading from its report.
// The database checks the number's format for the lab and that it is not in the inventory yet.
import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { toAppError } from '../../../lib/errors';
import { clarityGrades } from '../../../lib/stone-grades';
import { useReceiveStoneMutation } from '../api/stone-receive-mutation';

const blank = {
  lab: 'GIA',
  report: '',
  carat: '' as number | string,
  colour: '',
  clarity: 'VS1',
  shape: '',
};

export function ReceiveStoneModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [form, setForm] = useState(blank);
  const close = () => {
    setForm(blank);
    receive.reset();
    onClose();
  };
  const receive = useReceiveStoneMutation({ onSuccess: close });
  const set = (patch: Partial<typeof blank>) => setForm((f) => ({ ...f, ...patch }));

  return (
    <Modal opened={opened} onClose={close} title="Receive a certified stone">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          receive.mutate({
            lab: form.lab as 'GIA' | 'IGI',
            report_number: form.report,
            carat: Number(form.carat),
            colour: form.colour.trim(),
            clarity: form.clarity,
            shape: form.shape.trim(),
          });
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <Select
              label="Lab"
              data={['GIA', 'IGI']}
              value={form.lab}
              onChange={(v) => set({ lab: v ?? 'GIA' })}
              allowDeselect={false}
            />
            <TextInput
              label="Report number"
              value={form.report}
              onChange={(e) => set({ report: e.currentTarget.value })}
              required
              autoComplete="off"
            />
            <NumberInput
              label="Carat"
              min={0.001}
              step={0.01}
              decimalScale={3}
              value={form.carat}
              onChange={(v) => set({ carat: v })}
              required
            />
            <TextInput
              label="Colour"
              placeholder="F"
              value={form.colour}
              onChange={(e) => set({ colour: e.currentTarget.value.toUpperCase() })}
              required
            />
            <Select
              label="Clarity"
              data={[...clarityGrades]}
              value={form.clarity}
              onChange={(v) => set({ clarity: v ?? 'VS1' })}
              allowDeselect={false}
            />
            <TextInput
              label="Shape"
              placeholder="Oval"
              value={form.shape}
              onChange={(e) => set({ shape: e.currentTarget.value })}
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
              Receive stone
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
