// Validation of the triage forms before anything is sent: the same limits the database checks
// (it has the last word), worded where the stylist is typing.
export const REASON_MAX = 500;

/** A reason (path, decline): required, at most 500 characters. */
export function reasonError(value: string, what: string): string | null {
  const text = value.trim();
  if (text === '') return `Say why ${what}.`;
  if (text.length > REASON_MAX) return `Keep it under ${REASON_MAX} characters.`;
  return null;
}

export type QuoteInput = { amount: string | number; currency: string; productName: string };
export type QuoteErrors = Partial<Record<keyof QuoteInput, string>>;
export type Quote = { amount: number; currency: string; productName: string | null };

/** The quote form: a positive price with at most two decimals, a three-letter currency. */
export function validateQuote(input: QuoteInput): { quote: Quote | null; errors: QuoteErrors } {
  const errors: QuoteErrors = {};
  const raw = typeof input.amount === 'number' ? String(input.amount) : input.amount.trim();
  const amount = Number(raw);
  if (raw === '' || !Number.isFinite(amount)) errors.amount = 'Enter the quote amount.';
  else if (amount <= 0) errors.amount = 'The quote must be more than zero.';
  else if (!/^\d+(\.\d{1,2})?$/.test(raw)) errors.amount = 'Use at most two decimals.';
  else if (amount >= 10_000_000_000) errors.amount = 'That is not a valid price.';
  const currency = input.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = 'A three-letter code such as USD.';
  const productName = input.productName.trim();
  if (productName.length > 120) errors.productName = 'Keep the name under 120 characters.';
  if (Object.keys(errors).length > 0) return { quote: null, errors };
  return { quote: { amount, currency, productName: productName || null }, errors };
}
