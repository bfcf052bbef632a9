// Staff: everyone who can sign in to Loupe, with their role (a manager changes it here), and
// the form that creates a new login. The login is made on the server by public.create_staff;
// the first password is given to the person, who can change it after signing in.
import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  PasswordInput,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { toAppError } from '../../../lib/errors';
import { staffRoleLabels } from '../../../lib/staff-roles';
import { settingsQueries } from '../api/settings-queries';
import { useChangeStaffRole, useCreateStaff } from '../api/staff-mutations';
import { validateNewStaff, type NewStaffDraft, type StaffRole } from '../lib/validation';

const roleOptions = (Object.keys(staffRoleLabels) as StaffRole[]).map((r) => ({
  value: r,
  label: staffRoleLabels[r],
}));

export function StaffPanel() {
  const staff = useQuery(settingsQueries.staff());
  const changeRole = useChangeStaffRole();
  if (staff.isPending) return <Skeleton h={300} />;
  if (staff.isError)
    return (
      <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title="Staff could not be loaded">
        {toAppError(staff.error).message}
      </Alert>
    );
  return (
    <Stack gap="lg">
      <Table verticalSpacing="xs" aria-label="Staff">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Role</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {staff.data.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.display_name}</Table.Td>
              <Table.Td>
                <Select
                  aria-label={`Role of ${s.display_name}`}
                  data={roleOptions}
                  value={s.role}
                  onChange={(v) =>
                    v && v !== s.role && changeRole.mutate({ id: s.id, role: v as StaffRole })
                  }
                  allowDeselect={false}
                  size="md"
                  w={220}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <NewStaffForm />
    </Stack>
  );
}

const emptyDraft: NewStaffDraft = { email: '', displayName: '', role: null, password: '' };

function NewStaffForm() {
  const create = useCreateStaff();
  const [draft, setDraft] = useState<NewStaffDraft>(emptyDraft);
  const [submitted, setSubmitted] = useState(false);
  const errors = validateNewStaff(draft);
  const show = (k: keyof NewStaffDraft) => (submitted ? errors[k] : undefined);
  const set = (change: Partial<NewStaffDraft>) => setDraft((d) => ({ ...d, ...change }));
  return (
    <form
      noValidate
      aria-labelledby="new-staff-title"
      onSubmit={(e) => {
        e.preventDefault();
        setSubmitted(true);
        if (Object.keys(errors).length || !draft.role) return;
        const name = draft.displayName.trim();
        create.mutate(
          { ...draft, role: draft.role },
          {
            onSuccess: () => {
              notifications.show({
                color: 'teal',
                title: 'Login created',
                message: `${name} can now sign in with ${draft.email.trim()}.`,
              });
              setDraft(emptyDraft);
              setSubmitted(false);
            },
          },
        );
      }}
    >
      <Stack gap="sm">
        <Title order={3} size="h4" id="new-staff-title">
          Add a staff member
        </Title>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label="Email"
            type="email"
            autoComplete="off"
            value={draft.email}
            onChange={(e) => set({ email: e.currentTarget.value })}
            error={show('email')}
            required
            size="md"
            w={260}
          />
          <TextInput
            label="Display name"
            value={draft.displayName}
            onChange={(e) => set({ displayName: e.currentTarget.value })}
            error={show('displayName')}
            required
            maxLength={80}
            size="md"
            w={220}
          />
          <Select
            label="Role"
            placeholder="Choose a role"
            data={roleOptions}
            value={draft.role}
            onChange={(v) => set({ role: (v as StaffRole | null) ?? null })}
            error={show('role')}
            required
            size="md"
            w={200}
          />
          <PasswordInput
            label="First password"
            description="At least 8 characters; share it privately."
            autoComplete="new-password"
            value={draft.password}
            onChange={(e) => set({ password: e.currentTarget.value })}
            error={show('password')}
            required
            size="md"
            w={240}
          />
        </Group>
        <Group>
          <Button
            type="submit"
            size="md"
            leftSection={<IconUserPlus size={16} aria-hidden />}
            loading={create.isPending}
          >
            Create login
          </Button>
        </Group>
        {create.isError && (
          <Text c="red" size="sm" role="alert">
            {toAppError(create.error).message}
          </Text>
        )}
      </Stack>
    </form>
  );
}
