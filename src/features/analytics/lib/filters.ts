// The page's filters live in the URL (?from=YYYY-MM-DD&to=YYYY-MM-DD&product=…), so a view can
// be bookmarked and shared. Anything missing or malformed falls back to the last 16 weeks (the
// current week and the 15 before it), all products.
import dayjs from 'dayjs';
import { products } from './labels';
import type { Product } from './report';

export type AnalyticsFilters = { from: string; to: string; product: Product | null };

/** The database refuses longer ranges (LP064); the picker keeps within it. */
export const MAX_RANGE_DAYS = 731;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(value: string | null): value is string {
  return value !== null && DAY.test(value) && dayjs(value).format('YYYY-MM-DD') === value;
}

export function defaultRange(today: Date = new Date()): { from: string; to: string } {
  const day = dayjs(today).startOf('day');
  const monday = day.subtract((day.day() + 6) % 7, 'day');
  return {
    from: monday.subtract(15, 'week').format('YYYY-MM-DD'),
    to: day.format('YYYY-MM-DD'),
  };
}

export function filtersFromSearch(
  params: URLSearchParams,
  today: Date = new Date(),
): AnalyticsFilters {
  const product = params.get('product');
  const chosen = products.includes(product as Product) ? (product as Product) : null;
  const from = params.get('from');
  const to = params.get('to');
  if (isDay(from) && isDay(to)) {
    const days = dayjs(to).diff(dayjs(from), 'day');
    if (days >= 0 && days <= MAX_RANGE_DAYS) return { from, to, product: chosen };
  }
  return { ...defaultRange(today), product: chosen };
}

/** The search params for `filters`, keeping any other params already in the URL. */
export function filtersToSearch(
  filters: AnalyticsFilters,
  current: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const next = new URLSearchParams(current);
  next.set('from', filters.from);
  next.set('to', filters.to);
  if (filters.product) next.set('product', filters.product);
  else next.delete('product');
  return next;
}

/** Ranges a manager picks most, in whole weeks ending today (plus the calendar year so far). */
export function rangePresets(
  today: Date = new Date(),
): Array<{ label: string; from: string; to: string }> {
  const day = dayjs(today).startOf('day');
  const monday = day.subtract((day.day() + 6) % 7, 'day');
  const to = day.format('YYYY-MM-DD');
  const weeks = (n: number) => monday.subtract(n - 1, 'week').format('YYYY-MM-DD');
  return [
    { label: 'Last 4 weeks', from: weeks(4), to },
    { label: 'Last 16 weeks', from: weeks(16), to },
    { label: 'Last 52 weeks', from: weeks(52), to },
    { label: 'This year', from: day.startOf('year').format('YYYY-MM-DD'), to },
  ];
}
