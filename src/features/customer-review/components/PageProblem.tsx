// When the page cannot be read: too many tries (the database's own sentence, in plain words),
// an unreachable server, or an unexpected answer — each with a way to try again.
import { Button, Center, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconClockPause, IconCloudOff } from '@tabler/icons-react';
import type { AppError } from '../../../lib/errors';

export function PageProblem({
  error,
  onRetry,
  retrying,
}: {
  error: AppError;
  onRetry: () => void;
  retrying: boolean;
}) {
  const rateLimited = error.code === 'PT429' || error.status === 429;
  return (
    <Center mih="80dvh">
      <Paper withBorder radius="lg" p="xl" w="100%">
        <Stack align="center" ta="center" gap="sm">
          <ThemeIcon size={56} radius="xl" variant="light" color="champagne" aria-hidden>
            {rateLimited ? <IconClockPause size={28} /> : <IconCloudOff size={28} />}
          </ThemeIcon>
          <Title order={1} size="h2">
            {rateLimited ? 'Please wait a few minutes' : 'We could not load this page'}
          </Title>
          <Text c="dimmed" role="alert">
            {error.message}
          </Text>
          <Button size="md" variant="light" onClick={onRetry} loading={retrying}>
            Try again
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
