// A CAD action button that, when the act is not possible now, stays visible but disabled with
// the reason written under it (not only in a tooltip: touch screens have no hover).
import { useId } from 'react';
import { Button, Stack, Text, type ButtonProps } from '@mantine/core';
import type { Availability } from '../lib/cad-rounds';

type Props = ButtonProps & {
  availability: Availability;
  onClick: () => void;
  children: string;
};

export function CadActionButton({ availability, onClick, children, ...button }: Props) {
  const reasonId = useId();
  return (
    <Stack gap={4} maw={260}>
      <Button
        {...button}
        h={44}
        disabled={!availability.enabled}
        aria-describedby={availability.enabled ? undefined : reasonId}
        onClick={onClick}
      >
        {children}
      </Button>
      {!availability.enabled && (
        <Text id={reasonId} size="xs" c="dimmed">
          {availability.reason}
        </Text>
      )}
    </Stack>
  );
}
