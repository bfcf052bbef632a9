// How the page says what the database decided, in the house's plain words: the date window of
// a step, the tweak allowance, the quote. Dates arrive as calendar days (YYYY-MM-DD) in the
// house's time zone and are shown as those days, never shifted by the phone's own zone.
const monthDay = new Intl.DateTimeFormat('en-US', {
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});
const day = new Intl.DateTimeFormat('en-US', { day: 'numeric', timeZone: 'UTC' });
const month = new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' });
const fullDate = new Intl.DateTimeFormat('en-US', {
  month: 'long',
  day: 'numeric',
  year: 'numeric',
});

/** A calendar day as midnight UTC, so formatting in UTC shows exactly that day. */
function calendarDay(value: string): Date {
  return new Date(`${value.slice(0, 10)}T00:00:00Z`);
}

/** "between December 4 and 10", "between November 28 and December 3", "on December 4". */
export function dateWindow(from: string | null, to: string | null): string | null {
  if (!from && !to) return null;
  if (!from || !to || from === to) return `on ${monthDay.format(calendarDay((from ?? to)!))}`;
  const a = calendarDay(from);
  const b = calendarDay(to);
  if (month.format(a) === month.format(b) && a.getUTCFullYear() === b.getUTCFullYear()) {
    return `between ${monthDay.format(a)} and ${day.format(b)}`;
  }
  return `between ${monthDay.format(a)} and ${monthDay.format(b)}`;
}

/** "1 of 2 minor tweaks used" (the allowance the house includes with every design). */
export function tweaksUsed(used: number, allowed: number): string {
  return `${used} of ${allowed} minor ${allowed === 1 ? 'tweak' : 'tweaks'} used`;
}

/** A moment (timestamptz) as the customer's own calendar date: "November 23, 2026". */
export function onDate(value: string): string {
  return fullDate.format(new Date(value));
}

/** "$1,250.00"; a malformed currency code is shown beside the number instead of failing. */
export function money(amount: string, currency: string): string {
  const value = Number(amount);
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(value);
  } catch {
    return `${amount} ${currency}`;
  }
}
