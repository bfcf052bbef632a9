// The record-payment form: a method, and the day the customer paid — not in the future, not
// before the order was opened (the database checks the same). The day becomes an instant: now
// when it is today, otherwise noon that day (never before the order existed).
import dayjs from 'dayjs';
import type { PaymentMethod } from './payment-methods';

export type PaymentInput = { method: PaymentMethod | null; paidOn: string };
export type PaymentErrors = Partial<Record<keyof PaymentInput, string>>;

/** YYYY-MM-DD of an instant in the viewer's zone (what a date input shows). */
export function dayOf(instant: string | number | Date): string {
  return dayjs(instant).format('YYYY-MM-DD');
}

export function validatePayment(
  input: PaymentInput,
  orderCreatedAt: string,
  now: number,
): { errors: PaymentErrors; paidAt: string | null } {
  const errors: PaymentErrors = {};
  if (!input.method) errors.method = 'Choose how the customer paid.';
  const day = dayjs(input.paidOn, 'YYYY-MM-DD', true);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.paidOn) || !day.isValid()) {
    errors.paidOn = 'Enter the day the customer paid.';
  } else if (input.paidOn > dayOf(now)) {
    errors.paidOn = 'The payment cannot be in the future.';
  } else if (input.paidOn < dayOf(orderCreatedAt)) {
    errors.paidOn = `The order was opened on ${dayjs(orderCreatedAt).format('D MMM YYYY')}; the payment cannot be earlier.`;
  }
  if (Object.keys(errors).length > 0) return { errors, paidAt: null };
  return { errors, paidAt: paidAtInstant(input.paidOn, orderCreatedAt, now) };
}

export function paidAtInstant(paidOn: string, orderCreatedAt: string, now: number): string {
  if (paidOn === dayOf(now)) return new Date(now).toISOString();
  const noon = dayjs(`${paidOn}T12:00:00`).valueOf();
  return new Date(Math.min(now, Math.max(noon, Date.parse(orderCreatedAt)))).toISOString();
}
