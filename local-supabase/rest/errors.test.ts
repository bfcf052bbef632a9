// Unit tests for the SQLSTATE → HTTP status table (PostgREST's Error.hs, mapSQLtoHTTP).
import { describe, expect, it } from 'vitest';
import { fromPgError, statusForSqlState } from './errors';

describe('SQLSTATE to HTTP status', () => {
  it.each([
    ['23505', 409],
    ['23503', 409],
    ['23502', 400],
    ['23514', 400],
    ['22P02', 400],
    ['P0001', 400],
    ['42883', 404],
    ['42P01', 404],
    ['25006', 405],
    ['40001', 500],
    ['57014', 500],
    ['53300', 503],
    ['08006', 503],
    ['28000', 403],
    ['P0002', 500],
    ['XX000', 500],
    ['PT409', 409],
    ['PT418', 418],
    ['PTabc', 500],
  ])('%s → %i', (code, status) => {
    expect(statusForSqlState(code, '', true)).toBe(status);
  });

  it('42501 is 401 for anon and 403 for a signed-in role', () => {
    expect(statusForSqlState('42501', 'permission denied', false)).toBe(401);
    expect(statusForSqlState('42501', 'permission denied', true)).toBe(403);
    expect(fromPgError({ code: '42501', message: 'x' }, false).headers).toEqual({
      'WWW-Authenticate': 'Bearer',
    });
  });

  it('keeps the database sentence, detail and hint, and never echoes a syntax error', () => {
    expect(fromPgError({ code: 'PT409', message: 'locked', detail: 'd', hint: 'h' }, true)).toEqual(
      {
        status: 409,
        headers: {},
        body: { code: 'PT409', message: 'locked', details: 'd', hint: 'h' },
      },
    );
    const syntax = fromPgError({ code: '42601', message: 'syntax error at or near "from"' }, true);
    expect(syntax.status).toBe(400);
    expect(JSON.stringify(syntax.body)).not.toContain('syntax error');
  });
});

describe("RAISE SQLSTATE 'PGRST'", () => {
  it('answers the raised status, headers and error body', () => {
    const raised = fromPgError(
      {
        code: 'PGRST',
        message: '{"code":"123","message":"Payment Required","details":"Quota exceeded"}',
        detail: '{"status":402,"headers":{"X-Powered-By":"Nerd Rage"}}',
      },
      true,
    );
    expect(raised).toEqual({
      status: 402,
      headers: { 'X-Powered-By': 'Nerd Rage' },
      body: { code: '123', message: 'Payment Required', details: 'Quota exceeded', hint: null },
    });
  });

  it('is PGRST121 when the JSON is malformed', () => {
    const bad = fromPgError({ code: 'PGRST', message: 'not json', detail: '{}' }, true);
    expect(bad.status).toBe(500);
    expect(bad.body.code).toBe('PGRST121');
  });
});
