// Whether a resize will be free, explained before it is logged. The house's promise: one free
// resize (at most 2 US sizes) within 30 days of delivery. The database decides for real
// (private.price_service_request sets is_free); this mirrors the rule so the stylist can tell
// the customer before saving, and the saved request shows the database's answer.

export const FREE_RESIZE_DAYS = 30;
export const FREE_RESIZE_MAX_SIZES = 2;

export type ResizeQuestion = {
  /** When the order was marked delivered (its stage change), or null if never. */
  deliveredAt: string | null;
  now: Date;
  fromSize: number | null;
  toSize: number | null;
  /** Resizes already logged for this order. */
  earlierResizes: number;
};

export type ResizeAnswer = { free: boolean; explanation: string };

const DAY_MS = 86_400_000;

export function resizePricing(q: ResizeQuestion): ResizeAnswer {
  if (!q.deliveredAt) {
    return { free: false, explanation: 'Billed: the order has no delivery date.' };
  }
  if (q.earlierResizes > 0) {
    return { free: false, explanation: 'Billed: the free resize has already been used.' };
  }
  const days = Math.floor((q.now.getTime() - Date.parse(q.deliveredAt)) / DAY_MS);
  if (q.now.getTime() - Date.parse(q.deliveredAt) > FREE_RESIZE_DAYS * DAY_MS) {
    return {
      free: false,
      explanation: `Billed: delivered ${days} days ago, past the ${FREE_RESIZE_DAYS}-day free window.`,
    };
  }
  if (
    q.fromSize !== null &&
    q.toSize !== null &&
    Math.abs(q.toSize - q.fromSize) > FREE_RESIZE_MAX_SIZES
  ) {
    return {
      free: false,
      explanation: `Billed: ${Math.abs(q.toSize - q.fromSize)} sizes is more than the free ±${FREE_RESIZE_MAX_SIZES}.`,
    };
  }
  const ago = days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
  return { free: true, explanation: `Free: first resize, delivered ${ago}.` };
}

/** US ring sizes in quarter steps, as the database stores them. */
export function resizeSizeError(size: number | null, label: string): string | null {
  if (size === null || Number.isNaN(size)) return `Enter the ${label}.`;
  if (size <= 0 || size > 16) return `The ${label} must be between 0.25 and 16.`;
  if (Math.round(size * 4) !== size * 4) return `The ${label} goes in quarter sizes (e.g. 6.25).`;
  return null;
}
