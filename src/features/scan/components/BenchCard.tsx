// The bench card: what a jeweler needs at the bench after scanning a ticket — the order, its
// stage and production step, the clock against the SLA — and the one or two next actions their
// role may take, as big buttons (≥ 48 px, usable with gloves). The database decides every act;
// a refusal comes back as its sentence in a notification and the card stays as it was.
import { useState, type ReactNode } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { SlaBadge } from '../../../components/SlaBadge';
import { paths } from '../../../config/paths';
import { metalLabels, stageLabels } from '../../../lib/order-vocabulary';
import { toAppError } from '../../../lib/errors';
import { scanQueries } from '../api/scan-queries';
import { useBenchStepDoneMutation } from '../api/bench-step-done-mutation';
import { useBenchMoveMutation } from '../api/bench-move-mutation';
import {
  benchActions,
  benchStepLabels,
  currentStep,
  noActionReason,
  type BenchAction,
  type StaffRole,
  type StepKind,
} from '../lib/bench-actions';

export type LogWeightsSlotProps = {
  orderId: string;
  code: string;
  step: StepKind;
  /** The weights are in: the card then records the step done. */
  onLogged: () => void;
  onCancel: () => void;
};

type BenchCardProps = {
  code: string;
  role: StaffRole;
  /** The metal ledger's weights form, composed at route level; without it every step is one tap. */
  renderLogWeights?: (props: LogWeightsSlotProps) => ReactNode;
};

const productWords: Record<string, string> = {
  bespoke_ring: 'Bespoke ring',
  stacking_rings: 'Stacking rings',
  layering_trio: 'Layering necklace trio',
  earscape: 'Earscape',
};

export function BenchCard({ code, role, renderLogWeights }: BenchCardProps) {
  const order = useQuery(scanQueries.benchOrder(code));
  const stepDone = useBenchStepDoneMutation();
  const move = useBenchMoveMutation();
  const [weighing, setWeighing] = useState<Extract<BenchAction, { kind: 'step_done' }> | null>(
    null,
  );

  if (order.isPending) {
    return (
      <Stack aria-busy aria-label={`Loading order ${code}`}>
        <Skeleton h={48} radius="md" />
        <Skeleton h={160} radius="md" />
      </Stack>
    );
  }
  if (order.isError) {
    const err = toAppError(order.error);
    return (
      <Alert
        color={err.code === 'PT404' ? 'yellow' : 'red'}
        title={err.code === 'PT404' ? `No order ${code}` : `Order ${code} did not load`}
      >
        {err.message}{' '}
        {err.code !== 'PT404' && (
          <Button variant="subtle" size="compact-sm" onClick={() => void order.refetch()}>
            Try again
          </Button>
        )}
      </Alert>
    );
  }

  const o = order.data;
  const actions = benchActions(role, o, o.steps, { canLogWeights: !!renderLogWeights });
  const step = o.stage === 'production' ? currentStep(o.steps) : null;
  const applicable = o.steps.filter((s) => s.applicable);
  const done = applicable.filter((s) => s.done_at).length;
  const busy = stepDone.isPending || move.isPending;

  const act = (action: BenchAction) => {
    if (action.kind === 'step_done') {
      if (action.needsWeights) setWeighing(action);
      else stepDone.mutate({ code: o.code, stepId: action.stepId, step: action.step });
    } else if (action.kind === 'move') {
      move.mutate({ order: o, toStage: action.toStage });
    }
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="bench-card-title">
      <Stack gap="md">
        <div>
          <Title order={2} id="bench-card-title" fz={40} lh={1.1}>
            {o.code}
          </Title>
          <Text fz="xl" fw={500}>
            {productWords[o.product] ?? o.product} — {o.product_name}
          </Text>
          <Text fz="lg" c="dimmed">
            {metalLabels[o.metal]}
          </Text>
        </div>
        <Group gap="sm">
          <Badge size="xl" variant="light" color="loupe">
            {stageLabels[o.stage]}
          </Badge>
          <SlaBadge
            status={o.clock?.sla_status}
            elapsed={o.clock?.time_in_stage}
            unit={o.clock?.sla_unit}
            size="xl"
          />
          {o.clock?.promised_date && (
            <Text c="dimmed">
              Promised{' '}
              {new Date(`${o.clock.promised_date}T12:00:00Z`).toLocaleDateString(undefined, {
                timeZone: 'UTC',
              })}
            </Text>
          )}
        </Group>
        {o.stage === 'production' && (
          <Text fz="lg" aria-live="polite">
            {step ? (
              <>
                Now: <strong>{benchStepLabels[step.step]}</strong> · {done}/{applicable.length}{' '}
                steps done
              </>
            ) : (
              <>All {applicable.length} steps done</>
            )}
          </Text>
        )}
        {actions.length > 0 ? (
          <Stack gap="sm" role="group" aria-label="Next actions">
            {actions.map((action) =>
              action.kind === 'open_qc' ? (
                <Button
                  key={action.label}
                  component={Link}
                  to={paths.order(o.code)}
                  size="xl"
                  h={64}
                  fullWidth
                >
                  {action.label}
                </Button>
              ) : (
                <Button
                  key={action.label}
                  size="xl"
                  h={64}
                  fullWidth
                  loading={busy}
                  onClick={() => act(action)}
                >
                  {action.label}
                </Button>
              ),
            )}
          </Stack>
        ) : (
          <Text fz="lg">{noActionReason(role, o)}</Text>
        )}
        <Button
          component={Link}
          to={paths.order(o.code)}
          variant="subtle"
          size="md"
          mih={48}
          rightSection={<IconExternalLink size={18} aria-hidden />}
        >
          Open the order
        </Button>
      </Stack>
      <Modal
        opened={weighing !== null}
        onClose={() => setWeighing(null)}
        title={weighing ? `${benchStepLabels[weighing.step]} weights · ${o.code}` : o.code}
        size="lg"
      >
        {weighing &&
          renderLogWeights?.({
            orderId: o.id,
            code: o.code,
            step: weighing.step,
            onLogged: () => {
              setWeighing(null);
              stepDone.mutate({ code: o.code, stepId: weighing.stepId, step: weighing.step });
            },
            onCancel: () => setWeighing(null),
          })}
      </Modal>
    </Paper>
  );
}
