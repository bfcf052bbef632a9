// The board's clock between reads: cards age as order_board would age them, and a card's object
// (so its memoised component) changes only when what the card shows changes.
import { describe, expect, it } from 'vitest';
import { makeCard } from '../testing/card-factory';
import { cardAt, createCardTicker, type WorkshopCalendar } from './live-sla';

const calendar: WorkshopCalendar = {
  timezone: 'America/New_York',
  holidays: ['2026-11-26', '2026-11-27'],
};
const HOUR = 3_600_000;
const entered = Date.parse('2026-11-22T10:00:00Z');

/** A CAD card as the board read it 23.5 h after it entered CAD (24–48 h target). */
const cadCard = () =>
  makeCard({
    stage: 'cad',
    stage_entered_at: new Date(entered).toISOString(),
    time_in_stage: 23.5,
    sla_status: 'green',
  });

describe('a card as the clock reads it', () => {
  it('turns amber once its time in stage passes the amber threshold, and red past the red one', () => {
    const card = cadCard();
    expect(cardAt(card, card, calendar, entered + 23.9 * HOUR)).toBe(card);
    const amber = cardAt(card, card, calendar, entered + 24.01 * HOUR);
    expect([amber.sla_status, amber.time_in_stage]).toEqual(['amber', 24.01]);
    expect(cardAt(card, card, calendar, entered + 49 * HOUR).sla_status).toBe('red');
  });

  it('counts production in business days, skipping Thanksgiving', () => {
    // Entered Monday 16 Nov; read on Monday 30 Nov: 10 weekdays less Thu 26 and Fri 27.
    const card = makeCard({
      stage: 'production',
      stage_entered_at: '2026-11-16T14:00:00Z',
      time_in_stage: 5,
      sla_unit: 'business_days',
      sla_amber_after: 10,
      sla_red_after: 14,
      sla_status: 'green',
    });
    const read = cardAt(card, card, calendar, Date.parse('2026-11-30T20:00:00Z'));
    expect([read.time_in_stage, read.sla_status]).toEqual([8, 'green']);
  });

  it('stays as it was while its clock is stopped (the design is with the customer)', () => {
    const card = makeCard({
      stage_entered_at: new Date(entered).toISOString(),
      stage_clock_paused_at: new Date(entered + 10 * HOUR).toISOString(),
      time_in_stage: 10,
      sla_status: 'green',
    });
    expect(cardAt(card, card, calendar, entered + 300 * HOUR)).toBe(card);
  });

  it('leaves a card without a clock, or one whose move is still in flight, as read', () => {
    const hold = makeCard({ stage: 'on_hold', sla_unit: null, sla_status: null, time_in_stage: 3 });
    expect(cardAt(hold, hold, calendar, entered + 500 * HOUR)).toBe(hold);
    const moving = makeCard({ sla_status: null, time_in_stage: 0 });
    expect(cardAt(moving, moving, calendar, entered + 500 * HOUR).sla_status).toBeNull();
  });

  it('becomes late the day after its promised date on the workshop calendar', () => {
    const card = makeCard({ promised_date: '2026-11-23', is_late: false });
    // 23:00 on the 23rd in New York (already the 24th in UTC): not late yet.
    expect(cardAt(card, card, calendar, Date.parse('2026-11-24T04:00:00Z')).is_late).toBe(false);
    expect(cardAt(card, card, calendar, Date.parse('2026-11-24T05:01:00Z')).is_late).toBe(true);
  });
});

describe('the board ticker', () => {
  it('keeps the same cards and the same list while nothing a person sees changes', () => {
    const tick = createCardTicker();
    const cards = [cadCard(), cadCard()];
    // 23.5 h → 23.6 h: both show "24 h", green — nothing to redraw.
    expect(tick(cards, calendar, entered + 23.6 * HOUR)).toBe(cards);
  });

  it('replaces only the card whose badge changed, then keeps that replacement', () => {
    const tick = createCardTicker();
    const cad = cadCard();
    const other = makeCard({
      stage: 'production',
      stage_entered_at: '2026-11-20T14:00:00Z',
      time_in_stage: 1,
      sla_unit: 'business_days',
      sla_amber_after: 10,
      sla_red_after: 14,
      sla_status: 'green',
    });
    const cards = [cad, other];
    const first = tick(cards, calendar, entered + 24.2 * HOUR);
    expect(first).not.toBe(cards);
    expect(first[0]!.sla_status).toBe('amber');
    expect(first[1]).toBe(other);
    // A minute later the amber card still reads "24 h": the same object, the same list.
    const second = tick(cards, calendar, entered + 24.2 * HOUR + 60_000);
    expect(second).toBe(first);
    // At 25 h its figure changes: a new object for it alone.
    const third = tick(cards, calendar, entered + 25 * HOUR);
    expect(third[0]).not.toBe(first[0]);
    expect(third[0]!.time_in_stage).toBe(25);
    expect(third[1]).toBe(other);
  });
});
