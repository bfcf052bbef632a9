import { describe, expect, it } from 'vitest';
import { mailtoHref, reviewUrl, shareMessage } from './share';

const url = reviewUrl('https://loupe.example', 'AbC_-123');

describe('sharing a customer link', () => {
  it('builds the public address on the app origin', () => {
    expect(url).toBe('https://loupe.example/r/AbC_-123');
  });

  it('prepares a review email with the link, the choices and the expiry, signed by the house', () => {
    const { subject, body } = shareMessage({
      kind: 'cad_review',
      url,
      orderCode: 'LP-2026-0042',
      productName: 'Oval solitaire',
      houseName: 'Loupe Fine Jewelry',
      expiresAt: '2026-11-30T12:00:00Z',
    });
    expect(subject).toBe('Your design for Oval solitaire is ready to review (LP-2026-0042)');
    expect(body).toContain(`\n${url}\n`);
    expect(body).toContain('approve the design, ask for a minor tweak');
    expect(body).toMatch(/works until Monday, November 30/);
    expect(body.trimEnd().endsWith('Loupe Fine Jewelry')).toBe(true);
  });

  it('falls back to the order code when the piece has no name', () => {
    const { subject } = shareMessage({
      kind: 'status',
      url,
      orderCode: 'LP-2026-0042',
      productName: '  ',
      houseName: 'Loupe',
    });
    expect(subject).toBe('Where your order LP-2026-0042 is now (LP-2026-0042)');
  });

  it('makes a mailto with no recipient and CRLF line breaks, decodable back to the message', () => {
    const href = mailtoHref({
      kind: 'status',
      url,
      orderCode: 'LP-1',
      productName: 'Ring & band',
      houseName: 'Loupe',
    });
    expect(href.startsWith('mailto:?subject=')).toBe(true);
    const params = new URLSearchParams(href.slice('mailto:?'.length));
    expect(params.get('subject')).toBe('Where your Ring & band is now (LP-1)');
    expect(params.get('body')).toContain(`\r\n${url}\r\n`);
    // Spaces are %20, not "+", which mail programs would show literally.
    expect(href).not.toContain('+');
  });
});
