// One place to pick or drop a file for a storage bucket: the file's type and size are checked
// against the bucket's limits and its first bytes against its claimed type before anything is
// sent, and an upload in progress shows a progress bar. Used by every upload in the order
// workspace (certificates, QC photos, unboxing videos).
import { useRef, useState } from 'react';
import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import '@mantine/dropzone/styles.css';
import { IconAlertTriangle, IconUpload } from '@tabler/icons-react';
import {
  acceptedTypesText,
  bucketRules,
  checkFile,
  checkTypeAndSize,
  type BucketId,
} from '../lib/file-signature';

export type UploadProgress = { sent: number; total: number };

type FileDropzoneProps = {
  bucket: BucketId;
  /** What the file is, e.g. "Certificate file"; the accessible name of the file input. */
  label: string;
  /** Called with a file that passed every check. */
  onFile: (file: File) => void;
  /** An upload is under way: the zone is disabled and shows the progress. */
  uploading?: boolean;
  progress?: UploadProgress | null;
  disabled?: boolean;
  /** A smaller zone, e.g. beside a checklist item. */
  compact?: boolean;
  /** Offered during an upload; a resumable upload stopped this way continues when retried. */
  onCancel?: () => void;
};

/** "QC photo" stays "QC photo", "Certificate file" becomes "certificate file" mid-sentence. */
function inSentence(label: string): string {
  return /^[A-Z]{2,}\b/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

function percent(p: UploadProgress): number {
  return p.total > 0 ? Math.min(100, Math.round((p.sent / p.total) * 100)) : 0;
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

export function FileDropzone({
  bucket,
  label,
  onFile,
  uploading = false,
  progress = null,
  disabled = false,
  compact = false,
  onCancel,
}: FileDropzoneProps) {
  const rules = bucketRules[bucket];
  const [problem, setProblem] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const openRef = useRef<() => void>(null);

  async function take(files: File[]) {
    const [file] = files;
    if (!file) return;
    setChecking(true);
    try {
      const message = await checkFile(file, bucket);
      setProblem(message);
      if (!message) onFile(file);
    } catch {
      setProblem(`${file.name} could not be read. Pick it again.`);
    } finally {
      setChecking(false);
    }
  }

  return (
    <Stack gap="xs">
      <Dropzone
        onDrop={(files) => void take(files)}
        // The picker's own filter let something through we do not accept (or several files):
        // explain it with the same sentence as our own check.
        onReject={(rejections) => {
          const file = rejections[0]?.file;
          if (!file) return;
          setProblem(
            checkTypeAndSize(file, bucket) ??
              `Drop one file at a time. ${rules.what} must be ${acceptedTypesText(rules)}.`,
          );
        }}
        multiple={false}
        disabled={disabled || uploading}
        loading={checking}
        // The zone is for dragging (and tapping); keyboard and screen-reader users get the
        // real button below, so the zone itself is not a second, unnamed control.
        activateOnKeyboard={false}
        openRef={openRef}
        inputProps={{ 'aria-label': label }}
        p={compact ? 'sm' : 'lg'}
        mih={44}
      >
        <Group justify="center" gap="sm" wrap="nowrap" style={{ pointerEvents: 'none' }}>
          <IconUpload size={compact ? 20 : 32} stroke={1.5} aria-hidden />
          <div>
            <Text size={compact ? 'sm' : 'md'}>
              {compact
                ? `Drop or tap to add the ${inSentence(label)}`
                : `Drop the ${inSentence(label)} here`}
            </Text>
            {!compact && (
              <Text size="sm" c="gray.7">
                {acceptedTypesText(rules)}, up to {megabytes(rules.maxBytes)}
              </Text>
            )}
          </div>
        </Group>
      </Dropzone>
      <Group justify={compact ? 'flex-start' : 'center'}>
        <Button
          variant="default"
          size={compact ? 'xs' : 'sm'}
          mih={44}
          leftSection={<IconUpload size={16} aria-hidden />}
          onClick={() => openRef.current?.()}
          disabled={disabled || uploading || checking}
        >
          Choose {inSentence(label)}
        </Button>
      </Group>
      {uploading && (
        <Stack gap={4}>
          <Progress
            value={progress ? percent(progress) : 100}
            animated={!progress}
            striped={!progress}
            aria-label={`Uploading ${inSentence(label)}`}
          />
          <Group justify="space-between" gap="xs">
            <Text size="xs" c="gray.7" aria-live="polite">
              {progress ? `Uploading… ${percent(progress)}%` : 'Uploading…'}
            </Text>
            {onCancel && (
              <Button variant="subtle" size="xs" color="gray.8" onClick={onCancel} mih={44}>
                Cancel upload
              </Button>
            )}
          </Group>
        </Stack>
      )}
      {problem && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          role="alert"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setProblem(null)}
        >
          {problem}
        </Alert>
      )}
    </Stack>
  );
}
