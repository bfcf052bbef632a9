import { describe, expect, it } from 'vitest';
import { affectedFromTag, textParam } from './database';

describe('textParam (pipelines bind untyped text)', () => {
  it('renders scalars as Postgres text input', () => {
    expect(textParam(null)).toBeNull();
    expect(textParam(undefined)).toBeNull();
    expect(textParam('a"b')).toBe('a"b');
    expect(textParam(42)).toBe('42');
    expect(textParam(10n)).toBe('10');
    expect(textParam(true)).toBe('t');
    expect(textParam(new Date('2026-11-23T10:00:00Z'))).toBe('2026-11-23T10:00:00.000Z');
    expect(textParam(new Uint8Array([0, 255]))).toBe('\\x00ff');
    expect(textParam({ a: [1] })).toBe('{"a":[1]}');
  });

  it('quotes array elements so commas, quotes and backslashes stay data', () => {
    expect(textParam(['a,b', 'say "hi"', 'back\\slash', null])).toBe(
      '{"a,b","say \\"hi\\"","back\\\\slash",NULL}',
    );
    expect(
      textParam([
        [1, 2],
        [3, 4],
      ]),
    ).toBe('{{"1","2"},{"3","4"}}');
  });
});

describe('affectedFromTag', () => {
  it('reads the row count of a CommandComplete tag', () => {
    expect(affectedFromTag('INSERT 0 3')).toBe(3);
    expect(affectedFromTag('UPDATE 2')).toBe(2);
    expect(affectedFromTag('BEGIN')).toBeUndefined();
  });
});
