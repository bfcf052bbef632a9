// The selected request and everything a stylist does with it: read the specs and references,
// assign it, choose the path with a reason, set risk flags, confirm the specs (stopping the
// 2 hour clock), decline with a reason, and turn a confirmed request into a quoted order.
import { useState, type ReactNode } from 'react';
import {
  Alert,
  Badge,
  Button,
  Chip,
  Divider,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconCheck, IconSparkles, IconUserCheck, IconX } from '@tabler/icons-react';
import dayjs from 'dayjs';
import type { Enums, Tables } from '../../../types/database';
import type { IntakeRow } from '../api/intake-queue-query';
import type { Stylist } from '../api/stylists-query';
import { useSetIntakePathMutation } from '../api/intake-path-mutation';
import { useSetIntakeRiskFlagsMutation } from '../api/intake-risk-flags-mutation';
import { useDeclineIntakeMutation } from '../api/intake-decline-mutation';
import { useConvertIntakeMutation } from '../api/intake-convert-mutation';
import {
  baseLabels,
  formatMoney,
  pathLabels,
  riskLabels,
  riskOrder,
  statusLabels,
} from '../lib/labels';
import { formatDeadline } from '../lib/countdown';
import { reasonError, validateQuote, type QuoteErrors } from '../lib/triage-forms';
import { CountdownBadge } from './CountdownBadge';
import { ReferenceThumbnails } from './ReferenceThumbnails';
import { metalLabels } from '../../../lib/order-vocabulary';

export type IntakeDetailProps = {
  row: IntakeRow;
  now: number;
  currentUserId: string;
  stylists: Stylist[];
  imageUrls: Record<string, string> | undefined;
  onAssign: (stylistId: string | null) => void;
  assigning: boolean;
  onConfirm: () => void;
  confirming: boolean;
  declineOpen: boolean;
  onDeclineOpenChange: (open: boolean) => void;
  onConverted?: (order: Tables<'orders'>) => void;
};

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="gray.7" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

export function IntakeDetail(props: IntakeDetailProps) {
  const { row, now, stylists, imageUrls } = props;
  const open = row.status === 'new' || row.status === 'in_review';
  const names = Object.fromEntries(stylists.map((s) => [s.id, s.display_name]));
  const assignee = row.assigned_stylist_id
    ? (names[row.assigned_stylist_id] ?? 'a colleague')
    : null;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="intake-detail-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={2} size="h3" id="intake-detail-title">
              {row.customer?.display_name ?? 'Unknown customer'}
            </Title>
            <Group gap={6}>
              <Badge variant="outline" color={row.status === 'confirmed' ? 'teal.9' : 'gray.7'}>
                {statusLabels[row.status]}
              </Badge>
              {row.source === 'customizer_look' ? (
                <Badge
                  variant="outline"
                  color="champagne.9"
                  leftSection={<IconSparkles size={12} />}
                >
                  From a saved customizer look
                </Badge>
              ) : (
                <Badge variant="outline" color="gray.7">
                  Concierge form
                </Badge>
              )}
            </Group>
          </Stack>
          <Stack gap={4} align="flex-end">
            {open ? (
              <>
                <CountdownBadge receivedAt={row.received_at} now={now} />
                <Text size="xs" c="gray.7">
                  Received {dayjs(row.received_at).format('D MMM, h:mm A')} · confirm by{' '}
                  {formatDeadline(row.received_at)}
                </Text>
              </>
            ) : row.confirmed_at ? (
              <Text size="sm" c="gray.7">
                Confirmed {dayjs(row.confirmed_at).format('D MMM, h:mm A')}
              </Text>
            ) : null}
          </Stack>
        </Group>

        <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm">
          <Fact label="Starting base">{baseLabels[row.base]}</Fact>
          <Fact label="Metal">{metalLabels[row.metal]}</Fact>
          <Fact label="Ring size">{row.ring_size ?? '—'}</Fact>
          <Fact label="Budget">{formatMoney(row.budget_amount, row.budget_currency)}</Fact>
          <Fact label="Gift date">
            {row.needed_by
              ? `${dayjs(row.needed_by).format('D MMM YYYY')}${row.is_gift ? ' (gift)' : ''}`
              : row.is_gift
                ? 'Gift, no date'
                : '—'}
          </Fact>
          <Fact label="Stones">{row.stone_preferences ?? '—'}</Fact>
        </SimpleGrid>
        {row.notes && <Fact label="Notes">{row.notes}</Fact>}
        {row.attachments.length > 0 && (
          <div>
            <Text size="xs" c="gray.7" tt="uppercase" fw={600} mb={4}>
              Reference images
            </Text>
            <ReferenceThumbnails attachments={row.attachments} urls={imageUrls} size={96} />
          </div>
        )}

        <Divider />
        <AssignSection {...props} assignee={assignee} />
        <PathSection row={row} />
        <RiskFlagsSection row={row} />
        <Divider />

        {open && (
          <Group>
            <Button
              leftSection={<IconCheck size={16} />}
              onClick={props.onConfirm}
              loading={props.confirming}
              mih={44}
            >
              Confirm specs
            </Button>
            <Button
              variant="default"
              color="red"
              leftSection={<IconX size={16} />}
              onClick={() => props.onDeclineOpenChange(true)}
              mih={44}
            >
              Decline…
            </Button>
          </Group>
        )}
        {row.status === 'confirmed' && (
          <>
            <QuoteForm row={row} onConverted={props.onConverted} />
            <Group>
              <Button
                variant="subtle"
                color="red"
                onClick={() => props.onDeclineOpenChange(true)}
                mih={44}
              >
                Customer withdrew — decline…
              </Button>
            </Group>
          </>
        )}
      </Stack>
      <DeclineModal
        row={row}
        opened={props.declineOpen}
        onClose={() => props.onDeclineOpenChange(false)}
      />
    </Paper>
  );
}

