// The dialog for a CAD act that needs a note: the customer's tweak request, or the major change
// they asked for. Empty notes are caught here with the database's own words; any refusal from
// the database is shown in the dialog and the note stays typed.
import { useState, type ReactNode } from 'react';
import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { toAppError } from '../../../lib/errors';

type Props = {
  title: string;
  label: string;
  /** Shown when the note is left empty. */
  requiredMessage: string;
  submitLabel: string;
  intro?: ReactNode;
  pending: boolean;
  error: unknown;
  color?: string;
  onSubmit: (note: string) => void;
  onClose: () => void;
};

export function CadNoteDialog(props: Props) {
  const [note, setNote] = useState('');
  const [empty, setEmpty] = useState(false);
  const refusal = props.error ? toAppError(props.error) : null;
  return (
    <Modal opened onClose={props.onClose} title={props.title} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (note.trim() === '') {
            setEmpty(true);
            return;
          }
          props.onSubmit(note.trim());
        }}
      >
        <Stack>
          {props.intro}
          <Textarea
            label={props.label}
            withAsterisk
            value={note}
            onChange={(e) => {
              setNote(e.currentTarget.value);
              setEmpty(false);
            }}
            error={empty ? props.requiredMessage : undefined}
            rows={3}
            data-autofocus
          />
          {refusal && (
            <Alert color="red" title="Not recorded" role="alert">
              {refusal.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose} h={44}>
              Cancel
            </Button>
            <Button type="submit" loading={props.pending} color={props.color} h={44}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
