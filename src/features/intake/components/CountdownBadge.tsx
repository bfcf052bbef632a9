// The 2 hour promise of one request as a badge: time left (teal), under 30 minutes (orange),
// breached (red). The label ticks; the accessible name is a calm sentence, not every second.
import { Badge, Tooltip } from '@mantine/core';
import { IconClock, IconAlertTriangle } from '@tabler/icons-react';
import { countdown, countdownColors, formatDeadline } from '../lib/countdown';

export function CountdownBadge({ receivedAt, now }: { receivedAt: string; now: number }) {
  const c = countdown(receivedAt, now);
  return (
    <Tooltip label={`Confirm by ${formatDeadline(receivedAt)}`} withArrow>
      <Badge
        color={countdownColors[c.status]}
        variant={c.status === 'on_track' ? 'light' : 'filled'}
        size="lg"
        radius="sm"
        leftSection={
          c.status === 'breached' ? <IconAlertTriangle size={14} /> : <IconClock size={14} />
        }
        data-status={c.status}
        aria-label={c.description}
        style={{ fontVariantNumeric: 'tabular-nums', textTransform: 'none' }}
      >
        {c.label}
      </Badge>
    </Tooltip>
  );
}
