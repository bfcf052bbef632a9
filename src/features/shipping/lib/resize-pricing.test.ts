import { describe, expect, it } from 'vitest';
import { resizePricing, resizeSizeError } from './resize-pricing';

const now = new Date('2026-11-23T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();

describe('resizePricing', () => {
  it('is free the first time within 30 days, by up to 2 sizes', () => {
    expect(
      resizePricing({ deliveredAt: daysAgo(12), now, fromSize: 6.5, toSize: 7, earlierResizes: 0 }),
    ).toEqual({ free: true, explanation: 'Free: first resize, delivered 12 days ago.' });
  });
  it('is billed the second time', () => {
    expect(
      resizePricing({ deliveredAt: daysAgo(3), now, fromSize: 6.5, toSize: 7, earlierResizes: 1 }),
    ).toEqual({ free: false, explanation: 'Billed: the free resize has already been used.' });
  });
  it('is billed after 30 days', () => {
    expect(
      resizePricing({ deliveredAt: daysAgo(31), now, fromSize: 6.5, toSize: 7, earlierResizes: 0 }),
    ).toEqual({
      free: false,
      explanation: 'Billed: delivered 31 days ago, past the 30-day free window.',
    });
  });
  it('is billed beyond 2 sizes', () => {
    expect(
      resizePricing({ deliveredAt: daysAgo(1), now, fromSize: 5, toSize: 7.5, earlierResizes: 0 })
        .free,
    ).toBe(false);
  });
});

describe('resizeSizeError', () => {
  it('accepts quarter sizes only', () => {
    expect(resizeSizeError(6.25, 'new size')).toBeNull();
    expect(resizeSizeError(6.3, 'new size')).toBe(
      'The new size goes in quarter sizes (e.g. 6.25).',
    );
    expect(resizeSizeError(null, 'new size')).toBe('Enter the new size.');
  });
});
