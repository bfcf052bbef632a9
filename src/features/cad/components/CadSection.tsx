// The CAD section of the order workspace: the rounds (first design and up to two tweaks) with
// their files and the customer's feedback, and the four acts — send to the customer, log a
// tweak request (disabled with the reason at 2/2), record a major change (re-quote), mark
// approved. Every act carries the order's version; the database decides and explains.
import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  Loader,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUpload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { Tables } from '../../../types/database';
import { toAppError } from '../../../lib/errors';
import { cadQueries } from '../api/cad-queries';
import { useSendCadMutation } from '../api/cad-send-mutation';
import { useRequestCadTweakMutation } from '../api/cad-tweak-request-mutation';
import { useApproveCadMutation } from '../api/cad-approve-mutation';
import { useRecordMajorChangeMutation } from '../api/cad-major-change-mutation';
import { useUploadCadFileMutation } from '../api/cad-file-upload-mutation';
import {
  TWEAK_ROUNDS_MAX,
  approveAvailability,
  groupCadRounds,
  majorChangeAvailability,
  sendAvailability,
  tweakAvailability,
} from '../lib/cad-rounds';
import { CadActionButton } from './CadActionButton';
import { CadNoteDialog } from './CadNoteDialog';
import { CadFilePreview } from './CadFilePreview';

export type CadSectionOrder = Pick<
  Tables<'orders'>,
  'id' | 'code' | 'version' | 'stage' | 'cad_state'
>;

type CadSectionProps = {
  order: CadSectionOrder;
  /** Called with the new orders row after each act, so the whole workspace moves on. */
  onOrderChange: (row: Tables<'orders'>) => void;
};

const cadStateText: Record<Tables<'orders'>['cad_state'] & string, string> = {
  drafting: 'The workshop is drafting the design.',
  with_customer: 'The design is with the customer.',
  tweak_requested: 'The customer asked for a tweak; the workshop is revising.',
  approved: 'The customer approved the design.',
};

