// Reference images as small thumbnails (signed URLs from the private bucket); each opens the
// full image in a new tab.
import { Group, Image, Skeleton, Text } from '@mantine/core';

type Attachment = { id: string; storage_path: string; file_name: string | null };

export function ReferenceThumbnails({
  attachments,
  urls,
  size = 40,
  max,
  linked = true,
}: {
  attachments: readonly Attachment[];
  urls: Record<string, string> | undefined;
  size?: number;
  max?: number;
  /** Links to the full image; off inside a button (a link in a button is not reachable). */
  linked?: boolean;
}) {
  if (attachments.length === 0) return null;
  const shown = max ? attachments.slice(0, max) : attachments;
  const more = attachments.length - shown.length;
  return (
    <Group gap={6} wrap="wrap">
      {shown.map((a, i) => {
        const url = urls?.[a.storage_path];
        const alt = `Reference image ${i + 1}${a.file_name ? `: ${a.file_name}` : ''}`;
        if (url && !linked) {
          return <Image key={a.id} src={url} alt={alt} w={size} h={size} radius="sm" fit="cover" />;
        }
        return url ? (
          <a key={a.id} href={url} target="_blank" rel="noreferrer">
            <Image src={url} alt={alt} w={size} h={size} radius="sm" fit="cover" />
          </a>
        ) : (
          <Skeleton key={a.id} w={size} h={size} radius="sm" aria-label={alt} />
        );
      })}
      {more > 0 && (
        <Text size="xs" c="gray.7">
          +{more}
        </Text>
      )}
    </Group>
  );
}
