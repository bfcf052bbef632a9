// One headline number with its label and a note, beside a chart.
import { Paper, Stack, Text } from '@mantine/core';

export function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Paper withBorder p="sm" radius="sm" miw={150}>
      <Stack gap={0}>
        <Text size="sm" c="gray.7">
          {label}
        </Text>
        <Text size="xl" fw={700}>
          {value}
        </Text>
        {note && (
          <Text size="xs" c="gray.7">
            {note}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
