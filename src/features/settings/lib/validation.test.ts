import { describe, expect, it } from 'vitest';
import {
  validateChecklistLabel,
  validateHoliday,
  validateNewStaff,
  validateStageTarget,
} from './validation';
import { moveItem } from './reorder';

describe('SLA target and WIP limit form', () => {
  it('accepts the house targets and turns them into the row to save', () => {
    expect(
      validateStageTarget({ unit: 'business_days', amberAfter: 10, redAfter: '14', wipLimit: '' }),
    ).toEqual({
      errors: {},
      values: {
        sla_unit: 'business_days',
        sla_amber_after: 10,
        sla_red_after: 14,
        wip_limit: null,
      },
    });
  });

  it('a stage without a clock saves no thresholds, only the WIP limit', () => {
    expect(
      validateStageTarget({ unit: null, amberAfter: 3, redAfter: 5, wipLimit: 12 }).values,
    ).toEqual({ sla_unit: null, sla_amber_after: null, sla_red_after: null, wip_limit: 12 });
  });

  it('explains missing, non-positive and reversed thresholds', () => {
    expect(
      validateStageTarget({ unit: 'hours', amberAfter: '', redAfter: 48, wipLimit: null }),
    ).toMatchObject({ errors: { amberAfter: 'Enter when the clock turns amber.' }, values: null });
    expect(
      validateStageTarget({ unit: 'days', amberAfter: 0, redAfter: -1, wipLimit: null }).errors,
    ).toEqual({
      amberAfter: 'Enter a number above 0 (at most 9,999.99).',
      redAfter: 'Enter a number above 0 (at most 9,999.99).',
    });
    expect(
      validateStageTarget({ unit: 'hours', amberAfter: 48, redAfter: 24, wipLimit: null }).errors,
    ).toEqual({ redAfter: 'Red comes after amber: enter at least the amber value.' });
  });

  it('a WIP limit is a whole number of at least 1, or empty', () => {
    const wip = (w: number | string | null) =>
      validateStageTarget({ unit: null, amberAfter: null, redAfter: null, wipLimit: w }).errors
        .wipLimit;
    expect(wip(0)).toBeDefined();
    expect(wip(2.5)).toBeDefined();
    expect(wip('lots')).toBeDefined();
    expect(wip(1)).toBeUndefined();
    expect(wip(null)).toBeUndefined();
  });
});

describe('holiday form', () => {
  it('needs a date not already a holiday and a name', () => {
    expect(validateHoliday({ day: '2026-12-31', name: "New Year's Eve" }, ['2026-12-25'])).toEqual(
      {},
    );
    expect(validateHoliday({ day: '', name: '  ' }, [])).toEqual({
      day: 'Choose the date the workshop is closed.',
      name: 'Name the holiday.',
    });
    expect(validateHoliday({ day: '2026-12-25', name: 'Christmas' }, ['2026-12-25']).day).toBe(
      'This day is already a holiday.',
    );
  });
});

describe('QC checklist item', () => {
  it('needs a label of at most 80 characters', () => {
    expect(validateChecklistLabel('Clasp closes firmly')).toBeNull();
    expect(validateChecklistLabel('   ')).toBe('Describe what QC checks.');
    expect(validateChecklistLabel('x'.repeat(81))).toBe('Keep it under 80 characters.');
  });

  it('moves an item one place up or down, never off the list', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toBeNull();
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toBeNull();
  });
});

describe('new staff form', () => {
  it('needs an email, a name, a role and a password of 8 characters', () => {
    expect(
      validateNewStaff({
        email: 'noor@loupe.test',
        displayName: 'Noor Haddad',
        role: 'qc',
        password: 'polish-2026',
      }),
    ).toEqual({});
    expect(
      validateNewStaff({ email: 'noor@', displayName: ' ', role: null, password: 'short' }),
    ).toEqual({
      email: 'Enter a valid email address.',
      displayName: 'Enter the name colleagues will see.',
      role: 'Choose a role.',
      password: 'At least 8 characters.',
    });
  });
});
