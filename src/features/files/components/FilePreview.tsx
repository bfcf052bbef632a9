// Shows a stored file where it is listed: images as images, PDFs inline, videos in a player,
// always through a signed link (the buckets are private), with a link to open it full size.
import { useQuery } from '@tanstack/react-query';
import { Anchor, Group, Image, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { toAppError } from '../../../lib/errors';
import { filesQueries } from '../api/files-queries';
import type { AttachmentFile } from '../../../lib/file-upload';

type FilePreviewProps = {
  file: AttachmentFile;
  /** Height of the inline preview in px. */
  height?: number;
};

function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function FilePreview({ file, height = 220 }: FilePreviewProps) {
  const url = useQuery(filesQueries.signedUrl(file.bucket, file.storage_path));
  const name = file.file_name ?? file.storage_path.split('/').pop() ?? 'file';

  let body;
  if (url.isPending) {
    body = (
      <Group justify="center" h={height}>
        <Loader size="sm" aria-label={`Loading ${name}`} />
      </Group>
    );
  } else if (url.isError) {
    body = (
      <Text c="red.9" size="sm" role="alert">
        {name} cannot be shown: {toAppError(url.error).message}
      </Text>
    );
  } else if (file.mime_type.startsWith('image/')) {
    body = <Image src={url.data} alt={name} h={height} fit="contain" radius="sm" />;
  } else if (file.mime_type === 'application/pdf') {
    body = (
      <object data={url.data} type="application/pdf" aria-label={name} width="100%" height={height}>
        <Text size="sm">
          This browser cannot show PDFs inline.{' '}
          <Anchor href={url.data} target="_blank" rel="noreferrer">
            Open {name}
          </Anchor>
        </Text>
      </object>
    );
  } else if (file.mime_type.startsWith('video/')) {
    body = (
      <video
        src={url.data}
        controls
        preload="metadata"
        aria-label={name}
        style={{ width: '100%', maxHeight: height, borderRadius: 4, background: '#000' }}
      />
    );
  } else {
    body = <Text size="sm">No preview for this kind of file.</Text>;
  }

  return (
    <Paper withBorder p="xs" radius="sm">
      <Stack gap={6}>
        {body}
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="xs" c="gray.7" truncate="end" title={name}>
            {name} · {sizeText(file.size_bytes)}
          </Text>
          {url.data && (
            <Anchor
              href={url.data}
              target="_blank"
              rel="noreferrer"
              size="sm"
              aria-label={`Open ${name}`}
              style={{ minHeight: 44, display: 'inline-flex', alignItems: 'center', gap: 4 }}
            >
              Open <IconExternalLink size={14} aria-hidden />
            </Anchor>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
