import { describe, expect, it } from 'vitest';
import { requestFacts } from './request-facts';

describe('request facts', () => {
  it('lists base, metal, size, budget and gift date', () => {
    expect(
      requestFacts({
        base: 'bespoke_ring',
        metal: 'gold_18k_rose',
        ring_size: 6.25,
        budget_amount: 3200,
        budget_currency: 'USD',
        is_gift: true,
        needed_by: '2026-12-03',
      }),
    ).toEqual([
      'Bespoke ring',
      '18k rose gold',
      'Size 6.25',
      'Budget $3,200.00',
      'Gift, needed by 3 Dec 2026',
    ]);
  });

  it('leaves out what the customer did not give', () => {
    expect(
      requestFacts({
        base: 'earscape',
        metal: 'platinum',
        ring_size: null,
        budget_amount: null,
        budget_currency: 'USD',
        is_gift: false,
        needed_by: null,
      }),
    ).toEqual(['Earscape', 'Platinum']);
  });
});