function AssignSection({
  row,
  currentUserId,
  stylists,
  onAssign,
  assigning,
  assignee,
}: IntakeDetailProps & { assignee: string | null }) {
  const mine = row.assigned_stylist_id === currentUserId;
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap">
      <Fact label="Assigned to">{mine ? 'You' : (assignee ?? 'Nobody yet')}</Fact>
      <Group gap="xs" align="flex-end">
        <Button
          variant="light"
          leftSection={<IconUserCheck size={16} />}
          onClick={() => onAssign(currentUserId)}
          disabled={mine}
          loading={assigning}
          mih={44}
        >
          Assign to me
        </Button>
        <Select
          aria-label="Assign to a stylist"
          placeholder="Assign to…"
          data={stylists.map((s) => ({ value: s.id, label: s.display_name }))}
          value={row.assigned_stylist_id}
          onChange={(value) => value && value !== row.assigned_stylist_id && onAssign(value)}
          allowDeselect={false}
          size="md"
          w={200}
        />
      </Group>
    </Group>
  );
}

function PathSection({ row }: { row: IntakeRow }) {
  const [path, setPath] = useState<Enums<'intake_path'> | null>(row.path);
  const [reason, setReason] = useState(row.path_reason ?? '');
  const [error, setError] = useState<string | null>(null);
  const mutation = useSetIntakePathMutation();
  const changed = path !== row.path || reason.trim() !== (row.path_reason ?? '');
  const closed = row.status === 'converted' || row.status === 'declined';

  const save = () => {
    if (!path) return setError('Choose self-serve or concierge-assisted.');
    const problem = reasonError(reason, `this request goes ${pathLabels[path].toLowerCase()}`);
    setError(problem);
    if (problem) return;
    mutation.mutate({ id: row.id, version: row.version, path, reason });
  };

  return (
    <Stack gap="xs">
      <Text size="xs" c="gray.7" tt="uppercase" fw={600} id="path-label">
        Design path
      </Text>
      <SegmentedControl
        aria-labelledby="path-label"
        data={[
          { value: 'self_serve', label: pathLabels.self_serve },
          { value: 'concierge_assisted', label: pathLabels.concierge_assisted },
        ]}
        value={path ?? ''}
        onChange={(value) => setPath(value as Enums<'intake_path'>)}
        disabled={closed}
        size="md"
      />
      <Textarea
        label="Why this path"
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={error}
        rows={2}
        maxLength={500}
        disabled={closed}
      />
      <Group>
        <Button
          variant="light"
          onClick={save}
          disabled={!changed || closed}
          loading={mutation.isPending}
          mih={44}
        >
          Save path
        </Button>
      </Group>
    </Stack>
  );
}

