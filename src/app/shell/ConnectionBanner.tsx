// Tells staff when the workshop server cannot be reached and when it is back. The page stays
// as it was underneath (typed text included); the banner only says why nothing new arrives.
// The live region is always in the page, so screen readers announce each change politely.
import { useEffect, useSyncExternalStore } from 'react';
import { Group, Loader, Paper, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { connection } from '../../lib/connection';
import { monitorConnection } from '../../lib/connection-monitor';
import classes from './AppShellLayout.module.css';

export function ConnectionBanner() {
  const queryClient = useQueryClient();
  useEffect(() => monitorConnection(queryClient), [queryClient]);
  const status = useSyncExternalStore(connection.subscribe, connection.status, connection.status);

  return (
    <div role="status" aria-live="polite" className={classes.connectionBanner}>
      {status === 'down' && (
        <Paper shadow="md" radius="md" px="md" py="sm" bg="yellow.0" withBorder>
          <Group gap="sm" wrap="nowrap">
            <Loader size="sm" color="yellow.9" aria-hidden />
            <Text fw={500} c="dark.8">
              Reconnecting to the workshop server…
            </Text>
          </Group>
        </Paper>
      )}
      {status === 'recovered' && (
        <Paper shadow="md" radius="md" px="md" py="sm" bg="green.0" withBorder>
          <Group gap="sm" wrap="nowrap">
            <IconCircleCheck size={22} color="var(--mantine-color-green-9)" aria-hidden />
            <Text fw={500} c="dark.8">
              Back online — catching up
            </Text>
          </Group>
        </Paper>
      )}
    </div>
  );
}
