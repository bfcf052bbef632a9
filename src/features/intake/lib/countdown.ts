// The 2 hour confirmation promise as a live countdown: how long is left (or how long ago it was
// breached), and which colour that is — amber under 30 minutes, red once breached. Wall-clock
// hours: the deadline is an instant, two hours after the request arrived, whatever the time
// zone or a daylight-saving change in between; only its display depends on the zone.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

export const CONFIRMATION_WINDOW_MS = 2 * 60 * 60 * 1000;
export const DUE_SOON_MS = 30 * 60 * 1000;

export type CountdownStatus = 'on_track' | 'due_soon' | 'breached';

export type Countdown = {
  status: CountdownStatus;
  /** Milliseconds until the deadline; negative once it has passed. */
  remainingMs: number;
  /** What the badge shows: "1:29:59 left", "0:12:03 overdue", "2 d 3 h overdue". */
  label: string;
  /** A sentence for screen readers and tooltips. */
  description: string;
};

/** The same palette as the board's SLA badges, chosen for WCAG AA contrast. */
export const countdownColors: Record<
  CountdownStatus,
  { color: string; text?: string; variant: 'outline' | 'filled' }
> = {
  on_track: { color: 'teal.9', variant: 'outline' },
  due_soon: { color: 'yellow.5', text: 'dark.9', variant: 'filled' },
  breached: { color: 'red.9', variant: 'filled' },
};

/** The instant the request must be confirmed by. */
export function confirmationDeadline(receivedAt: string | Date): Date {
  return new Date(dayjs(receivedAt).valueOf() + CONFIRMATION_WINDOW_MS);
}

/** h:mm:ss of a duration (whole seconds, rounded towards the deadline). */
export function clock(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** "1 h 29 min", "12 min", "2 d 3 h" — for sentences, without the ticking seconds. */
export function spoken(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return minutes === 0 ? 'less than a minute' : `${m} min`;
}

export function countdown(receivedAt: string | Date, now: number): Countdown {
  const remainingMs = confirmationDeadline(receivedAt).getTime() - now;
  if (remainingMs <= 0) {
    const over = -remainingMs;
    return {
      status: 'breached',
      remainingMs,
      label: `${over >= 86_400_000 ? spoken(over) : clock(over)} overdue`,
      description: `The 2 hour promise was missed ${spoken(over)} ago.`,
    };
  }
  return {
    status: remainingMs < DUE_SOON_MS ? 'due_soon' : 'on_track',
    remainingMs,
    label: `${clock(remainingMs)} left`,
    description: `Confirm within ${spoken(remainingMs)}.`,
  };
}

/** The deadline as a wall-clock time in `zone` (the viewer's own zone by default). */
export function formatDeadline(receivedAt: string | Date, zone = dayjs.tz.guess()): string {
  return dayjs(confirmationDeadline(receivedAt)).tz(zone).format('ddd D MMM, h:mm A');
}
