// Booking a shipment: carrier and tracking number (checked as the database will), and whether
// the parcel already left today.
import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Select, Stack, TextInput } from '@mantine/core';
import { toAppError } from '../../../lib/errors';
import { carriers, trackingError, type Carrier } from '../lib/tracking';

export type ShipmentFormValues = { carrier: Carrier; trackingNumber: string; shippedNow: boolean };

type Props = {
  pending: boolean;
  error: unknown;
  onSubmit: (values: ShipmentFormValues) => void;
};

export function ShipmentForm({ pending, error, onSubmit }: Props) {
  const [carrier, setCarrier] = useState<Carrier | null>(null);
  const [tracking, setTracking] = useState('');
  const [shippedNow, setShippedNow] = useState(true);
  const [errors, setErrors] = useState<{ carrier?: string; tracking?: string }>({});
  const refusal = error ? toAppError(error) : null;

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const next = {
          carrier: carrier ? undefined : 'Choose the carrier.',
          tracking: trackingError(tracking) ?? undefined,
        };
        setErrors(next);
        if (next.carrier || next.tracking || !carrier) return;
        onSubmit({ carrier, trackingNumber: tracking, shippedNow });
      }}
    >
      <Stack gap="sm">
        <Group align="flex-start" gap="sm" wrap="wrap">
          <Select
            label="Carrier"
            data={[...carriers]}
            value={carrier}
            onChange={(v) => setCarrier(v as Carrier | null)}
            error={errors.carrier}
            w={160}
            size="md"
            withAsterisk
          />
          <TextInput
            label="Tracking number"
            value={tracking}
            onChange={(e) => setTracking(e.currentTarget.value)}
            error={errors.tracking}
            w={260}
            size="md"
            withAsterisk
            autoComplete="off"
          />
        </Group>
        <Checkbox
          label="Handed to the carrier today"
          checked={shippedNow}
          onChange={(e) => setShippedNow(e.currentTarget.checked)}
          size="md"
        />
        {refusal && (
          <Alert color="red" title="Shipment not saved" role="alert">
            {refusal.message}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={pending} h={44}>
            Add shipment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
