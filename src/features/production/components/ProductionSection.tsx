// Production: the five steps as a checklist with who did each and when; hand-setting shows as
// not applicable on a piece without stones. Steps can be ticked while the order is in production.
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Tables } from '../../../types/database';
import { productionQueries } from '../api/production-queries';
import { useRecordProductionStepMutation } from '../api/production-step-record-mutation';
import { stepLabels, stepProgress } from '../lib/steps';

type ProductionSectionProps = {
  order: Pick<Tables<'orders'>, 'id' | 'stage' | 'has_stones'>;
  /** After a tick, e.g. to refresh the order's figures. */
  onStepRecorded?: () => void;
};

export function ProductionSection({ order, onStepRecorded }: ProductionSectionProps) {
  const steps = useQuery(productionQueries.steps(order.id));
  const record = useRecordProductionStepMutation(order.id, onStepRecorded);
  const inProduction = order.stage === 'production';
  const progress = steps.data ? stepProgress(steps.data) : null;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="production-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="production-title">
          Production
        </Title>
        {progress && (
          <Badge
            variant="light"
            color={progress.done === progress.total ? 'teal' : 'orange'}
            size="lg"
          >
            {progress.done}/{progress.total} done
          </Badge>
        )}
      </Group>
      {!inProduction && (
        <Text size="sm" c="dimmed" mb="sm">
          Steps are recorded while the order is in production.
        </Text>
      )}
      {steps.isPending && <Loader size="sm" aria-label="Loading the production steps" />}
      {steps.isError && (
        <Alert color="red" title="The production steps did not load">
          {steps.error.message}{' '}
          <Button variant="subtle" size="compact-sm" onClick={() => void steps.refetch()}>
            Try again
          </Button>
        </Alert>
      )}
      {steps.data && (
        <Stack gap="xs" role="group" aria-label="Production steps">
          {steps.data.map((s) => (
            <Group key={s.id} justify="space-between" mih={44} wrap="nowrap">
              <Checkbox
                size="md"
                label={stepLabels[s.step]}
                checked={s.done_at !== null}
                disabled={!s.applicable || !inProduction}
                onChange={(e) =>
                  record.mutate({ orderId: order.id, stepId: s.id, done: e.currentTarget.checked })
                }
              />
              <Text size="sm" c="dimmed" ta="right">
                {!s.applicable
                  ? 'Not applicable: no stones'
                  : s.done_at
                    ? `${s.doer?.display_name ?? 'Recorded'} · ${new Date(s.done_at).toLocaleString()}`
                    : 'Not done'}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      {!order.has_stones && steps.data && (
        <Text size="xs" c="dimmed" mt="xs">
          This piece has no stones, so hand-setting is skipped.
        </Text>
      )}
    </Paper>
  );
}
