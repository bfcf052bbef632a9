// Earlier QC runs, collapsed: attempt, outcome, when, the rework reason, and each item's result.
import { Accordion, Badge, Group, List, Text } from '@mantine/core';
import dayjs from 'dayjs';
import type { QcRun } from '../api/qc-checklist-query';
import { qcProgress } from '../lib/qc-run';

const outcome = {
  passed: { label: 'Passed', color: 'teal.9' },
  failed: { label: 'Failed', color: 'red.9' },
  in_progress: { label: 'In progress', color: 'blue.9' },
} as const;

export function QcRunHistory({ runs }: { runs: QcRun[] }) {
  if (runs.length === 0) return null;
  return (
    <Accordion variant="contained" chevronPosition="left" aria-label="Earlier QC runs">
      {runs.map((run) => (
        <Accordion.Item key={run.id} value={run.id}>
          <Accordion.Control>
            <Group gap="xs" wrap="wrap">
              <Text fw={500}>Attempt {run.attempt}</Text>
              <Badge color={outcome[run.status].color} variant="outline">
                {outcome[run.status].label}
              </Badge>
              <Text size="sm" c="gray.7">
                {qcProgress(run.items).label} ·{' '}
                {dayjs(run.finished_at ?? run.started_at).format('D MMM YYYY HH:mm')}
                {run.starter ? ` · ${run.starter.display_name}` : ''}
              </Text>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            {run.fail_reason && (
              <Text size="sm" mb="xs">
                <Text span fw={500}>
                  Reason for rework:
                </Text>{' '}
                {run.fail_reason}
              </Text>
            )}
            <List size="sm" spacing={2}>
              {run.items.map((i) => (
                <List.Item key={i.id}>
                  {i.label}:{' '}
                  {i.result === 'pass' ? 'passed' : i.result === 'fail' ? 'failed' : 'not checked'}
                  {i.note ? ` — ${i.note}` : ''}
                </List.Item>
              ))}
            </List>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
