// QC photos and the unboxing video of an order: what has been uploaded (previewed through
// signed links) and dropzones to add more. Videos go up resumably with a progress bar.
import { useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { FileDropzone, type UploadProgress } from '../../../components/FileDropzone';
import { toAppError } from '../../../lib/errors';
import { filesQueries } from '../api/files-queries';
import { useUploadMediaMutation, type MediaKind } from '../api/media-upload-mutation';
import { FilePreview } from './FilePreview';

function MediaUpload({ orderId, kind }: { orderId: string; kind: MediaKind }) {
  const upload = useUploadMediaMutation();
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const controller = useRef<AbortController | null>(null);
  const photo = kind === 'qc_photo';
  return (
    <FileDropzone
      bucket={photo ? 'qc-photos' : 'qc-videos'}
      label={photo ? 'QC photo' : 'Unboxing video'}
      uploading={upload.isPending}
      progress={progress}
      onFile={(file) => {
        setProgress(null);
        controller.current = new AbortController();
        upload.mutate({
          orderId,
          kind,
          file,
          onProgress: setProgress,
          signal: controller.current.signal,
        });
      }}
      onCancel={() => controller.current?.abort()}
    />
  );
}

export function MediaSection({ orderId }: { orderId: string }) {
  const media = useQuery(filesQueries.media(orderId));
  const photos = media.data?.filter((f) => f.kind === 'qc_photo') ?? [];
  const videos = media.data?.filter((f) => f.kind === 'unboxing_video') ?? [];

  return (
    <Card withBorder component="section" aria-labelledby={`media-${orderId}`}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={3} size="h4" id={`media-${orderId}`}>
            QC photos and unboxing video
          </Title>
          {media.data && (
            <Group gap="xs">
              <Badge variant="outline" color={photos.length ? 'teal.9' : 'gray.7'}>
                {photos.length} {photos.length === 1 ? 'photo' : 'photos'}
              </Badge>
              <Badge variant="outline" color={videos.length ? 'teal.9' : 'gray.7'}>
                {videos.length ? 'Video recorded' : 'No video yet'}
              </Badge>
            </Group>
          )}
        </Group>

        {media.isPending && <Skeleton h={120} aria-label="Loading photos and videos" />}
        {media.isError && (
          <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
            <Group justify="space-between">
              <Text size="sm">{toAppError(media.error).message}</Text>
              <Button size="xs" variant="light" onClick={() => void media.refetch()}>
                Try again
              </Button>
            </Group>
          </Alert>
        )}

        {media.data && (
          <>
            <Stack gap="xs">
              <Title order={4} size="h5">
                Photos
              </Title>
              {photos.length === 0 ? (
                <Text size="sm" c="gray.7">
                  No QC photos yet. Certified pieces ship only with photos.
                </Text>
              ) : (
                <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
                  {photos.map((f) => (
                    <FilePreview key={f.id} file={f} height={140} />
                  ))}
                </SimpleGrid>
              )}
              <MediaUpload orderId={orderId} kind="qc_photo" />
            </Stack>
            <Stack gap="xs">
              <Title order={4} size="h5">
                Unboxing video
              </Title>
              {videos.length === 0 ? (
                <Text size="sm" c="gray.7">
                  No unboxing video yet. Record the piece being packed, then upload it here.
                </Text>
              ) : (
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                  {videos.map((f) => (
                    <FilePreview key={f.id} file={f} height={240} />
                  ))}
                </SimpleGrid>
              )}
              <MediaUpload orderId={orderId} kind="unboxing_video" />
            </Stack>
          </>
        )}
      </Stack>
    </Card>
  );
}
