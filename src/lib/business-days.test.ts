// The SLA maths the board repeats between reads, checked against what a workshop calendar says:
// weekends and holidays skipped, dates taken on the workshop's clock (America/New_York, with its
// daylight-saving changes), and a clock stopped while the customer has the design.
import { describe, expect, it } from 'vitest';
import {
  businessDaysBetween,
  dayNumber,
  elapsedInStage,
  epochMicros,
  isoDayOfWeek,
  isPastPromise,
  slaStatus,
  weekdaysBetween,
  workshopDate,
} from './business-days';

const NY = 'America/New_York';
// The house's 2026 holidays around Thanksgiving (both on weekdays), and Independence Day's
// real date, a Saturday (observed on Friday 3 July).
const holidays = ['2026-07-03', '2026-07-04', '2026-11-26', '2026-11-27', '2026-12-25'];

describe('weekdays between two dates (public.weekdays_between)', () => {
  it('matches counting the days one by one, for every weekday start and spans up to five weeks', () => {
    const monday = dayNumber('2026-11-23');
    for (let start = monday; start < monday + 7; start += 1) {
      for (let span = -2; span <= 35; span += 1) {
        let expected = 0;
        for (let d = start + 1; d <= start + span; d += 1) if (isoDayOfWeek(d) < 6) expected += 1;
        expect(weekdaysBetween(start, start + span), `from ${start} +${span}`).toBe(expected);
      }
    }
  });

  it('skips the weekend: Friday to Monday is one business day, Friday to Sunday none', () => {
    expect(weekdaysBetween('2026-11-20', '2026-11-23')).toBe(1);
    expect(weekdaysBetween('2026-11-20', '2026-11-22')).toBe(0);
    // The start day itself never counts: entering on Saturday, Monday is day one.
    expect(weekdaysBetween('2026-11-21', '2026-11-23')).toBe(1);
  });
});

describe('business days between two dates (public.business_days_between)', () => {
  it('skips a holiday on a weekday: Thanksgiving week has one business day from Wednesday to Monday', () => {
    // Thu 26 and Fri 27 are holidays; Mon 30 is the only working day after Wed 25.
    expect(businessDaysBetween('2026-11-25', '2026-11-30', holidays)).toBe(1);
    expect(businessDaysBetween('2026-11-25', '2026-11-30', [])).toBe(3);
  });

  it('does not take a weekend holiday off twice: 4 July on a Saturday changes nothing', () => {
    // Thu 2 → Mon 6 July: Fri 3 (observed holiday) off, Sat 4 a weekend anyway, Mon 6 counts.
    expect(businessDaysBetween('2026-07-02', '2026-07-06', holidays)).toBe(1);
    expect(businessDaysBetween('2026-07-02', '2026-07-06', ['2026-07-04'])).toBe(2);
  });

  it('counts a holiday on the last day but not on the first', () => {
    expect(businessDaysBetween('2026-11-25', '2026-11-26', holidays)).toBe(0);
    expect(businessDaysBetween('2026-11-26', '2026-11-30', ['2026-11-26'])).toBe(2);
  });
});

describe('dates on the workshop calendar', () => {
  it('puts an instant late in the New York evening on that day, though UTC has moved on', () => {
    // 22:00 on Monday 23 November in New York is 03:00 on Tuesday in UTC.
    expect(workshopDate('2026-11-24T03:00:00Z', NY)).toBe('2026-11-23');
    expect(workshopDate('2026-11-24T03:00:00Z', 'UTC')).toBe('2026-11-24');
    // And the other way round for a workshop east of UTC.
    expect(workshopDate('2026-11-20T16:00:00Z', 'Asia/Tokyo')).toBe('2026-11-21');
  });

  it('follows daylight saving time: 23:30 on the Monday after clocks go back is still Monday', () => {
    // Clocks went back on Sunday 1 November 2026; New York is UTC−5 from then. With the
    // summer offset (UTC−4) this instant would read 00:30 on Tuesday.
    expect(workshopDate('2026-11-03T04:30:00Z', NY)).toBe('2026-11-02');
    // The spring change: 23:30 on Sunday 8 March 2026 (UTC−4 from 02:00 that day).
    expect(workshopDate('2026-03-09T03:30:00Z', NY)).toBe('2026-03-08');
  });
});

