import { describe, expect, it } from 'vitest';
import { dateWindow, money, tweaksUsed } from './wording';

describe('the customer page wording', () => {
  it('says a window within one month with the month once', () => {
    expect(dateWindow('2026-12-04', '2026-12-10')).toBe('between December 4 and 10');
  });

  it('names both months when a window crosses one', () => {
    expect(dateWindow('2026-11-28', '2026-12-03')).toBe('between November 28 and December 3');
  });

  it('says a single day when the window is one day or half known', () => {
    expect(dateWindow('2026-12-04', '2026-12-04')).toBe('on December 4');
    expect(dateWindow(null, '2026-12-09')).toBe('on December 9');
    expect(dateWindow(null, null)).toBeNull();
  });

  it('keeps the house calendar day whatever the phone zone is', () => {
    // Midnight UTC formatted in UTC: never the day before in the Americas.
    expect(dateWindow('2027-01-01', '2027-01-01')).toBe('on January 1');
  });

  it('counts the tweak allowance', () => {
    expect(tweaksUsed(1, 2)).toBe('1 of 2 minor tweaks used');
    expect(tweaksUsed(0, 1)).toBe('0 of 1 minor tweak used');
  });

  it('formats the quote in its currency', () => {
    expect(money('1250.00', 'USD')).toBe('$1,250.00');
    expect(money('80', 'gold')).toBe('80 gold');
  });
});
