import { describe, expect, it } from 'vitest';
import { reasonError, validateQuote } from './triage-forms';

describe('triage form validation', () => {
  it('needs a reason, trimmed, under 500 characters', () => {
    expect(reasonError('   ', 'the request is declined')).toBe('Say why the request is declined.');
    expect(reasonError('x'.repeat(501), 'it')).toBe('Keep it under 500 characters.');
    expect(reasonError(' Budget too low ', 'it')).toBeNull();
  });

  it('accepts a positive quote with at most two decimals and a currency code', () => {
    expect(validateQuote({ amount: '4800.5', currency: ' eur ', productName: ' Oval ' })).toEqual({
      quote: { amount: 4800.5, currency: 'EUR', productName: 'Oval' },
      errors: {},
    });
    expect(validateQuote({ amount: 3200, currency: 'USD', productName: '' }).quote).toEqual({
      amount: 3200,
      currency: 'USD',
      productName: null,
    });
  });

  it('refuses a missing, zero, negative or over-precise amount and a bad currency', () => {
    expect(validateQuote({ amount: '', currency: 'USD', productName: '' }).errors.amount).toBe(
      'Enter the quote amount.',
    );
    expect(validateQuote({ amount: '0', currency: 'USD', productName: '' }).errors.amount).toBe(
      'The quote must be more than zero.',
    );
    expect(validateQuote({ amount: '-5', currency: 'USD', productName: '' }).errors.amount).toBe(
      'The quote must be more than zero.',
    );
    expect(
      validateQuote({ amount: '10.123', currency: 'USD', productName: '' }).errors.amount,
    ).toBe('Use at most two decimals.');
    const bad = validateQuote({ amount: '100', currency: 'dollars', productName: '' });
    expect(bad.quote).toBeNull();
    expect(bad.errors.currency).toBe('A three-letter code such as USD.');
  });
});
