import { describe, expect, it } from 'vitest';
import { addGrams, formatGrams, formatPercent, gramsProblem } from './grams';

describe('grams', () => {
  it('reads weights to the hundredth', () => {
    expect(formatGrams(12.3)).toBe('12.30 g');
    expect(formatGrams(0)).toBe('0.00 g');
    expect(formatGrams(null)).toBe('—');
    expect(formatPercent(5.05)).toBe('5.05 %');
    expect(formatPercent(null)).toBe('—');
  });

  it('refuses what the database would refuse, with its sentence', () => {
    expect(gramsProblem('')).toBe('Enter the weight in grams.');
    expect(gramsProblem(0)).toBe('Enter a weight above 0 g.');
    expect(gramsProblem(0, true)).toBeNull();
    expect(gramsProblem(-1, true)).toBe('Enter a weight above 0 g.');
    expect(gramsProblem(1.005)).toBe('Weigh to the hundredth of a gram (two decimals).');
    expect(gramsProblem(10.25)).toBeNull();
    expect(gramsProblem('7.5')).toBeNull();
  });

  it('adds weights without float drift', () => {
    expect(addGrams(0.1, 0.2)).toBe(0.3);
    expect(addGrams(9.84, 0.2, null)).toBe(10.04);
  });
});
