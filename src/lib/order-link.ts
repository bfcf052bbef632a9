// The order's deep link printed as a ticket's QR (`<app origin>/o/<ORDER-CODE>`) and how a scan
// is read back: a full Loupe link or a bare code is an order; anything else (another site, a
// link that is not an order, a product barcode) is refused with a sentence, never followed.
// Shared by the tickets (which write the link) and /scan (which reads it).

/** The database's order code format (orders_code_format): LP-2026-0042. */
export const ORDER_CODE_PATTERN = /^LP-[0-9]{4}-[0-9]{4,}$/;

/** The path a ticket's QR points to; /o/:code sends a person at a desk on to the order. */
export function orderLinkPath(code: string): string {
  return `/o/${encodeURIComponent(code)}`;
}

/** The full URL a ticket's QR encodes: an address in this app, never customer data. */
export function orderDeepLink(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, '')}${orderLinkPath(code)}`;
}

export type ScannedCode =
  | { kind: 'order'; code: string }
  | {
      kind: 'refused';
      reason: 'empty' | 'other_site' | 'not_order_link' | 'not_order_code';
      message: string;
    };

function normaliseCode(value: string): string | null {
  const code = value.trim().toUpperCase();
  return ORDER_CODE_PATTERN.test(code) ? code : null;
}

/**
 * Reads what a camera, a keyboard-wedge scanner or a person typed. `origins` are the app
 * addresses whose links count as ours (this app's origin; a house may add the address its
 * tickets were printed from). A link to another site is refused even if its path looks like ours:
 * a ticket is only trusted when it points at this workshop's Loupe.
 */
export function parseScannedCode(raw: string, origins: readonly string[]): ScannedCode {
  // Scanners may add a trailing CR/LF or a stray control character.
  // eslint-disable-next-line no-control-regex
  const text = raw.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!text) {
    return {
      kind: 'refused',
      reason: 'empty',
      message: 'Nothing was read. Scan the ticket again or type its code.',
    };
  }
  const bare = normaliseCode(text);
  if (bare) return { kind: 'order', code: bare };

  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return {
        kind: 'refused',
        reason: 'not_order_link',
        message: 'This is not a Loupe ticket: the link cannot be read.',
      };
    }
    const ours = origins.some((o) => {
      try {
        return new URL(o).origin === url.origin;
      } catch {
        return false;
      }
    });
    if (!ours) {
      return {
        kind: 'refused',
        reason: 'other_site',
        message: `This code points to another site (${url.host}), not to an order in Loupe.`,
      };
    }
    const match = /^\/o\/([^/]+)\/?$/.exec(url.pathname);
    const code = match ? normaliseCode(decodeURIComponent(match[1]!)) : null;
    if (!code) {
      return {
        kind: 'refused',
        reason: 'not_order_link',
        message: 'This Loupe link is not an order ticket.',
      };
    }
    return { kind: 'order', code };
  }
  return {
    kind: 'refused',
    reason: 'not_order_code',
    message: `“${text.slice(0, 40)}” is not an order code. Order codes look like LP-2026-0042.`,
  };
}
