// A staff member's role as a small coloured badge ("Concierge stylist", "QC"…).
import { Badge } from '@mantine/core';
import { staffRoleColors, staffRoleLabels, type StaffRole } from '../lib/staff-roles';

export function RoleBadge({ role }: { role: StaffRole }) {
  return (
    <Badge color={staffRoleColors[role]} variant="light" radius="sm">
      {staffRoleLabels[role]}
    </Badge>
  );
}
