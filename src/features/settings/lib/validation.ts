// Checks the settings forms make before asking the database, so a slip is explained next to
// the field at once. The database's constraints and functions stay the rule (they refuse the
// same things for every client); these only word them early.
import type { Enums } from '../../../types/database';

export type SlaUnit = Enums<'sla_unit'>;
export type StaffRole = Enums<'staff_role'>;

export type StageTargetDraft = {
  /** Null: this stage has no SLA clock. */
  unit: SlaUnit | null;
  amberAfter: number | string | null;
  redAfter: number | string | null;
  wipLimit: number | string | null;
};

export type StageTargetValues = {
  sla_unit: SlaUnit | null;
  sla_amber_after: number | null;
  sla_red_after: number | null;
  wip_limit: number | null;
};

type Errors<K extends string> = Partial<Record<K, string>>;

function asNumber(value: number | string | null): number | null {
  if (value === null || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : NaN;
}

/** numeric(6, 2) holds up to 9,999.99. */
const MAX_TARGET = 9999.99;

export function validateStageTarget(draft: StageTargetDraft): {
  errors: Errors<'amberAfter' | 'redAfter' | 'wipLimit'>;
  values: StageTargetValues | null;
} {
  const errors: Errors<'amberAfter' | 'redAfter' | 'wipLimit'> = {};
  const amber = asNumber(draft.amberAfter);
  const red = asNumber(draft.redAfter);
  const wip = asNumber(draft.wipLimit);
  if (draft.unit) {
    if (amber === null) errors.amberAfter = 'Enter when the clock turns amber.';
    else if (Number.isNaN(amber) || amber <= 0 || amber > MAX_TARGET)
      errors.amberAfter = 'Enter a number above 0 (at most 9,999.99).';
    if (red === null) errors.redAfter = 'Enter when the clock turns red.';
    else if (Number.isNaN(red) || red <= 0 || red > MAX_TARGET)
      errors.redAfter = 'Enter a number above 0 (at most 9,999.99).';
    if (!errors.amberAfter && !errors.redAfter && amber !== null && red !== null && amber > red)
      errors.redAfter = 'Red comes after amber: enter at least the amber value.';
  }
  if (wip !== null && (Number.isNaN(wip) || !Number.isInteger(wip) || wip < 1 || wip > 10_000))
    errors.wipLimit = 'Enter a whole number of at least 1, or leave empty for no limit.';
  if (Object.keys(errors).length) return { errors, values: null };
  const round = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);
  return {
    errors,
    values: {
      sla_unit: draft.unit,
      sla_amber_after: draft.unit ? round(amber) : null,
      sla_red_after: draft.unit ? round(red) : null,
      wip_limit: wip,
    },
  };
}

export type HolidayDraft = { day: string; name: string };

export function validateHoliday(
  draft: HolidayDraft,
  existingDays: readonly string[],
): Errors<'day' | 'name'> {
  const errors: Errors<'day' | 'name'> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.day))
    errors.day = 'Choose the date the workshop is closed.';
  else if (existingDays.includes(draft.day)) errors.day = 'This day is already a holiday.';
  const name = draft.name.trim();
  if (!name) errors.name = 'Name the holiday.';
  else if (name.length > 80) errors.name = 'Keep the name under 80 characters.';
  return errors;
}

export function validateChecklistLabel(label: string): string | null {
  const text = label.trim();
  if (!text) return 'Describe what QC checks.';
  if (text.length > 80) return 'Keep it under 80 characters.';
  return null;
}

export type NewStaffDraft = {
  email: string;
  displayName: string;
  role: StaffRole | null;
  password: string;
};

export const MIN_PASSWORD = 8;

export function validateNewStaff(draft: NewStaffDraft): Errors<keyof NewStaffDraft> {
  const errors: Errors<keyof NewStaffDraft> = {};
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(draft.email.trim()))
    errors.email = 'Enter a valid email address.';
  const name = draft.displayName.trim();
  if (!name) errors.displayName = 'Enter the name colleagues will see.';
  else if (name.length > 80) errors.displayName = 'Keep the name under 80 characters.';
  if (!draft.role) errors.role = 'Choose a role.';
  if (draft.password.length < MIN_PASSWORD)
    errors.password = `At least ${MIN_PASSWORD} characters.`;
  return errors;
}
