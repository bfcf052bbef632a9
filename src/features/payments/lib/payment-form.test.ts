import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { paidAtInstant, validatePayment } from './payment-form';

describe('the record-payment form', () => {
  // A fixed zone, so "today" and "noon" mean the same on every machine.
  const zone = process.env.TZ;
  beforeEach(() => {
    process.env.TZ = 'America/New_York';
  });
  afterEach(() => {
    process.env.TZ = zone;
    vi.useRealTimers();
  });

  const created = '2026-11-20T15:00:00Z';
  const now = Date.parse('2026-11-23T16:45:00Z'); // 11:45 in New York

  it('needs a method and a day', () => {
    const { errors, paidAt } = validatePayment({ method: null, paidOn: '' }, created, now);
    expect(paidAt).toBeNull();
    expect(errors).toEqual({
      method: 'Choose how the customer paid.',
      paidOn: 'Enter the day the customer paid.',
    });
  });

  it('refuses a day in the future or before the order was opened', () => {
    expect(
      validatePayment({ method: 'card', paidOn: '2026-11-24' }, created, now).errors.paidOn,
    ).toBe('The payment cannot be in the future.');
    expect(
      validatePayment({ method: 'card', paidOn: '2026-11-19' }, created, now).errors.paidOn,
    ).toBe('The order was opened on 20 Nov 2026; the payment cannot be earlier.');
  });

  it('records today as now, and an earlier day as noon that day', () => {
    expect(validatePayment({ method: 'card', paidOn: '2026-11-23' }, created, now)).toEqual({
      errors: {},
      paidAt: '2026-11-23T16:45:00.000Z',
    });
    expect(paidAtInstant('2026-11-21', created, now)).toBe('2026-11-21T17:00:00.000Z');
  });

  it('never puts the payment before the order existed', () => {
    // Opened at 15:00 New York time on the 20th: noon that day would be before it.
    const afternoon = '2026-11-20T20:00:00Z';
    expect(paidAtInstant('2026-11-20', afternoon, now)).toBe('2026-11-20T20:00:00.000Z');
  });
});