export function CadSection({ order, onOrderChange }: CadSectionProps) {
  const rounds = useQuery(cadQueries.rounds(order.id));
  const send = useSendCadMutation(onOrderChange);
  const tweak = useRequestCadTweakMutation(onOrderChange);
  const approve = useApproveCadMutation(onOrderChange);
  const major = useRecordMajorChangeMutation(onOrderChange);
  const upload = useUploadCadFileMutation();
  const [dialog, setDialog] = useState<'tweak' | 'major' | null>(null);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);

  const used = rounds.data?.revisions.filter((r) => r.kind === 'tweak').length ?? 0;
  const majorChanges = rounds.data?.revisions.filter((r) => r.kind === 'major_change') ?? [];
  const vars = { orderId: order.id, expectedVersion: order.version };
  const done = (message: string) => notifications.show({ color: 'teal', message });
  // Until the rounds are known the tweak cap is unknown: better wait than offer a refused act.
  const tweakState = rounds.data
    ? tweakAvailability(order, used)
    : ({ enabled: false, reason: 'Loading the rounds…' } as const);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="cad-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="cad-title">
          CAD
        </Title>
        <Group gap="xs">
          <Badge variant="light" color={used >= TWEAK_ROUNDS_MAX ? 'red' : 'violet'} size="lg">
            Tweak rounds {used}/{TWEAK_ROUNDS_MAX}
          </Badge>
        </Group>
      </Group>
      {order.cad_state && (
        <Text size="sm" mb="sm">
          {cadStateText[order.cad_state]}
        </Text>
      )}

      {order.stage !== 'cad' && (
        <Text size="sm" c="dimmed" mb="sm">
          {order.cad_state === 'approved' || order.cad_state === null
            ? 'The design acts are available while the order is in CAD.'
            : 'The order is not in CAD, so its design cannot change now.'}
        </Text>
      )}
      {/* Outside CAD every act would be refused: one sentence above instead of four greyed buttons. */}
      {order.stage === 'cad' && (
        <Group align="flex-start" gap="sm" mb="md">
          <CadActionButton
            availability={sendAvailability(order)}
            loading={send.isPending}
            onClick={() =>
              send.mutate(vars, { onSuccess: () => done('Design sent to the customer.') })
            }
          >
            Send to customer
          </CadActionButton>
          <CadActionButton
            availability={tweakState}
            variant="light"
            onClick={() => {
              tweak.reset();
              setDialog('tweak');
            }}
          >
            Log tweak request
          </CadActionButton>
          <CadActionButton
            availability={approveAvailability(order)}
            color="teal"
            loading={approve.isPending}
            onClick={() =>
              approve.mutate(vars, {
                onSuccess: () => done('Design approved: ready for production.'),
              })
            }
          >
            Mark approved
          </CadActionButton>
          <CadActionButton
            availability={majorChangeAvailability(order)}
            variant="outline"
            color="red"
            onClick={() => {
              major.reset();
              setDialog('major');
            }}
          >
            Record major change
          </CadActionButton>
        </Group>
      )}

      {rounds.isPending && <Loader size="sm" aria-label="Loading the CAD rounds" />}
      {rounds.isError && (
        <Alert color="red" title="The CAD rounds did not load">
          {rounds.error.message}{' '}
          <Button variant="subtle" size="compact-sm" onClick={() => void rounds.refetch()}>
            Try again
          </Button>
        </Alert>
      )}
      {rounds.data && (
        <Stack gap="md">
          {groupCadRounds(rounds.data.revisions, rounds.data.files).map((round) => (
            <Stack key={round.round} gap="xs" aria-label={`Round ${round.round}`} role="group">
              <Title order={3} size="h5">
                {round.round === 0 ? 'Round 0 · first design' : `Round ${round.round} · tweak`}
              </Title>
              {round.revision?.kind === 'tweak' && (
                <Text size="sm">
                  Customer feedback: “{round.revision.note}”
                  <Text span c="dimmed" size="xs">
                    {' '}
                    — logged by {round.revision.requester?.display_name ?? 'staff'},{' '}
                    {new Date(round.revision.created_at).toLocaleString()}
                  </Text>
                </Text>
              )}
              {round.revision?.kind === 'initial' && (
                <Text size="xs" c="dimmed">
                  First sent {new Date(round.revision.created_at).toLocaleString()}
                </Text>
              )}
              {round.files.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No files in this round yet.
                </Text>
              ) : (
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                  {round.files.map((f) => (
                    <CadFilePreview key={f.id} file={f} />
                  ))}
                </SimpleGrid>
              )}
            </Stack>
          ))}
          {majorChanges.map((m) => (
            <Alert key={m.id} color="orange" title="Major change recorded">
              “{m.note}” — {m.requester?.display_name ?? 'staff'},{' '}
              {new Date(m.created_at).toLocaleString()}
            </Alert>
          ))}
        </Stack>
      )}

      {order.stage === 'cad' && (
        <Stack mt="md" gap="xs" maw={420}>
          <FileButton
            onChange={(file) => {
              if (!file) return;
              setProgress(null);
              upload.mutate(
                {
                  orderId: order.id,
                  file,
                  onProgress: (sent, total) => setProgress({ sent, total }),
                },
                { onSuccess: () => done(`${file.name} added to the design.`) },
              );
            }}
            accept="image/png,image/jpeg,image/webp,application/pdf,.stl,.obj,.3mf"
          >
            {(props) => (
              <Button
                {...props}
                variant="default"
                leftSection={<IconUpload size={16} />}
                loading={upload.isPending}
                h={44}
                w="fit-content"
              >
                Add CAD file
              </Button>
            )}
          </FileButton>
          {upload.isPending && progress && (
            <Progress
              value={progress.total ? (progress.sent / progress.total) * 100 : 0}
              aria-label="Uploading the CAD file"
            />
          )}
          {upload.isError && (
            <Text size="sm" c="red" role="alert">
              {toAppError(upload.error).message}
            </Text>
          )}
        </Stack>
      )}

      {dialog === 'tweak' && (
        <CadNoteDialog
          title={`Log tweak request · round ${used + 1} of ${TWEAK_ROUNDS_MAX}`}
          label="What does the customer want changed?"
          requiredMessage="Say what the customer wants changed."
          submitLabel="Log tweak request"
          intro={
            <Text size="sm">
              Minor tweaks only. After round {TWEAK_ROUNDS_MAX}, any further change is a major
              change and is re-quoted.
            </Text>
          }
          pending={tweak.isPending}
          error={tweak.error}
          onClose={() => setDialog(null)}
          onSubmit={(note) =>
            tweak.mutate(
              { ...vars, note },
              {
                onSuccess: () => {
                  setDialog(null);
                  done(`Tweak round ${used + 1}/${TWEAK_ROUNDS_MAX} logged.`);
                },
              },
            )
          }
        />
      )}
      {dialog === 'major' && (
        <CadNoteDialog
          title="Record a major change"
          label="What change did the customer ask for?"
          requiredMessage="Describe the major change the customer asked for."
          submitLabel="Record major change and re-quote"
          color="red"
          intro={
            <Alert color="orange">
              A major change sends {order.code} back to awaiting payment: the stylist re-quotes the
              new scope and time with the customer, and CAD resumes once the new quote is paid. The
              tweak rounds already used stay used.
            </Alert>
          }
          pending={major.isPending}
          error={major.error}
          onClose={() => setDialog(null)}
          onSubmit={(note) =>
            major.mutate(
              { ...vars, note },
              {
                onSuccess: () => {
                  setDialog(null);
                  done(`${order.code} is back in awaiting payment for a new quote.`);
                },
              },
            )
          }
        />
      )}
    </Paper>
  );
}