function RiskFlagsSection({ row }: { row: IntakeRow }) {
  const [flags, setFlags] = useState<string[]>(row.risk_flags);
  const mutation = useSetIntakeRiskFlagsMutation();
  const changed = [...flags].sort().join() !== [...row.risk_flags].sort().join();
  return (
    <Stack gap="xs">
      <Text size="xs" c="gray.7" tt="uppercase" fw={600} id="risk-label">
        Risk flags
      </Text>
      <Chip.Group multiple value={flags} onChange={setFlags}>
        <Group gap="xs" role="group" aria-labelledby="risk-label">
          {riskOrder.map((f) => (
            <Chip key={f} value={f} color="red" variant="outline" size="md">
              {riskLabels[f]}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Group>
        <Button
          variant="light"
          disabled={!changed}
          loading={mutation.isPending}
          mih={44}
          onClick={() =>
            mutation.mutate(
              { id: row.id, version: row.version, flags: flags as Enums<'intake_risk'>[] },
              {
                onSuccess: (saved) => {
                  // Flags the data implies (an unusual size, a tight gift date) stay on.
                  setFlags(saved.risk_flags);
                },
                onError: () => setFlags(row.risk_flags),
              },
            )
          }
        >
          Save flags
        </Button>
      </Group>
    </Stack>
  );
}

function QuoteForm({
  row,
  onConverted,
}: {
  row: IntakeRow;
  onConverted?: (order: Tables<'orders'>) => void;
}) {
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState(row.budget_currency);
  const [productName, setProductName] = useState('');
  const [errors, setErrors] = useState<QuoteErrors>({});
  const mutation = useConvertIntakeMutation(onConverted);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const { quote, errors } = validateQuote({ amount, currency, productName });
    setErrors(errors);
    if (!quote) return;
    mutation.mutate({ id: row.id, version: row.version, ...quote });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="quote-title">
      <Stack gap="xs">
        <Title order={3} size="h5" id="quote-title">
          Convert to an order with a quote
        </Title>
        {!row.path && (
          <Alert color="orange" variant="light">
            Choose the design path first: the quote goes out with it.
          </Alert>
        )}
        <Group align="flex-start" grow>
          <TextInput
            label="Quote amount"
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={errors.amount}
            required
            size="md"
          />
          <TextInput
            label="Currency"
            value={currency}
            onChange={(e) => setCurrency(e.currentTarget.value)}
            error={errors.currency}
            maxLength={3}
            required
            size="md"
          />
        </Group>
        <TextInput
          label="Product name (optional)"
          placeholder={baseLabels[row.base]}
          value={productName}
          onChange={(e) => setProductName(e.currentTarget.value)}
          error={errors.productName}
          size="md"
        />
        <Group>
          <Button type="submit" loading={mutation.isPending} mih={44}>
            Convert to order
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeclineModal({
  row,
  opened,
  onClose,
}: {
  row: IntakeRow;
  opened: boolean;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mutation = useDeclineIntakeMutation();
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const problem = reasonError(reason, 'the request is declined');
    setError(problem);
    if (problem) return;
    mutation.mutate(
      { id: row.id, version: row.version, reason },
      {
        onSuccess: () => {
          setReason('');
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Decline this request" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Textarea
            label="Why is it declined?"
            description="Kept with the request; the customer's stylist reads it."
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={error}
            rows={3}
            maxLength={500}
            data-autofocus
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} mih={44}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={mutation.isPending} mih={44}>
              Decline request
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
