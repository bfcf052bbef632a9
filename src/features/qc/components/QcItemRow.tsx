// One checklist item: pass or fail (toggle back to pending by pressing the chosen one again),
// a note, and the photo the template asks for (pass waits until it is attached).
import { useState, type ReactNode } from 'react';
import { Badge, Button, Group, Image, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconCamera, IconCheck, IconX } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { FileDropzone, type UploadProgress } from '../../../components/FileDropzone';
import { signedFileUrl } from '../../../lib/file-upload';
import type { QcItem } from '../api/qc-checklist-query';
import { useCheckQcItemMutation } from '../api/qc-item-check-mutation';
import { useAttachQcPhotoMutation } from '../api/qc-item-photo-mutation';
import { qcQueries } from '../api/qc-queries';
import { itemPassBlockedReason } from '../lib/qc-run';

function PhotoThumb({ orderId, item }: { orderId: string; item: QcItem }) {
  const photo = item.photo!;
  const url = useQuery({
    queryKey: [...qcQueries.order(orderId), 'photo-url', photo.id],
    queryFn: () => signedFileUrl(photo.bucket, photo.storage_path),
    staleTime: 50 * 60_000,
  });
  return url.data ? (
    <a
      href={url.data}
      target="_blank"
      rel="noreferrer"
      aria-label={`Open the photo of ${item.label.toLowerCase()}`}
    >
      <Image src={url.data} alt={`Photo: ${item.label}`} w={72} h={72} radius="sm" fit="cover" />
    </a>
  ) : (
    <Text size="xs" c="gray.7">
      {url.isError ? 'Photo cannot be shown' : 'Loading photo…'}
    </Text>
  );
}

type QcItemRowProps = {
  orderId: string;
  item: QcItem;
  editable: boolean;
  /** Extra facts for this item from elsewhere on the page (composed by the route). */
  detail?: ReactNode;
};

export function QcItemRow({ orderId, item, editable, detail }: QcItemRowProps) {
  const check = useCheckQcItemMutation(orderId);
  const photo = useAttachQcPhotoMutation(orderId);
  const [note, setNote] = useState(item.note ?? '');
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const passBlocked = itemPassBlockedReason(item);
  const name = item.label;

  function choose(result: 'pass' | 'fail') {
    check.mutate({ itemId: item.id, result: item.result === result ? 'pending' : result });
  }

  return (
    <Paper withBorder p="sm" radius="sm" component="li" aria-label={name}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2} style={{ flex: '1 1 220px' }}>
            <Group gap={6}>
              <Text fw={500}>
                {item.position}. {name}
              </Text>
              {!item.required && (
                <Badge size="sm" variant="outline" color="gray.7">
                  Optional
                </Badge>
              )}
              {item.needs_photo && (
                <Badge size="sm" variant="outline" color={item.photo ? 'teal' : 'orange'}>
                  {item.photo ? 'Photo attached' : 'Photo required'}
                </Badge>
              )}
            </Group>
            {item.result !== 'pending' && (
              <Text size="xs" c="gray.7">
                {item.result === 'pass' ? 'Passed' : 'Failed'}
                {item.checker ? ` by ${item.checker.display_name}` : ''}
                {item.checked_at ? `, ${dayjs(item.checked_at).format('D MMM HH:mm')}` : ''}
              </Text>
            )}
          </Stack>
          {editable ? (
            <Group gap="xs" wrap="nowrap">
              <Button
                variant={item.result === 'pass' ? 'filled' : 'default'}
                leftSection={<IconCheck size={16} aria-hidden />}
                aria-pressed={item.result === 'pass'}
                aria-label={`Pass: ${name}`}
                onClick={() => choose('pass')}
                disabled={!!passBlocked && item.result !== 'pass'}
                mih={44}
              >
                Pass
              </Button>
              <Button
                variant={item.result === 'fail' ? 'filled' : 'default'}
                color="red.9"
                leftSection={<IconX size={16} aria-hidden />}
                aria-pressed={item.result === 'fail'}
                aria-label={`Fail: ${name}`}
                onClick={() => choose('fail')}
                mih={44}
              >
                Fail
              </Button>
            </Group>
          ) : (
            <Badge
              color={
                item.result === 'pass' ? 'teal.9' : item.result === 'fail' ? 'red.9' : 'gray.7'
              }
              variant="outline"
            >
              {item.result === 'pending'
                ? 'Not checked'
                : item.result === 'pass'
                  ? 'Passed'
                  : 'Failed'}
            </Badge>
          )}
        </Group>
        {detail}
        {editable && passBlocked && item.result !== 'pass' && (
          <Group gap={6} wrap="nowrap">
            <IconCamera size={16} aria-hidden />
            <Text size="sm">{passBlocked}</Text>
          </Group>
        )}
        {item.needs_photo && (
          <Group align="flex-start" gap="sm" wrap="nowrap">
            {item.photo && <PhotoThumb orderId={orderId} item={item} />}
            {/* A passed item keeps its photo; until then it can be replaced. */}
            {editable && item.result !== 'pass' && (
              <div style={{ flex: 1 }}>
                <FileDropzone
                  bucket="qc-photos"
                  label={`Photo for ${name.toLowerCase()}`}
                  compact
                  uploading={photo.isPending}
                  progress={progress}
                  onFile={(file) => {
                    setProgress(null);
                    photo.mutate({ itemId: item.id, file, onProgress: setProgress });
                  }}
                />
              </div>
            )}
          </Group>
        )}
        {editable ? (
          <TextInput
            label={`Note for ${name.toLowerCase()}`}
            placeholder="Optional: what you saw"
            size="sm"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            onBlur={() => {
              if ((item.note ?? '') !== note.trim()) check.mutate({ itemId: item.id, note });
            }}
          />
        ) : (
          item.note && (
            <Text size="sm" c="gray.7">
              Note: {item.note}
            </Text>
          )
        )}
      </Stack>
    </Paper>
  );
}
