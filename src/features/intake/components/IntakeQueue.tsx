// One section of the triage queue: a list of requests, each a button that selects it, with its
// countdown (while it still needs confirming), facts, risk flags, reference thumbnails, whether
// it came from a saved customizer look, and who has it.
import { Badge, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import type { IntakeRow } from '../api/intake-queue-query';
import { requestFacts } from '../lib/request-facts';
import { riskLabels } from '../lib/labels';
import { CountdownBadge } from './CountdownBadge';
import { ReferenceThumbnails } from './ReferenceThumbnails';
import classes from './IntakeQueue.module.css';

type Props = {
  title: string;
  rows: IntakeRow[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  now: number;
  showCountdown: boolean;
  stylistNames: Record<string, string>;
  imageUrls: Record<string, string> | undefined;
  emptyText: string;
};

function requestName(row: Pick<IntakeRow, 'customer'>) {
  return row.customer?.display_name ?? 'Unknown customer';
}

export function IntakeQueue({
  title,
  rows,
  selectedId,
  onSelect,
  now,
  showCountdown,
  stylistNames,
  imageUrls,
  emptyText,
}: Props) {
  const headingId = `queue-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section aria-labelledby={headingId}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id={headingId}>
          {title}
        </Title>
        <Badge variant="outline" color="gray.7">
          {rows.length}
        </Badge>
      </Group>
      {rows.length === 0 ? (
        <Text c="gray.7" size="sm" py="sm">
          {emptyText}
        </Text>
      ) : (
        <Stack gap={6} component="ul" className={classes.list}>
          {rows.map((row) => {
            const selected = row.id === selectedId;
            const assignee = row.assigned_stylist_id ? stylistNames[row.assigned_stylist_id] : null;
            return (
              <li key={row.id}>
                <UnstyledButton
                  className={classes.row}
                  data-selected={selected || undefined}
                  aria-current={selected ? 'true' : undefined}
                  onClick={() => onSelect(row.id)}
                  data-request-id={row.id}
                >
                  <Paper p="sm" withBorder radius="md" className={classes.card}>
                    <Group justify="space-between" wrap="nowrap" align="flex-start">
                      <Stack gap={4} style={{ minWidth: 0 }}>
                        <Group gap={6}>
                          <Text fw={600} data-customer-name>
                            {requestName(row)}
                          </Text>
                          {row.source === 'customizer_look' && (
                            <Badge
                              size="sm"
                              variant="outline"
                              color="champagne.9"
                              leftSection={<IconSparkles size={12} />}
                            >
                              Saved look
                            </Badge>
                          )}
                          {row.status === 'in_review' && (
                            <Badge size="sm" variant="outline" color="gray.7">
                              In review
                            </Badge>
                          )}
                        </Group>
                        <Text size="sm" c="gray.7">
                          {requestFacts(row).join(' · ')}
                        </Text>
                        {row.risk_flags.length > 0 && (
                          <Group gap={4}>
                            {row.risk_flags.map((f) => (
                              <Badge key={f} size="sm" color="red.9" variant="outline">
                                {riskLabels[f]}
                              </Badge>
                            ))}
                          </Group>
                        )}
                        <Text size="xs" c="gray.7">
                          {assignee ? `With ${assignee}` : 'Unassigned'}
                        </Text>
                      </Stack>
                      <Stack gap={6} align="flex-end" style={{ flexShrink: 0 }}>
                        {showCountdown && <CountdownBadge receivedAt={row.received_at} now={now} />}
                        <ReferenceThumbnails
                          attachments={row.attachments}
                          urls={imageUrls}
                          size={36}
                          max={3}
                          linked={false}
                        />
                      </Stack>
                    </Group>
                  </Paper>
                </UnstyledButton>
              </li>
            );
          })}
        </Stack>
      )}
    </section>
  );
}
