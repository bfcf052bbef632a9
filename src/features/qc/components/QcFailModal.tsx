// Failing a QC run sends the piece back to production as rework; the workshop must know why.
import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { toAppError } from '../../../lib/errors';
import { reworkReasonProblem } from '../lib/qc-run';

type QcFailModalProps = {
  opened: boolean;
  onClose: () => void;
  onConfirm: (reason: string) => void;
  pending: boolean;
  error: unknown;
  /** The failed items, suggested as the start of the reason. */
  failedLabels: string[];
};

export function QcFailModal({
  opened,
  onClose,
  onConfirm,
  pending,
  error,
  failedLabels,
}: QcFailModalProps) {
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const problem = reworkReasonProblem(reason);

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!problem) onConfirm(reason.trim());
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Fail QC and send back to production" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            The piece goes back to the workshop as rework. This run is kept with your reason; the
            next QC starts a fresh checklist.
          </Text>
          {failedLabels.length > 0 && (
            <Text size="sm" c="gray.7">
              Failed: {failedLabels.join(', ')}
            </Text>
          )}
          <Textarea
            label="Reason for rework"
            description="What should the workshop fix?"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={tried ? problem : undefined}
            withAsterisk
            autosize
            minRows={3}
            data-autofocus
          />
          {error ? (
            <Alert color="red" role="alert">
              {toAppError(error).message}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} mih={44}>
              Cancel
            </Button>
            <Button type="submit" color="red.9" loading={pending} mih={44}>
              Send back to production
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
