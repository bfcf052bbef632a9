// The one calm answer for a link that does not work. Wrong, expired, revoked and made-up links
// all see exactly this page, so it reveals nothing about whether an order exists.
import { Center, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLinkOff } from '@tabler/icons-react';

export function LinkNotWorking() {
  return (
    <Center mih="80dvh">
      <Paper withBorder radius="lg" p="xl" w="100%">
        <Stack align="center" ta="center" gap="sm">
          <ThemeIcon size={56} radius="xl" variant="light" color="loupe" aria-hidden>
            <IconLinkOff size={28} />
          </ThemeIcon>
          <Title order={1} size="h2">
            This link is not working
          </Title>
          <Text c="dimmed">
            It may have expired, or your stylist may have sent you a newer one. Please ask your
            stylist for a fresh link — they will be glad to help.
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
