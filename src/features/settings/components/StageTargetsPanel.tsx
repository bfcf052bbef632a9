// SLA targets and WIP limits, one row per stage: when the clock turns amber and red (in hours,
// days or business days, or no clock), and how many orders the stage may hold at once.
import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  NumberInput,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { toAppError } from '../../../lib/errors';
import { settingsQueries } from '../api/settings-queries';
import type { StageTarget } from '../api/stage-targets-query';
import { useUpdateStageTarget } from '../api/stage-target-update-mutation';
import { validateStageTarget, type SlaUnit, type StageTargetDraft } from '../lib/validation';
import { stageLabels } from '../../../lib/order-vocabulary';

const unitOptions = [
  { value: 'none', label: 'No clock' },
  { value: 'hours', label: 'Hours' },
  { value: 'days', label: 'Days' },
  { value: 'business_days', label: 'Business days' },
];

export function StageTargetsPanel() {
  const targets = useQuery(settingsQueries.stageTargets());
  if (targets.isPending) return <Skeleton h={360} />;
  if (targets.isError)
    return (
      <Alert
        color="red"
        icon={<IconAlertTriangle aria-hidden />}
        title="Targets could not be loaded"
      >
        {toAppError(targets.error).message}
      </Alert>
    );
  return (
    <Stack gap="sm">
      <Text c="dimmed" size="sm">
        Green until the amber threshold, amber until red, red beyond. Business days skip weekends
        and holidays. A WIP limit caps how many orders a stage holds; leave it empty for no limit.
      </Text>
      <Table.ScrollContainer minWidth={820}>
        <Table verticalSpacing="sm" aria-label="SLA targets and WIP limits">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Stage</Table.Th>
              <Table.Th>Clock</Table.Th>
              <Table.Th>Amber after</Table.Th>
              <Table.Th>Red after</Table.Th>
              <Table.Th>WIP limit</Table.Th>
              <Table.Th>
                <VisuallyHidden>Save</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {targets.data.map((t) => (
              // Keyed by the saved values: a saved or refetched row starts a fresh draft.
              <StageTargetRow
                key={`${t.stage}:${t.sla_unit}:${t.sla_amber_after}:${t.sla_red_after}:${t.wip_limit}`}
                target={t}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function draftOf(t: StageTarget): StageTargetDraft {
  return {
    unit: t.sla_unit,
    amberAfter: t.sla_amber_after,
    redAfter: t.sla_red_after,
    wipLimit: t.wip_limit,
  };
}

function StageTargetRow({ target }: { target: StageTarget }) {
  const [draft, setDraft] = useState<StageTargetDraft>(() => draftOf(target));
  const [touched, setTouched] = useState(false);
  const update = useUpdateStageTarget();
  const label = stageLabels[target.stage];
  const { errors, values } = validateStageTarget(draft);
  const saved = draftOf(target);
  const dirty =
    draft.unit !== saved.unit ||
    [draft.amberAfter, draft.redAfter, draft.wipLimit].map(String).join() !==
      [saved.amberAfter, saved.redAfter, saved.wipLimit].map(String).join();
  const set = (change: Partial<StageTargetDraft>) => {
    setTouched(true);
    setDraft((d) => ({ ...d, ...change }));
  };
  const show = (e: string | undefined) => (touched ? e : undefined);
  const number = (v: string | number) => (v === '' ? null : v);

  return (
    <Table.Tr>
      <Table.Td fw={600}>{label}</Table.Td>
      <Table.Td>
        <Select
          aria-label={`${label} clock`}
          data={unitOptions}
          value={draft.unit ?? 'none'}
          onChange={(v) => set({ unit: v === 'none' || !v ? null : (v as SlaUnit) })}
          allowDeselect={false}
          size="md"
          w={170}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={`${label} amber after`}
          value={draft.amberAfter ?? ''}
          onChange={(v) => set({ amberAfter: number(v) })}
          disabled={!draft.unit}
          min={0}
          decimalScale={2}
          error={show(errors.amberAfter)}
          size="md"
          w={130}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={`${label} red after`}
          value={draft.redAfter ?? ''}
          onChange={(v) => set({ redAfter: number(v) })}
          disabled={!draft.unit}
          min={0}
          decimalScale={2}
          error={show(errors.redAfter)}
          size="md"
          w={130}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={`${label} WIP limit`}
          placeholder="No limit"
          value={draft.wipLimit ?? ''}
          onChange={(v) => set({ wipLimit: number(v) })}
          min={1}
          allowDecimal={false}
          error={show(errors.wipLimit)}
          size="md"
          w={120}
        />
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="md"
            disabled={!dirty || !values}
            loading={update.isPending}
            onClick={() => values && update.mutate({ stage: target.stage, values })}
            aria-label={`Save ${label}`}
          >
            Save
          </Button>
          {dirty && (
            <Button
              size="md"
              variant="subtle"
              onClick={() => {
                setDraft(saved);
                setTouched(false);
              }}
              aria-label={`Undo changes to ${label}`}
            >
              Undo
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
