// GoTrue's input rules: ban durations in Go's duration syntax, emails and phones normalised the
// way GoTrue stores them, and the API-version switch that picks the error shape.
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { apiVersion, AuthHttpError } from './errors';
import { parseGoDuration, validateEmail, validatePhone } from './params';

describe('parseGoDuration', () => {
  it('reads Go durations', () => {
    expect(parseGoDuration('24h')).toBe(86_400_000);
    expect(parseGoDuration('1h30m')).toBe(5_400_000);
    expect(parseGoDuration('1.5s')).toBe(1500);
    expect(parseGoDuration('250ms')).toBe(250);
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDuration('-1m')).toBe(-60_000);
  });

  it.each(['', 'forever', '24', 'h', '1d', '1h 30m', '1hh'])('refuses %j', (text) => {
    expect(() => parseGoDuration(text)).toThrow(AuthHttpError);
  });
});

describe('validateEmail / validatePhone', () => {
  it('lower-cases emails and refuses malformed ones', () => {
    expect(validateEmail('Mara.Manager@Loupe.Test')).toBe('mara.manager@loupe.test');
    for (const bad of ['', 'no-at-sign', 'a@b', 'a@@b.test', `${'x'.repeat(250)}@b.test`]) {
      expect(() => validateEmail(bad)).toThrow(AuthHttpError);
    }
  });

  it('stores phones as E.164 digits without the plus', () => {
    expect(validatePhone('+1 (555) 010-2000')).toBe('15550102000');
    expect(() => validatePhone('+0123')).toThrow(AuthHttpError);
    expect(() => validatePhone('call me')).toThrow(AuthHttpError);
  });
});

describe('apiVersion', () => {
  const req = (value?: string) =>
    ({
      headers: value === undefined ? {} : { 'x-supabase-api-version': value },
    }) as IncomingMessage;

  it('selects 2024-01-01 for that date or later, the initial version otherwise', () => {
    expect(apiVersion(req('2024-01-01'))).toBe('2024-01-01');
    expect(apiVersion(req('2025-06-30'))).toBe('2024-01-01');
    expect(apiVersion(req('2023-12-31'))).toBeUndefined();
    expect(apiVersion(req('yesterday'))).toBeUndefined();
    expect(apiVersion(req())).toBeUndefined();
  });
});
