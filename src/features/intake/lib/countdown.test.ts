import { describe, expect, it } from 'vitest';
import { clock, confirmationDeadline, countdown, formatDeadline, spoken } from './countdown';

const at = (iso: string) => Date.parse(iso);

describe('the 2 hour confirmation countdown', () => {
  const received = '2026-11-23T09:00:00Z';

  it('is on track with more than 30 minutes left', () => {
    const c = countdown(received, at('2026-11-23T09:30:01Z'));
    expect(c.status).toBe('on_track');
    expect(c.label).toBe('1:29:59 left');
    expect(c.description).toBe('Confirm within 1 h 29 min.');
  });

  it('turns amber under 30 minutes, not at exactly 30', () => {
    expect(countdown(received, at('2026-11-23T10:30:00Z')).status).toBe('on_track');
    const c = countdown(received, at('2026-11-23T10:30:01Z'));
    expect(c.status).toBe('due_soon');
    expect(c.label).toBe('0:29:59 left');
  });

  it('turns red when the deadline is reached and counts the time over', () => {
    expect(countdown(received, at('2026-11-23T11:00:00Z')).status).toBe('breached');
    const c = countdown(received, at('2026-11-23T11:12:03Z'));
    expect(c).toMatchObject({ status: 'breached', label: '0:12:03 overdue' });
    expect(c.description).toBe('The 2 hour promise was missed 12 min ago.');
    expect(countdown(received, at('2026-11-25T14:00:00Z')).label).toBe('2 d 3 h overdue');
  });

  it('reads the same instant whatever offset the timestamp was written in', () => {
    // 04:00 in New York (EST, -05:00) and 14:30 in Kolkata (+05:30) are 09:00 UTC.
    const now = at('2026-11-23T10:00:00Z');
    expect(countdown('2026-11-23T04:00:00-05:00', now)).toEqual(countdown(received, now));
    expect(countdown('2026-11-23T14:30:00+05:30', now)).toEqual(countdown(received, now));
    expect(countdown('2026-11-23T09:00:00+00:00', now).label).toBe('1:00:00 left');
  });

  it('keeps two real hours across a daylight-saving change', () => {
    // New York falls back at 02:00 EDT on 1 Nov 2026: 01:30 EDT + 2 h is 02:30 EST.
    const deadline = confirmationDeadline('2026-11-01T01:30:00-04:00');
    expect(deadline.toISOString()).toBe('2026-11-01T07:30:00.000Z');
    expect(formatDeadline('2026-11-01T01:30:00-04:00', 'America/New_York')).toBe(
      'Sun 1 Nov, 2:30 AM',
    );
    // And springs forward on 8 Mar 2026: 01:30 EST + 2 h is 04:30 EDT.
    expect(formatDeadline('2026-03-08T01:30:00-05:00', 'America/New_York')).toBe(
      'Sun 8 Mar, 4:30 AM',
    );
  });

  it('shows the deadline in the viewer’s zone', () => {
    expect(formatDeadline(received, 'Europe/Paris')).toBe('Mon 23 Nov, 12:00 PM');
    expect(formatDeadline(received, 'Asia/Kolkata')).toBe('Mon 23 Nov, 4:30 PM');
    expect(formatDeadline('2026-11-23T23:30:00Z', 'America/Los_Angeles')).toBe(
      'Mon 23 Nov, 5:30 PM',
    );
  });

  it('formats durations for the badge and for sentences', () => {
    expect(clock(0)).toBe('0:00:00');
    expect(clock(7_199_000)).toBe('1:59:59');
    expect(clock(-61_000)).toBe('0:01:01');
    expect(spoken(30_000)).toBe('less than a minute');
    expect(spoken(2 * 3_600_000)).toBe('2 h');
    expect(spoken(86_400_000)).toBe('1 d');
  });
});
