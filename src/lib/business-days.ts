// Time in stage and SLA status on the client, with exactly the arithmetic of public.order_board
// (supabase/migrations/20261123111000), so a board left open keeps its badges right between
// reads. The rule stays in Postgres; these functions only repeat its sums for the instants in
// between. Business days are counted on the workshop's calendar: its time zone
// (workshop_settings.timezone) decides which date an instant falls on, public.holidays which
// weekdays the workshop is closed.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import type { SlaStatus, SlaUnit } from './sla-display';

dayjs.extend(utc);
dayjs.extend(timezone);

/** A calendar date, 'YYYY-MM-DD', as Postgres's `date` travels in JSON. */
export type IsoDate = string;
/** An instant: an ISO timestamp as PostgREST sends timestamptz (microseconds kept), epoch ms, or a Date. */
export type Instant = string | number | Date;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date (time zones play no part: it is a date). */
export function dayNumber(date: IsoDate): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) throw new RangeError(`Not a date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

/** Postgres's extract(isodow …): Monday 1 … Sunday 7. Day 0 (1970-01-01) was a Thursday. */
export function isoDayOfWeek(date: IsoDate | number): number {
  const n = typeof date === 'number' ? date : dayNumber(date);
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/**
 * Microseconds since the epoch. timestamptz keeps microseconds and PostgREST sends all six
 * digits; Date keeps milliseconds. Hours rounded to 2 decimals change every 36 s, so the odd
 * truncated microsecond could tip a value the database rounds the other way: keep them.
 */
export function epochMicros(instant: Instant): number {
  if (typeof instant === 'number') return instant * 1000;
  if (instant instanceof Date) return instant.getTime() * 1000;
  // Realtime and psql write '2026-11-22 10:00:00.123456+00'; normalise to ISO 8601.
  let text = instant.trim().replace(' ', 'T');
  text = text.replace(/([+-]\d{2})$/, '$1:00').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const fraction = /\.(\d+)/.exec(text);
  const digits = fraction ? fraction[1]!.padEnd(6, '0') : '000000';
  const ms = Date.parse(fraction ? text.replace(/\.\d+/, `.${digits.slice(0, 3)}`) : text);
  if (Number.isNaN(ms)) throw new RangeError(`Not a timestamp: ${instant}`);
  return ms * 1000 + Number(digits.slice(3, 6));
}

/**
 * Dates already worked out, by zone and instant. dayjs's zone conversion formats the instant
 * through Intl each time (a fraction of a millisecond); a board ticking every minute asks again
 * and again for the same entry instants and, per tick, the same "now". Bounded, so a tab left
 * open for weeks does not grow it without end.
 */
const dateCache = new Map<string, IsoDate>();
const DATE_CACHE_LIMIT = 20_000;

/** `(instant at time zone tz)::date`: the date on the workshop's calendar at that instant. */
export function workshopDate(instant: Instant, tz: string): IsoDate {
  const key = `${tz}|${instant instanceof Date ? instant.getTime() : instant}`;
  let date = dateCache.get(key);
  if (date === undefined) {
    date = dayjs(Math.floor(epochMicros(instant) / 1000))
      .tz(tz)
      .format('YYYY-MM-DD');
    if (dateCache.size >= DATE_CACHE_LIMIT) dateCache.clear();
    dateCache.set(key, date);
  }
  return date;
}

/**
 * public.weekdays_between: Monday–Friday dates d with from < d <= to, 0 when to <= from. The
 * same closed form (whole weeks have five; the r remaining days, isodows s+1 … s+r with s the
 * isodow of `from` and numbered on past 7, hold a Saturday at 6 or 13 and a Sunday at 7).
 */
export function weekdaysBetween(from: IsoDate | number, to: IsoDate | number): number {
  const a = typeof from === 'number' ? from : dayNumber(from);
  const b = typeof to === 'number' ? to : dayNumber(to);
  if (b <= a) return 0;
  const span = b - a;
  const s = isoDayOfWeek(a);
  const r = span % 7;
  return (
    Math.floor(span / 7) * 5 +
    r -
    Math.max(0, Math.min(s + r, 7) - Math.max(s + 1, 6) + 1) -
    (s + r >= 13 ? 1 : 0)
  );
}

/** Weekday holidays as sorted day numbers, built once per holiday list (the view does the same). */
const holidayIndexes = new WeakMap<readonly IsoDate[], number[]>();

function weekdayHolidays(holidays: readonly IsoDate[]): number[] {
  let index = holidayIndexes.get(holidays);
  if (!index) {
    index = holidays
      .map(dayNumber)
      .filter((n) => isoDayOfWeek(n) < 6)
      .sort((x, y) => x - y);
    holidayIndexes.set(holidays, index);
  }
  return index;
}

/** width_bucket(day, sorted_holidays): how many of them fall on or before `day`. */
function holidaysUpTo(sorted: readonly number[], day: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * public.business_days_between: business days after `from` up to and including `to` — weekdays
 * minus the weekday holidays in that span (a holiday on a weekend was never a workday).
 */
export function businessDaysBetween(
  from: IsoDate,
  to: IsoDate,
  holidays: readonly IsoDate[],
): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (b <= a) return 0;
  const sorted = weekdayHolidays(holidays);
  return weekdaysBetween(a, b) - (holidaysUpTo(sorted, b) - holidaysUpTo(sorted, a));
}

/**
 * Postgres's round(numeric, 2) of micros / divisor, in whole hundredths: half away from zero,
 * on exact integers (a float division could land a hair under a half the database rounds up).
 */
function roundedHundredths(micros: number, unitMicros: number): number {
  const divisor = unitMicros / 100;
  const sign = micros < 0 ? -1 : 1;
  const a = Math.abs(micros);
  let q = Math.floor(a / divisor);
  let r = a - q * divisor;
  if (r < 0) {
    q -= 1;
    r += divisor;
  } else if (r >= divisor) {
    q += 1;
    r -= divisor;
  }
  if (2 * r >= divisor) q += 1;
  return sign * q;
}

const HOUR_MICROS = 3_600_000_000;
const DAY_MICROS = 86_400_000_000;

/**
 * Time in stage in the stage's SLA unit, as order_board's `time_in_stage`: the clock runs from
 * stage_entered_at to the moment it stopped (stage_clock_paused_at: a CAD design with the
 * customer) or else to now. Hours and days are wall-clock, rounded to 2 decimals; business days
 * are the weekdays after the workshop-calendar date it entered up to the date the clock reads,
 * less the weekday holidays in between (order_board's width_bucket difference, which — unlike
 * business_days_between — is not clamped should the clock read before the entry date).
 */
export function elapsedInStage(
  unit: SlaUnit,
  enteredAt: Instant,
  pausedAt: Instant | null | undefined,
  now: Instant,
  holidays: readonly IsoDate[],
  tz: string,
): number {
  const clockAt = pausedAt ?? now;
  switch (unit) {
    case 'hours':
      return roundedHundredths(epochMicros(clockAt) - epochMicros(enteredAt), HOUR_MICROS) / 100;
    case 'days':
      return roundedHundredths(epochMicros(clockAt) - epochMicros(enteredAt), DAY_MICROS) / 100;
    case 'business_days': {
      const from = dayNumber(workshopDate(enteredAt, tz));
      const to = dayNumber(workshopDate(clockAt, tz));
      const sorted = weekdayHolidays(holidays);
      return weekdaysBetween(from, to) - (holidaysUpTo(sorted, to) - holidaysUpTo(sorted, from));
    }
  }
}

/** Compares two figures of at most 2 decimals as the database compares numerics. */
const hundredths = (value: number) => Math.round(value * 100);

/**
 * order_board's `sla_status`: red beyond red_after, amber beyond amber_after, green otherwise;
 * null for a stage without a clock (no thresholds). Strictly beyond: 48.00 h of a 24–48 h
 * target is still amber.
 */
export function slaStatus(
  elapsed: number | null,
  amberAfter: number | null,
  redAfter: number | null,
): SlaStatus | null {
  if (amberAfter === null || redAfter === null) return null;
  // As the view's CASE: a missing elapsed compares as unknown and falls through to green.
  if (elapsed === null) return 'green';
  if (hundredths(elapsed) > hundredths(redAfter)) return 'red';
  if (hundredths(elapsed) > hundredths(amberAfter)) return 'amber';
  return 'green';
}

/** order_board's `is_late`: promised before today on the workshop's calendar, and not finished. */
export function isPastPromise(
  promisedDate: IsoDate | null,
  stage: string,
  now: Instant,
  tz: string,
): boolean {
  if (!promisedDate || stage === 'delivered' || stage === 'cancelled') return false;
  return dayNumber(promisedDate) < dayNumber(workshopDate(now, tz));
}
