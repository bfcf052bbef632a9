// What a person reads when Supabase says no: one plain sentence per failure, never SQL.
import { describe, expect, it } from 'vitest';
import {
  AuthApiError,
  AuthRetryableFetchError,
  PostgrestError,
  StorageApiError,
} from '@supabase/supabase-js';
import { AppError, toAppError } from './errors';

function postgrest(code: string, message: string) {
  return new PostgrestError({ code, message, details: '', hint: '' });
}

describe('toAppError', () => {
  it('turns a wrong password into "Email or password is wrong."', () => {
    const e = toAppError(new AuthApiError('Invalid login credentials', 400, 'invalid_credentials'));
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: 'invalid_credentials', status: 400 });
    expect(e.message).toBe('Email or password is wrong.');
  });

  it('recognises a wrong password from an older GoTrue without error_code', () => {
    const e = toAppError(new AuthApiError('Invalid login credentials', 400, undefined));
    expect(e.code).toBe('invalid_credentials');
  });

  it('says to wait when sign-in is rate limited', () => {
    const e = toAppError(new AuthApiError('Request rate limit reached', 429, undefined));
    expect(e).toMatchObject({ code: 'over_request_rate_limit', status: 429 });
    expect(e.message).toMatch(/wait a few minutes/i);
  });

  it('says the server cannot be reached when fetch fails', () => {
    expect(toAppError(new AuthRetryableFetchError('Failed to fetch', 0)).code).toBe('network');
    expect(toAppError(postgrest('', 'TypeError: fetch failed')).code).toBe('network');
  });

  it('hides SQL behind a sentence for Postgres and PostgREST errors', () => {
    const denied = toAppError(postgrest('42501', 'permission denied for table staff'));
    expect(denied.message).toBe("You don't have permission to do that.");
    const unknownColumn = toAppError(postgrest('PGRST204', "Could not find the 'x' column"));
    expect(unknownColumn.code).toBe('PGRST204');
    expect(unknownColumn.message).not.toMatch(/column/);
    const syntax = toAppError(postgrest('42601', 'syntax error at or near "select"'));
    expect(syntax.message).not.toMatch(/select/);
  });

  it("shows the database's own sentence for a rule the project raised", () => {
    const raised = toAppError(postgrest('P0001', 'Only two rounds of CAD tweaks are included.'));
    expect(raised).toMatchObject({
      code: 'P0001',
      message: 'Only two rounds of CAD tweaks are included.',
    });
    const custom = toAppError(postgrest('LP409', 'Someone moved this order first.'));
    expect(custom.message).toBe('Someone moved this order first.');
  });

  it('maps storage refusals by status', () => {
    const tooBig = toAppError(
      new StorageApiError('The object exceeded the maximum allowed size', 413, 'EntityTooLarge'),
    );
    expect(tooBig).toMatchObject({ status: 413, message: 'The file is too large.' });
  });

  it('never passes an unknown thing through as its message', () => {
    expect(toAppError('boom').message).not.toBe('boom');
    expect(toAppError(new Error('at Object.<anonymous> (file.ts:1)')).message).not.toMatch(
      /file\.ts/,
    );
  });
});
