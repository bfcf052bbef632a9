// Holidays: the days the workshop is closed, which business-day clocks (production's 10–14
// business days) skip. Add one with its date and name; remove one with its button.
import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Skeleton,
  Stack,
  Table,
  Text,
  VisuallyHidden,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { toAppError } from '../../../lib/errors';
import { settingsQueries } from '../api/settings-queries';
import { useAddHoliday } from '../api/holiday-add-mutation';
import { useRemoveHoliday } from '../api/holiday-remove-mutation';
import { validateHoliday } from '../lib/validation';

const dayFormat = new Intl.DateTimeFormat('en-US', {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const formatDay = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`));

export function HolidaysPanel() {
  const holidays = useQuery(settingsQueries.holidays());
  const add = useAddHoliday();
  const remove = useRemoveHoliday();
  const [day, setDay] = useState('');
  const [name, setName] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const errors = validateHoliday(
    { day, name },
    (holidays.data ?? []).map((h) => h.day),
  );

  if (holidays.isPending) return <Skeleton h={300} />;
  if (holidays.isError)
    return (
      <Alert
        color="red"
        icon={<IconAlertTriangle aria-hidden />}
        title="Holidays could not be loaded"
      >
        {toAppError(holidays.error).message}
      </Alert>
    );

  return (
    <Stack gap="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setSubmitted(true);
          if (Object.keys(errors).length) return;
          add.mutate(
            { day, name },
            {
              onSuccess: () => {
                setDay('');
                setName('');
                setSubmitted(false);
              },
            },
          );
        }}
        noValidate
      >
        <Group align="flex-start" gap="sm">
          <TextInput
            type="date"
            label="Date"
            value={day}
            onChange={(e) => setDay(e.currentTarget.value)}
            error={submitted ? errors.day : undefined}
            required
            size="md"
          />
          <TextInput
            label="Holiday name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={submitted ? errors.name : undefined}
            required
            maxLength={80}
            size="md"
            w={280}
          />
          <Button type="submit" size="md" mt={28} loading={add.isPending}>
            Add holiday
          </Button>
        </Group>
        {add.isError && (
          <Text c="red" size="sm" role="alert" mt="xs">
            {toAppError(add.error).message}
          </Text>
        )}
      </form>
      {holidays.data.length === 0 ? (
        <Text c="dimmed">No holidays yet: business days count every weekday.</Text>
      ) : (
        <Table verticalSpacing="xs" aria-label="Holidays">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Holiday</Table.Th>
              <Table.Th>
                <VisuallyHidden>Remove</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {holidays.data.map((h) => (
              <Table.Tr key={h.day}>
                <Table.Td>{formatDay(h.day)}</Table.Td>
                <Table.Td>{h.name}</Table.Td>
                <Table.Td w={60}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size={44}
                    aria-label={`Remove ${h.name} (${formatDay(h.day)})`}
                    onClick={() => remove.mutate(h.day)}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
