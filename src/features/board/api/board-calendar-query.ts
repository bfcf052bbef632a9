// The workshop's calendar, which business days are counted on: its time zone
// (workshop_settings) and the days it is closed (holidays). The board needs both to keep time in
// stage ticking between reads exactly as public.order_board counts it.
import { supabase } from '../../../lib/supabase';
import { AppError, toAppError } from '../../../lib/errors';
import type { IsoDate } from '../../../lib/business-days';

export type BoardCalendar = {
  /** An IANA zone name, e.g. America/New_York. */
  timezone: string;
  /** Every holiday, in date order; weekend ones are ignored by the maths, as by the view. */
  holidays: IsoDate[];
};

export async function fetchBoardCalendar(): Promise<BoardCalendar> {
  const [settings, days] = await Promise.all([
    supabase.from('workshop_settings').select('timezone').single(),
    supabase.from('holidays').select('day').order('day'),
  ]);
  if (settings.error) throw toAppError(settings.error);
  if (days.error) throw toAppError(days.error);
  const { timezone } = settings.data;
  // A zone Postgres knows but this browser does not would break the sums at every tick: then the
  // board does without the calendar and shows the figures as read.
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
  } catch (cause) {
    throw new AppError(
      'unknown_timezone',
      `This browser does not know the workshop's time zone (${timezone}).`,
      undefined,
      { cause },
    );
  }
  return { timezone, holidays: days.data.map((h) => h.day) };
}
