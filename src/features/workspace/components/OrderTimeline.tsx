// The order's history, newest first: what happened, who did it and when, with the note given.
import { Alert, Button, Loader, Paper, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { workspaceQueries } from '../api/workspace-queries';
import { describeEvent } from '../lib/event-text';

export function OrderTimeline({ orderId }: { orderId: string }) {
  const events = useQuery(workspaceQueries.events(orderId));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="timeline-title">
      <Title order={2} size="h4" id="timeline-title" mb="sm">
        Timeline
      </Title>
      {events.isPending && <Loader size="sm" aria-label="Loading the history" />}
      {events.isError && (
        <Alert color="red" title="The history did not load">
          {events.error.message}{' '}
          <Button variant="subtle" size="compact-sm" onClick={() => void events.refetch()}>
            Try again
          </Button>
        </Alert>
      )}
      {events.data?.length === 0 && <Text c="dimmed">Nothing has happened to this order yet.</Text>}
      {events.data && events.data.length > 0 && (
        <Timeline bulletSize={14} lineWidth={2} aria-label="Order history">
          {events.data.map((e) => (
            <Timeline.Item key={e.id} title={describeEvent(e)}>
              {e.note && (
                <Text size="sm" fs="italic">
                  “{e.note}”
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {e.actor?.display_name ?? 'System'} ·{' '}
                <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time>
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
