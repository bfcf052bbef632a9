// The design part of a review link: the round's pictures, the tweak allowance, and either the
// three choices or, once decided (or closed), what was decided — read-only until the next round.
import { Alert, Badge, Blockquote, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReviewClient } from '../api/review-client';
import type { ReviewCad } from '../api/review-page';
import { onDate, tweaksUsed } from '../lib/wording';
import { DecisionPanel } from './DecisionPanel';
import { RoundFiles } from './RoundFiles';

const decided: Record<NonNullable<ReviewCad['decision']>, { title: string; next: string }> = {
  approve: {
    title: 'You approved this design',
    next: 'Thank you. Our workshop is starting on your piece; this page shows where it is.',
  },
  tweak: {
    title: 'You asked for a minor tweak',
    next: 'Your stylist will send you the updated design to review.',
  },
  major_change: {
    title: 'You asked for a bigger change',
    next: 'Your stylist will get in touch about timing and price before anything changes.',
  },
};

function roundTitle(round: number): string {
  return round === 0 ? 'Your design' : `Your design, update ${round}`;
}

export function DesignRound({
  client,
  token,
  cad,
}: {
  client: ReviewClient;
  token: string;
  cad: ReviewCad;
}) {
  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="design-title">
      <Stack gap="md">
        <Group justify="space-between" align="baseline" gap="xs">
          <Title order={2} size="h3" id="design-title">
            {roundTitle(cad.round)}
          </Title>
          <Badge variant="light" color="loupe" size="lg" tt="none">
            {tweaksUsed(cad.tweaks_used, cad.tweaks_allowed)}
          </Badge>
        </Group>
        <RoundFiles client={client} token={token} files={cad.files} />
        {cad.decision ? (
          <Alert color="loupe" title={decided[cad.decision].title} role="status">
            <Stack gap="xs">
              {cad.decided_at && <Text size="sm">On {onDate(cad.decided_at)}.</Text>}
              {cad.decision_note && (
                <Blockquote p="xs" fz="sm" aria-label="Your note">
                  {cad.decision_note}
                </Blockquote>
              )}
              <Text size="sm">{decided[cad.decision].next}</Text>
            </Stack>
          </Alert>
        ) : cad.can_decide ? (
          <DecisionPanel client={client} token={token} cad={cad} />
        ) : (
          <Alert color="gray" title="This design is no longer waiting for your decision">
            Your stylist will send you a new link when there is something new to review.
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
