// How each staff role is named and coloured wherever it is shown.
import type { Enums } from '../types/database';

export type StaffRole = Enums<'staff_role'>;

export const staffRoleLabels: Record<StaffRole, string> = {
  concierge: 'Concierge stylist',
  workshop: 'Workshop',
  qc: 'QC',
  manager: 'Manager',
};

/** Mantine colour names; distinct hues so a glance at the header tells roles apart. */
export const staffRoleColors: Record<StaffRole, string> = {
  concierge: 'grape',
  workshop: 'orange',
  qc: 'cyan',
  manager: 'loupe',
};
