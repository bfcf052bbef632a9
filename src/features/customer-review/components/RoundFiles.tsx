// The round's renders and files, through short-lived signed URLs asked for only after the page
// answered "ok". Images open large in a new tab; other files are plain downloads. Every link
// and image sends no Referer, so the page's address (which holds the token) never travels.
import { Anchor, Image, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReviewClient } from '../api/review-client';
import type { ReviewFile } from '../api/review-page';
import { reviewQueries } from '../api/review-queries';
import { fileTypeLabel, isPreviewableImage } from '../lib/files';

export function RoundFiles({
  client,
  token,
  files,
}: {
  client: ReviewClient;
  token: string;
  files: ReviewFile[];
}) {
  const signed = useQuery({
    ...reviewQueries.files(client, token, files),
    enabled: files.length > 0,
  });

  if (files.length === 0) {
    return <Text c="dimmed">Your stylist has not added pictures to this design yet.</Text>;
  }
  if (signed.isPending) {
    return (
      <SimpleGrid cols={{ base: 1, xs: 2 }} aria-busy aria-label="Loading your design">
        {files.map((f) => (
          <Skeleton key={f.path} h={220} radius="md" />
        ))}
      </SimpleGrid>
    );
  }
  if (signed.isError) {
    return (
      <Text c="red.8" role="alert">
        The pictures did not load. {signed.error.message}
      </Text>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }}>
      {signed.data.map((file) => (
        <Paper key={file.path} withBorder radius="md" p="xs">
          {file.url === null ? (
            <Text size="sm" c="dimmed">
              {file.name} is not available right now. Your stylist can send it again.
            </Text>
          ) : isPreviewableImage(file.name) ? (
            <Stack gap={4}>
              <Anchor
                href={file.url}
                target="_blank"
                rel="noreferrer noopener"
                referrerPolicy="no-referrer"
              >
                <Image
                  src={file.url}
                  referrerPolicy="no-referrer"
                  alt={`Design render: ${file.name}`}
                  radius="sm"
                  fit="contain"
                  mah={360}
                />
              </Anchor>
              <Text size="xs" c="dimmed">
                Tap the picture to see it full size.
              </Text>
            </Stack>
          ) : (
            <Anchor
              href={file.url}
              target="_blank"
              rel="noreferrer noopener"
              referrerPolicy="no-referrer"
              display="flex"
              mih={44}
              style={{ alignItems: 'center', gap: 8 }}
            >
              <IconDownload size={18} aria-hidden />
              {file.name} ({fileTypeLabel(file.name)})
            </Anchor>
          )}
        </Paper>
      ))}
    </SimpleGrid>
  );
}
