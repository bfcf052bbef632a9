// The 2 hour promise of one request as a badge: time left (teal), under 30 minutes (orange),
// breached (red). The tooltip says it in words, with the deadline's wall-clock time.
import { Badge, Tooltip } from '@mantine/core';
import { IconClock, IconAlertTriangle } from '@tabler/icons-react';
import { countdown, countdownColors, formatDeadline } from '../lib/countdown';

export function CountdownBadge({ receivedAt, now }: { receivedAt: string; now: number }) {
  const c = countdown(receivedAt, now);
  return (
    <Tooltip label={`${c.description} Deadline: ${formatDeadline(receivedAt)}.`} withArrow>
      <Badge
        color={countdownColors[c.status].color}
        c={countdownColors[c.status].text}
        variant={countdownColors[c.status].variant}
        size="lg"
        radius="sm"
        leftSection={
          c.status === 'breached' ? <IconAlertTriangle size={14} /> : <IconClock size={14} />
        }
        data-status={c.status}
        style={{ fontVariantNumeric: 'tabular-nums', textTransform: 'none' }}
      >
        {c.label}
      </Badge>
    </Tooltip>
  );
}
