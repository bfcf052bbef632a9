// Settings → metal ledger (managers): which production steps need weights before they can be
// ticked done, how far a return may exceed the metal issued (scale tolerance), and the loss
// norm per metal and step above which a step is flagged. Each value saves when the field is
// left; a refusal puts the old value back and says why.
import { useState } from 'react';
import {
  Alert,
  Button,
  NumberInput,
  Paper,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { metalLabels } from '../../../lib/order-vocabulary';
import { metalLedgerQueries } from '../api/metal-ledger-queries';
import { useUpdateLossNorm } from '../api/loss-norm-update-mutation';
import { useUpdateStepSetting } from '../api/step-setting-update-mutation';
import type { LossNorm } from '../api/loss-norms-query';
import { stepLabels, stepOrder, type Metal } from '../lib/grams';

export function MetalLedgerSettings() {
  return (
    <Stack gap="md">
      <StepSettingsCard />
      <NormsCard />
    </Stack>
  );
}

function StepSettingsCard() {
  const settings = useQuery(metalLedgerQueries.stepSettings());
  const update = useUpdateStepSetting();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="step-weights-title">
      <Title order={2} size="h4" id="step-weights-title">
        Steps that need weights
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        A step that needs weights cannot be ticked done until its metal was issued and weighed back.
        The tolerance is how much more may come back than went out (scales disagree by a few
        hundredths).
      </Text>
      {settings.isPending && (
        <Skeleton h={160} role="status" aria-label="Loading the step settings" />
      )}
      {settings.isError && (
        <Alert color="red" title="The step settings did not load">
          {settings.error.message}{' '}
          <Button variant="subtle" size="compact-sm" onClick={() => void settings.refetch()}>
            Try again
          </Button>
        </Alert>
      )}
      {settings.data && (
        <Table aria-label="Weighing per production step">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Step</Table.Th>
              <Table.Th>Needs weights before done</Table.Th>
              <Table.Th>Return tolerance (g)</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {settings.data.map((s) => (
              <Table.Tr key={s.step}>
                <Table.Th scope="row" fw={400}>
                  {stepLabels[s.step]}
                </Table.Th>
                <Table.Td>
                  <Switch
                    size="lg"
                    checked={s.needs_weights}
                    aria-label={`${stepLabels[s.step]} needs weights before done`}
                    onChange={(e) =>
                      update.mutate({
                        step: s.step,
                        changes: { needs_weights: e.currentTarget.checked },
                      })
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <SavedNumber
                    label={`${stepLabels[s.step]} return tolerance in grams`}
                    value={s.return_tolerance_grams}
                    min={0}
                    max={5}
                    onSave={(v) =>
                      update.mutate({ step: s.step, changes: { return_tolerance_grams: v } })
                    }
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function NormsCard() {
  const norms = useQuery(metalLedgerQueries.norms());
  const update = useUpdateLossNorm();
  const metals = Object.keys(metalLabels) as Metal[];
  const cell = (rows: LossNorm[], metal: Metal, step: string) =>
    rows.find((r) => r.metal === metal && r.step === step);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="loss-norms-title">
      <Title order={2} size="h4" id="loss-norms-title">
        Loss norms (% of metal issued)
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        A step that loses more than this share of the metal issued (after the scrap and sprue
        recovered) is flagged. Defaults: casting 9 % for gold (a typical 91–95 % yield), 5 % for
        platinum; forming 3 %; polishing 1 %; hand-setting 0.5 %; reinforcement 1 %.
      </Text>
      {norms.isPending && <Skeleton h={260} role="status" aria-label="Loading the loss norms" />}
      {norms.isError && (
        <Alert color="red" title="The loss norms did not load">
          {norms.error.message}{' '}
          <Button variant="subtle" size="compact-sm" onClick={() => void norms.refetch()}>
            Try again
          </Button>
        </Alert>
      )}
      {norms.data && (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label="Loss norms per metal and step">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Metal</Table.Th>
                {stepOrder.map((step) => (
                  <Table.Th key={step}>{stepLabels[step]}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {metals.map((metal) => (
                <Table.Tr key={metal}>
                  <Table.Th scope="row" fw={400}>
                    {metalLabels[metal]}
                  </Table.Th>
                  {stepOrder.map((step) => {
                    const norm = cell(norms.data, metal, step);
                    return (
                      <Table.Td key={step}>
                        {norm && (
                          <SavedNumber
                            label={`${metalLabels[metal]} ${stepLabels[step].toLowerCase()} loss norm in percent`}
                            value={norm.max_loss_pct}
                            min={0}
                            max={100}
                            onSave={(v) => update.mutate({ id: norm.id, maxLossPct: v })}
                          />
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/** A number that saves when the field is left (or Enter), only if it changed and is valid. */
function SavedNumber({
  label,
  value,
  min,
  max,
  onSave,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  onSave: (v: number) => void;
}) {
  const [draft, setDraft] = useState<number | string | null>(null);
  const shown = draft ?? value;
  const n = Number(shown);
  const invalid = shown === '' || !Number.isFinite(n) || n < min || n > max;
  const commit = () => {
    if (draft === null) return;
    if (!invalid && n !== value) onSave(Math.round(n * 100) / 100);
    setDraft(null);
  };
  return (
    <NumberInput
      aria-label={label}
      value={shown}
      onChange={setDraft}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
      min={min}
      max={max}
      decimalScale={2}
      step={0.1}
      allowNegative={false}
      hideControls
      w={96}
      size="md"
      error={invalid ? `${min}–${max}` : undefined}
    />
  );
}
