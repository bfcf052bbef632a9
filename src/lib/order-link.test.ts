import { describe, expect, it } from 'vitest';
import { orderDeepLink, parseScannedCode } from './order-link';

const origins = ['https://loupe.example.com'];

describe('order deep links', () => {
  it('a ticket encodes the app address and the order code, nothing else', () => {
    expect(orderDeepLink('https://loupe.example.com/', 'LP-2026-0042')).toBe(
      'https://loupe.example.com/o/LP-2026-0042',
    );
  });
});

describe('reading a scan', () => {
  it('a full Loupe link is the order', () => {
    expect(parseScannedCode('https://loupe.example.com/o/LP-2026-0042', origins)).toEqual({
      kind: 'order',
      code: 'LP-2026-0042',
    });
    expect(parseScannedCode('https://loupe.example.com/o/LP-2026-0042/', origins)).toMatchObject({
      code: 'LP-2026-0042',
    });
  });

  it('a bare code, as a wedge scanner or a person types it (Enter, lower case, spaces)', () => {
    expect(parseScannedCode('  lp-2026-0042\r\n', origins)).toEqual({
      kind: 'order',
      code: 'LP-2026-0042',
    });
    expect(parseScannedCode('LP-2026-12345', origins)).toMatchObject({ code: 'LP-2026-12345' });
  });

  it('a link to another site is refused even when its path looks like a ticket', () => {
    const result = parseScannedCode('https://evil.example.net/o/LP-2026-0042', origins);
    expect(result).toMatchObject({ kind: 'refused', reason: 'other_site' });
    if (result.kind === 'refused') expect(result.message).toContain('evil.example.net');
    // Same host, other port or scheme: another origin.
    expect(parseScannedCode('http://loupe.example.com/o/LP-2026-0042', origins)).toMatchObject({
      reason: 'other_site',
    });
  });

  it('a Loupe link that is not an order ticket is refused', () => {
    expect(parseScannedCode('https://loupe.example.com/board', origins)).toMatchObject({
      reason: 'not_order_link',
    });
    expect(parseScannedCode('https://loupe.example.com/o/hello', origins)).toMatchObject({
      reason: 'not_order_link',
    });
  });

  it('a product barcode, a malformed code or nothing is refused with a sentence', () => {
    expect(parseScannedCode('4006381333931', origins)).toMatchObject({ reason: 'not_order_code' });
    expect(parseScannedCode('LP-26-42', origins)).toMatchObject({ reason: 'not_order_code' });
    expect(parseScannedCode('   ', origins)).toMatchObject({ reason: 'empty' });
    expect(parseScannedCode('mailto://x', origins)).toMatchObject({ kind: 'refused' });
  });
});