describe('time in stage (order_board.time_in_stage)', () => {
  it('counts production in business days on the workshop calendar, not in UTC dates', () => {
    // Entered Friday 20 November (New York); now is Monday 22:00 in New York, Tuesday in UTC.
    const entered = '2026-11-20T15:00:00Z';
    const now = '2026-11-24T03:00:00Z';
    expect(elapsedInStage('business_days', entered, null, now, holidays, NY)).toBe(1);
    expect(elapsedInStage('business_days', entered, null, now, holidays, 'UTC')).toBe(2);
  });

  it('counts across the autumn clock change on the winter offset', () => {
    // Friday 30 Oct, noon EDT → Monday 2 Nov, 23:30 EST: Monday is one business day. With the
    // summer offset still applied (or in UTC) the reading would fall on Tuesday: two.
    const entered = '2026-10-30T16:00:00Z';
    const now = '2026-11-03T04:30:00Z';
    expect(elapsedInStage('business_days', entered, null, now, holidays, NY)).toBe(1);
    expect(elapsedInStage('business_days', entered, null, now, holidays, 'UTC')).toBe(2);
  });

  it('measures days across the clock change in real hours: that Sunday had 25', () => {
    // Noon Saturday to noon Sunday in New York spans the fall-back hour: 25 h = 1.04 days.
    const entered = '2026-10-31T16:00:00Z';
    const now = '2026-11-01T17:00:00Z';
    expect(elapsedInStage('hours', entered, null, now, holidays, NY)).toBe(25);
    expect(elapsedInStage('days', entered, null, now, holidays, NY)).toBe(1.04);
  });

  it('skips Thanksgiving in a production stay through it', () => {
    // Entered Tuesday 24 Nov, read Wednesday 2 Dec: Wed 25, Mon 30, Tue 1, Wed 2.
    expect(
      elapsedInStage(
        'business_days',
        '2026-11-24T14:00:00Z',
        null,
        '2026-12-02T20:00:00Z',
        holidays,
        NY,
      ),
    ).toBe(4);
  });

  it('stops at the paused clock: 10 h of house time stays 10 h while the customer has the design', () => {
    const entered = '2026-11-20T08:00:00Z';
    const paused = '2026-11-20T18:00:00Z';
    const muchLater = '2026-11-23T12:00:00Z';
    expect(elapsedInStage('hours', entered, paused, muchLater, holidays, NY)).toBe(10);
    expect(elapsedInStage('hours', entered, null, muchLater, holidays, NY)).toBe(76);
    // Business days stop at the paused date too: Friday → Friday is none.
    expect(elapsedInStage('business_days', entered, paused, muchLater, holidays, NY)).toBe(0);
  });

  it('rounds to hundredths half away from zero, to the microsecond the database keeps', () => {
    const at = (s: string) => `2026-11-23T10:00:${s}+00:00`;
    // 18 s is exactly 0.005 h: rounds up to 0.01, as Postgres's round(numeric, 2).
    expect(elapsedInStage('hours', at('00.000000'), null, at('18.000000'), [], NY)).toBe(0.01);
    // One microsecond short of it rounds down — a Date (milliseconds) could not tell.
    expect(elapsedInStage('hours', at('00.000001'), null, at('18.000000'), [], NY)).toBe(0);
    expect(elapsedInStage('days', at('00.000000'), null, '2026-11-24T22:00:00Z', [], NY)).toBe(1.5);
  });

  it('reads the timestamps PostgREST, Realtime and Date give alike', () => {
    const micros = Date.parse('2026-11-23T10:00:00.123Z') * 1000 + 456;
    expect(epochMicros('2026-11-23T10:00:00.123456+00:00')).toBe(micros);
    expect(epochMicros('2026-11-23 10:00:00.123456+00')).toBe(micros);
    expect(epochMicros('2026-11-23T05:00:00.123456-05:00')).toBe(micros);
    expect(epochMicros(new Date('2026-11-23T10:00:00.123Z'))).toBe(micros - 456);
    expect(() => epochMicros('yesterday')).toThrow(RangeError);
  });
});

describe('SLA status (order_board.sla_status)', () => {
  it('turns amber only beyond the amber threshold and red only beyond the red one', () => {
    expect(slaStatus(24, 24, 48)).toBe('green');
    expect(slaStatus(24.01, 24, 48)).toBe('amber');
    expect(slaStatus(48, 24, 48)).toBe('amber');
    expect(slaStatus(48.01, 24, 48)).toBe('red');
    expect(slaStatus(11, 10, 14)).toBe('amber');
  });

  it('has no status for a stage without a clock', () => {
    expect(slaStatus(100, null, null)).toBeNull();
  });
});

describe('past the promised date (order_board.is_late)', () => {
  it('is late from the day after the promise on the workshop calendar, unless finished', () => {
    // 22:00 on 23 Nov in New York (24 Nov in UTC): a promise for the 23rd is not late yet.
    const now = '2026-11-24T03:00:00Z';
    expect(isPastPromise('2026-11-23', 'production', now, NY)).toBe(false);
    expect(isPastPromise('2026-11-22', 'production', now, NY)).toBe(true);
    expect(isPastPromise('2026-11-22', 'delivered', now, NY)).toBe(false);
    expect(isPastPromise(null, 'production', now, NY)).toBe(false);
  });
});
