// The workshop's calendar, which business days are counted on: its time zone
// (workshop_settings) and the days it is closed (holidays). The board needs both to keep time in
// stage ticking between reads exactly as public.order_board counts it.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
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
  return { timezone: settings.data.timezone, holidays: days.data.map((h) => h.day) };
}
