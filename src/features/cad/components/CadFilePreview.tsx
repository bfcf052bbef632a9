// One CAD file: images previewed, PDFs shown inline, 3D files as a download link.
import { Anchor, Image, Paper, Stack, Text } from '@mantine/core';
import type { CadFile } from '../api/cad-rounds-query';

export function CadFilePreview({ file }: { file: CadFile }) {
  const name = file.file_name ?? file.storage_path.split('/').pop() ?? 'CAD file';
  const caption = `${name} · ${(file.size_bytes / 1024 / 1024).toFixed(1)} MB${file.uploader ? ` · ${file.uploader.display_name}` : ''}`;
  if (!file.url) {
    return (
      <Text size="sm" c="red">
        {name} is missing from storage.
      </Text>
    );
  }
  return (
    <Paper withBorder p="xs" radius="sm">
      <Stack gap={4}>
        {file.mime_type.startsWith('image/') && (
          <Image src={file.url} alt={`CAD render ${name}`} radius="sm" mah={320} fit="contain" />
        )}
        {file.mime_type === 'application/pdf' && (
          <iframe
            src={file.url}
            title={`CAD PDF ${name}`}
            style={{ width: '100%', height: 360, border: 0 }}
          />
        )}
        <Anchor href={file.url} target="_blank" rel="noreferrer" size="sm">
          {caption}
        </Anchor>
      </Stack>
    </Paper>
  );
}
