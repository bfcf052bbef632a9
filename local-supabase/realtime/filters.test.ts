// Filters as realtime-js sends them, matched by column type the way walrus compares them.
import { describe, expect, it } from 'vitest';
import { FilterError, matchesFilter, parseFilter } from './filters';

const match = (filter: string, type: string, value: unknown) =>
  matchesFilter(parseFilter(filter)!, type, { col: value });

describe('parseFilter', () => {
  it('splits column=op.value, keeping dots and equals signs in the value', () => {
    expect(parseFilter('email=eq.a.b@c.d')).toEqual({
      column: 'email',
      op: 'eq',
      value: 'a.b@c.d',
    });
    expect(parseFilter('note=eq.x=y')).toEqual({ column: 'note', op: 'eq', value: 'x=y' });
    expect(parseFilter(undefined)).toBeUndefined();
    expect(parseFilter('')).toBeUndefined();
  });

  it('reads in-lists with quotes and commas inside quotes', () => {
    expect(parseFilter('stage=in.(cad,"qc, rework",shipping)')?.values).toEqual([
      'cad',
      'qc, rework',
      'shipping',
    ]);
  });

  it('refuses operators realtime does not support and malformed lists', () => {
    expect(() => parseFilter('a=like.x')).toThrow(FilterError);
    expect(() => parseFilter('a=eq')).toThrow(FilterError);
    expect(() => parseFilter('=eq.1')).toThrow(FilterError);
    expect(() => parseFilter('a=in.1,2')).toThrow(FilterError);
    expect(() => parseFilter('a=in.("x)')).toThrow(FilterError);
  });
});

describe('matchesFilter', () => {
  it('compares numbers as numbers, not as text', () => {
    expect(match('col=gt.9', 'int4', 10)).toBe(true);
    expect(match('col=lt.9', 'int8', 10)).toBe(false);
    expect(match('col=eq.1.50', 'numeric', 1.5)).toBe(true);
    expect(match('col=in.(1,5)', 'int4', 5)).toBe(true);
    expect(match('col=in.(1,5)', 'int4', 3)).toBe(false);
  });

  it('compares timestamps as instants whatever their spelling', () => {
    expect(match('col=gte.2026-01-01T00:00:00Z', 'timestamptz', '2026-01-01T01:00:00+01:00')).toBe(
      true,
    );
    expect(match('col=lt.2026-01-01 00:00:00', 'timestamp', '2025-12-31T23:59:59')).toBe(true);
  });

  it('booleans accept true/false and t/f', () => {
    expect(match('col=eq.true', 'bool', true)).toBe(true);
    expect(match('col=eq.f', 'bool', false)).toBe(true);
    expect(match('col=neq.true', 'bool', true)).toBe(false);
  });

  it('text compares exactly; null never matches, not even neq', () => {
    expect(match('col=eq.Ruby', 'text', 'Ruby')).toBe(true);
    expect(match('col=eq.ruby', 'text', 'Ruby')).toBe(false);
    expect(match('col=neq.x', 'text', null)).toBe(false);
    expect(match('col=eq.x', 'text', undefined)).toBe(false);
    expect(match('col=eq.1', 'int4', 'not a number')).toBe(false);
  });
});
