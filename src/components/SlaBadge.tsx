// The SLA badge: on track / at risk / late, with the time in stage in the stage's unit (business
// days where the target is in business days). Status comes from the database; a stage without
// a clock (awaiting payment, on hold, delivered) shows nothing.
import { Badge, VisuallyHidden, type BadgeProps } from '@mantine/core';
import {
  formatElapsedLong,
  formatElapsedShort,
  isSlaStatus,
  slaStatusColors,
  slaStatusLabels,
  type SlaUnit,
} from '../lib/sla-display';

type SlaBadgeProps = {
  /** public.order_board.sla_status: 'green' | 'amber' | 'red', or null without a clock. */
  status: string | null | undefined;
  /** Time in stage, in `unit`. */
  elapsed?: number | null;
  unit?: SlaUnit | null;
  size?: BadgeProps['size'];
};

export function SlaBadge({ status, elapsed, unit, size = 'sm' }: SlaBadgeProps) {
  if (!isSlaStatus(status)) return null;
  const label = slaStatusLabels[status];
  const hasTime = elapsed !== null && elapsed !== undefined && !!unit;
  const short = hasTime ? `${label} · ${formatElapsedShort(elapsed, unit)}` : label;
  const long = hasTime
    ? `SLA ${label.toLowerCase()}, ${formatElapsedLong(elapsed, unit)} in stage`
    : `SLA ${label.toLowerCase()}`;
  // The visible text is terse for a crowded card; screen readers get the sentence instead.
  return (
    <Badge
      size={size}
      color={slaStatusColors[status].color}
      c={slaStatusColors[status].text}
      variant={slaStatusColors[status].variant}
      title={long}
    >
      <span aria-hidden>{short}</span>
      <VisuallyHidden>{long}</VisuallyHidden>
    </Badge>
  );
}
