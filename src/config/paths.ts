// Route paths in one place, so links, redirects and the router agree.
export const paths = {
  signIn: '/sign-in',
  home: '/',
  board: '/board',
  intake: '/intake',
  orders: '/orders',
  analytics: '/analytics',
  settings: '/settings',
  /** Day's-end metal reconciliation: metal out per alloy and person, flagged losses. */
  floorMetal: '/floor-metal',
  /** The stone inventory: certified stones and melee lots, allocation to orders. */
  stones: '/stones',
  /** The bench's scan screen: camera, wedge scanner or typed code → the bench card. */
  scan: '/scan',
  /** A job ticket's deep link (its QR): resolves to the order page. */
  orderLink: '/o/:code',
  /** The order workspace; the board opens the same view in a drawer. */
  order: (code: string) => `/orders/${encodeURIComponent(code)}`,
  /** The customer's review link: public, outside the signed-in shell (no sign-in). */
  reviewLink: '/r/:token',
  review: (token: string) => `/r/${encodeURIComponent(token)}`,
} as const;

/** Where the sign-in page sends a person back to; only same-app paths, never another origin. */
export function safeRedirectPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return paths.home;
  }
  if (value === paths.signIn || value.startsWith(`${paths.signIn}?`)) return paths.home;
  return value;
}

/** The sign-in URL that returns to `from` afterwards. */
export function signInPath(from?: string): string {
  const target = safeRedirectPath(from);
  return target === paths.home
    ? paths.signIn
    : `${paths.signIn}?redirectTo=${encodeURIComponent(target)}`;
}
