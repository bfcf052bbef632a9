// Log the weights of one production step at the bench: metal issued, and what came back (the
// piece and the scrap/sprue recovered). Big targets for gloved hands on a tablet; inputs to the
// hundredth of a gram; the step's running totals from the database; its refusals shown here in
// its own words. Used by the order workspace's ledger panel and the floor's bench card.
import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { toAppError } from '../../../lib/errors';
import { metalLedgerQueries } from '../api/metal-ledger-queries';
import { useRecordMetalIssue } from '../api/metal-issue-record-mutation';
import { useRecordMetalReturn } from '../api/metal-return-record-mutation';
import {
  formatGrams,
  formatPercent,
  gramsProblem,
  stepLabels,
  type ProductionStepKind,
} from '../lib/grams';

export type LogWeightsFormProps = {
  orderId: string;
  step: ProductionStepKind;
  /** Called after a return is logged (the step's metal is back; the bench card can move on). */
  onDone?: () => void;
};

type Mode = 'issue' | 'return';
type Grams = number | string;

const bigTarget = { mih: 48 } as const;

export function LogWeightsForm({ orderId, step, onDone }: LogWeightsFormProps) {
  const steps = useQuery(metalLedgerQueries.orderSteps(orderId));
  const issue = useRecordMetalIssue();
  const giveBack = useRecordMetalReturn();
  const current = steps.data?.find((s) => s.step === step);
  const label = stepLabels[step];

  // Metal out → the next thing to log is what came back; otherwise an issue.
  const [chosen, setChosen] = useState<Mode | null>(null);
  const mode: Mode = chosen ?? (current?.status === 'open' ? 'return' : 'issue');
  const [issued, setIssued] = useState<Grams>('');
  const [returned, setReturned] = useState<Grams>('');
  const [recovered, setRecovered] = useState<Grams>('');
  const [touched, setTouched] = useState(false);

  const problems =
    mode === 'issue'
      ? { first: gramsProblem(issued), second: null }
      : {
          first: gramsProblem(returned, recovered !== '' && Number(recovered) > 0),
          second: recovered === '' ? null : gramsProblem(recovered, true),
        };
  const active = mode === 'issue' ? issue : giveBack;
  const refusal = active.error ? toAppError(active.error).message : null;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (problems.first || problems.second) return;
    if (mode === 'issue') {
      issue.mutate(
        { orderId, step, grams: Number(issued) },
        {
          onSuccess: () => {
            setIssued('');
            setTouched(false);
            setChosen('return');
          },
        },
      );
    } else {
      giveBack.mutate(
        {
          orderId,
          step,
          returnedGrams: Number(returned),
          recoveredGrams: recovered === '' ? 0 : Number(recovered),
        },
        {
          onSuccess: () => {
            setReturned('');
            setRecovered('');
            setTouched(false);
            setChosen(null);
            onDone?.();
          },
        },
      );
    }
  };

  if (steps.isPending) {
    return (
      <Skeleton
        h={220}
        radius="md"
        role="status"
        aria-label={`Loading the ${label.toLowerCase()} weights`}
      />
    );
  }
  if (steps.isError) {
    return (
      <Alert color="red" title="The weights did not load">
        {steps.error.message}{' '}
        <Button variant="subtle" size="compact-sm" onClick={() => void steps.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  }

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="form"
      onSubmit={submit}
      aria-label={`${label} weights`}
      noValidate
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" aria-label={`${label} so far`}>
          <Figure label="Issued" value={formatGrams(current?.issued_grams)} />
          <Figure label="Returned" value={formatGrams(current?.returned_grams)} />
          <Figure label="Recovered" value={formatGrams(current?.recovered_grams)} />
          {current?.status === 'closed' ? (
            <Figure
              label="Loss"
              value={`${formatGrams(current.loss_grams)} · ${formatPercent(current.loss_pct)}`}
              flagged={current.flagged ?? false}
            />
          ) : (
            <Figure label="Out at the bench" value={formatGrams(current?.on_floor_grams ?? 0)} />
          )}
        </SimpleGrid>
        {current?.flagged && (
          <Badge color="red" variant="light" size="lg">
            Loss above the {formatPercent(current.norm_pct)} norm
          </Badge>
        )}

        <SegmentedControl
          fullWidth
          size="lg"
          value={mode}
          onChange={(v) => {
            setChosen(v as Mode);
            setTouched(false);
            issue.reset();
            giveBack.reset();
          }}
          data={[
            { value: 'issue', label: 'Issue metal' },
            { value: 'return', label: 'Return metal' },
          ]}
          aria-label="What to log"
        />

        {mode === 'issue' ? (
          <GramsInput
            label={`Grams issued for ${label.toLowerCase()}`}
            value={issued}
            onChange={setIssued}
            error={touched ? problems.first : null}
          />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <GramsInput
              label="Piece returned (g)"
              value={returned}
              onChange={setReturned}
              error={touched ? problems.first : null}
            />
            <GramsInput
              label="Scrap and sprue recovered (g)"
              description="Leave empty if none"
              value={recovered}
              onChange={setRecovered}
              error={touched ? problems.second : null}
            />
          </SimpleGrid>
        )}

        {refusal && (
          <Alert color="red" role="alert" title="Not logged">
            {refusal}
          </Alert>
        )}

        <Group justify="flex-end">
          <Button type="submit" size="lg" {...bigTarget} loading={active.isPending}>
            {mode === 'issue' ? 'Log metal issued' : 'Log metal returned'}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Figure({ label, value, flagged }: { label: string; value: string; flagged?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} c={flagged ? 'red.8' : undefined}>
        {value}
      </Text>
    </div>
  );
}

function GramsInput({
  label,
  description,
  value,
  onChange,
  error,
}: {
  label: string;
  description?: string;
  value: Grams;
  onChange: (v: Grams) => void;
  error: string | null;
}) {
  return (
    <NumberInput
      label={label}
      description={description}
      value={value}
      onChange={onChange}
      error={error}
      size="lg"
      min={0}
      step={0.01}
      decimalScale={2}
      allowNegative={false}
      inputMode="decimal"
      rightSection={<Text size="sm">g</Text>}
      hideControls
    />
  );
}
