// Carriers and tracking numbers as the shipments table accepts them (carrier in a fixed list,
// tracking number 8–40 capital letters and digits); people type spaces and lower case.

export const carriers = ['UPS', 'FedEx', 'USPS', 'DHL'] as const;
export type Carrier = (typeof carriers)[number];

export function normalizeTracking(value: string): string {
  return value.replace(/[\s-]+/g, '').toUpperCase();
}

export function trackingError(value: string): string | null {
  const t = normalizeTracking(value);
  if (t === '') return 'Enter the tracking number.';
  if (!/^[A-Z0-9]+$/.test(t)) return 'A tracking number has only letters and digits.';
  if (t.length < 8 || t.length > 40) return 'A tracking number has 8 to 40 letters and digits.';
  return null;
}
