// Asks for the reason a move needs before it is sent: on hold, cancel, QC rework (the database
// refuses these without one), and a manager's WIP-limit override.
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Text, Textarea } from '@mantine/core';

export type ReasonRequest = {
  title: string;
  description: string;
  label: string;
  confirmLabel: string;
  danger?: boolean;
};

type ReasonModalProps = {
  request: ReasonRequest | null;
  onSubmit: (reason: string) => void;
  onClose: () => void;
};

export function ReasonModal({ request, onSubmit, onClose }: ReasonModalProps) {
  return (
    // Focus is not returned to the menu that opened the modal: that card has moved (and focus
    // follows it), or the board puts it back on the card itself when the move is called off.
    <Modal
      opened={request !== null}
      onClose={onClose}
      title={request?.title}
      centered
      returnFocus={false}
    >
      {/* Keyed on the request so each question starts with an empty answer. */}
      {request && (
        <ReasonForm key={request.title} request={request} onSubmit={onSubmit} onClose={onClose} />
      )}
    </Modal>
  );
}

function ReasonForm({
  request,
  onSubmit,
  onClose,
}: {
  request: ReasonRequest;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    if (!trimmed) {
      setError('Write the reason; it goes into the order history.');
      return;
    }
    onSubmit(trimmed);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Text size="sm" mb="sm">
        {request.description}
      </Text>
      <Textarea
        label={request.label}
        value={reason}
        onChange={(event) => {
          setReason(event.currentTarget.value);
          if (error) setError(null);
        }}
        error={error}
        required
        autosize
        minRows={3}
        maxLength={500}
        data-autofocus
      />
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          Keep it where it is
        </Button>
        <Button type="submit" color={request.danger ? 'red' : undefined}>
          {request.confirmLabel}
        </Button>
      </Group>
    </form>
  );
}
