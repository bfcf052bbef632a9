// What the concierge shares: the link's full address and a prepared email (subject and body)
// as a mailto: URL. No recipient: the concierge picks the customer in their own mail program,
// so the app never needs the customer's contact details on this screen.
import { paths } from '../../../config/paths';

export type ShareKind = 'cad_review' | 'status';

/** The customer's address for a token, on the app's own origin (window.location.origin). */
export function reviewUrl(origin: string, token: string): string {
  return new URL(paths.review(token), origin).toString();
}

export type ShareMessage = {
  kind: ShareKind;
  url: string;
  orderCode: string;
  /** The piece as the customer knows it ("Oval solitaire"); falls back to the order code. */
  productName?: string | null;
  houseName: string;
  /** Last moment the link works (ISO); said in the message so the customer is not surprised. */
  expiresAt?: string | null;
};

function expiryLine(expiresAt: string | null | undefined): string {
  if (!expiresAt) return '';
  const day = new Date(expiresAt).toLocaleDateString('en-US', {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
  });
  return `\nThe link works until ${day}.`;
}

/** Subject and body of the prepared email. */
export function shareMessage(message: ShareMessage): { subject: string; body: string } {
  const piece = message.productName?.trim() || `order ${message.orderCode}`;
  if (message.kind === 'cad_review') {
    return {
      subject: `Your design for ${piece} is ready to review (${message.orderCode})`,
      body: [
        'Hello,',
        '',
        `The design for your ${piece} is ready. You can look at the renders and tell us what you think here:`,
        '',
        message.url,
        '',
        'You can approve the design, ask for a minor tweak, or tell us you would like a bigger change.' +
          expiryLine(message.expiresAt),
        '',
        'With warm regards,',
        message.houseName,
      ].join('\n'),
    };
  }
  return {
    subject: `Where your ${piece} is now (${message.orderCode})`,
    body: [
      'Hello,',
      '',
      `You can follow your ${piece} from our workshop to your door here:`,
      '',
      message.url,
      ...(message.expiresAt ? [expiryLine(message.expiresAt).trimStart()] : []),
      '',
      'With warm regards,',
      message.houseName,
    ].join('\n'),
  };
}

/** A mailto: URL with no recipient; subject and body encoded as RFC 6068 asks (%20, CRLF). */
export function mailtoHref(message: ShareMessage): string {
  const { subject, body } = shareMessage(message);
  const encode = (text: string) => encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));
  return `mailto:?subject=${encode(subject)}&body=${encode(body)}`;
}
