// Logging after-sales: a resize (from and to size, with whether it is free shown as it is typed)
// or a care request (cleaning, polish, prong check) with a note. The database prices it; the
// saved request shows its answer.
import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import type { Enums } from '../../../types/database';
import { toAppError } from '../../../lib/errors';
import { resizePricing, resizeSizeError } from '../lib/resize-pricing';

export type ServiceRequestValues =
  | { kind: 'resize'; fromSize: number; toSize: number; note: string }
  | { kind: Exclude<Enums<'service_kind'>, 'resize'>; note: string };

type Props = {
  ringSize: number | null;
  deliveredAt: string | null;
  earlierResizes: number;
  pending: boolean;
  error: unknown;
  onSubmit: (values: ServiceRequestValues) => void;
  /** For tests; the clock otherwise. */
  now?: Date;
};

const careKinds = [
  { value: 'cleaning', label: 'Cleaning' },
  { value: 'polish', label: 'Polish' },
  { value: 'prong_check', label: 'Prong check' },
];

function asNumber(value: string | number): number | null {
  return value === '' ? null : Number(value);
}

export function ServiceRequestForm(props: Props) {
  const [mode, setMode] = useState<'resize' | 'care'>('resize');
  const [fromSize, setFromSize] = useState<string | number>(props.ringSize ?? '');
  const [toSize, setToSize] = useState<string | number>('');
  const [care, setCare] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ from?: string; to?: string; care?: string }>({});
  const refusal = props.error ? toAppError(props.error) : null;

  const from = asNumber(fromSize);
  const to = asNumber(toSize);
  const pricing = resizePricing({
    deliveredAt: props.deliveredAt,
    now: props.now ?? new Date(),
    fromSize: from,
    toSize: to,
    earlierResizes: props.earlierResizes,
  });

  function submit() {
    if (mode === 'resize') {
      const next = {
        from: resizeSizeError(from, 'current size') ?? undefined,
        to:
          resizeSizeError(to, 'new size') ??
          (from !== null && to === from
            ? 'The new size must differ from the current size.'
            : undefined),
      };
      setErrors(next);
      if (next.from || next.to || from === null || to === null) return;
      props.onSubmit({ kind: 'resize', fromSize: from, toSize: to, note });
    } else {
      const next = { care: care ? undefined : 'Choose the kind of care.' };
      setErrors(next);
      if (!care) return;
      props.onSubmit({ kind: care as 'cleaning' | 'polish' | 'prong_check', note });
    }
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <SegmentedControl
          value={mode}
          onChange={(v) => {
            setMode(v as 'resize' | 'care');
            setErrors({});
          }}
          data={[
            { value: 'resize', label: 'Resize' },
            { value: 'care', label: 'Care request' },
          ]}
          aria-label="Kind of after-sales request"
          w={280}
        />
        {mode === 'resize' ? (
          <>
            <Group align="flex-start" gap="sm">
              <NumberInput
                label="Current size"
                value={fromSize}
                onChange={setFromSize}
                step={0.25}
                decimalScale={2}
                error={errors.from}
                w={140}
                size="md"
              />
              <NumberInput
                label="New size"
                value={toSize}
                onChange={setToSize}
                step={0.25}
                decimalScale={2}
                error={errors.to}
                w={140}
                size="md"
              />
            </Group>
            <Group gap="xs" aria-live="polite">
              <Badge color={pricing.free ? 'teal' : 'gray'} size="lg">
                {pricing.free ? 'Free resize' : 'Billed resize'}
              </Badge>
              <Text size="sm">{pricing.explanation}</Text>
            </Group>
          </>
        ) : (
          <Select
            label="Care"
            data={careKinds}
            value={care}
            onChange={setCare}
            error={errors.care}
            w={220}
            size="md"
          />
        )}
        <Textarea
          label="Note"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          rows={2}
        />
        {refusal && (
          <Alert color="red" title="Request not logged" role="alert">
            {refusal.message}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={props.pending} h={44}>
            {mode === 'resize' ? 'Log resize' : 'Log care request'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
