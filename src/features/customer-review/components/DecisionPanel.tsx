// The customer's three choices for a design round: approve it, ask for a minor tweak (counted
// against the allowance), or ask for a bigger change (recorded for the stylist; it moves
// nothing). Each opens a short step of its own, so a tap alone never decides. The database
// records the decision once and refuses what is not allowed; its sentence shows here, beside
// whatever the customer typed.
import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCheck, IconMessageCircle, IconPencil } from '@tabler/icons-react';
import type { ReviewCad, ReviewDecision } from '../api/review-page';
import { useReviewDecideMutation } from '../api/review-decide-mutation';
import type { ReviewClient } from '../api/review-client';
import { toAppError } from '../../../lib/errors';

const MAX_NOTE = 2000;

export function DecisionPanel({
  client,
  token,
  cad,
}: {
  client: ReviewClient;
  token: string;
  cad: ReviewCad;
}) {
  const [choice, setChoice] = useState<ReviewDecision | null>(null);
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const decide = useReviewDecideMutation(client, token);
  const tweaksLeft = Math.max(0, cad.tweaks_allowed - cad.tweaks_used);

  const choose = (next: ReviewDecision | null) => {
    decide.reset();
    setNoteMissing(false);
    setChoice(next);
  };
  const send = () => {
    if (!choice) return;
    if (choice !== 'approve' && note.trim() === '') {
      setNoteMissing(true);
      return;
    }
    decide.mutate({ decision: choice, note: choice === 'approve' ? undefined : note });
  };
  const refusal = decide.isError ? toAppError(decide.error).message : null;

  if (choice === null) {
    return (
      <Stack gap="sm" role="group" aria-label="Your decision">
        <Button
          size="lg"
          leftSection={<IconCheck size={20} aria-hidden />}
          onClick={() => choose('approve')}
        >
          Approve the design
        </Button>
        <Button
          size="lg"
          variant="light"
          leftSection={<IconPencil size={20} aria-hidden />}
          onClick={() => choose('tweak')}
        >
          Request a minor tweak
        </Button>
        <Button
          size="lg"
          variant="default"
          leftSection={<IconMessageCircle size={20} aria-hidden />}
          onClick={() => choose('major_change')}
        >
          I&apos;d like a bigger change
        </Button>
      </Stack>
    );
  }

  const back = (
    <Button size="md" variant="subtle" onClick={() => choose(null)} disabled={decide.isPending}>
      Back
    </Button>
  );

  // Both included tweaks are used: say so and point to the stylist instead of a form the
  // database would refuse (LP123 would say the same if the page were out of date).
  if (choice === 'tweak' && tweaksLeft === 0) {
    return (
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={3} size="h4">
            Request a minor tweak
          </Title>
          <Alert color="champagne" role="alert" title="Both minor tweaks are used">
            Your design included {cad.tweaks_allowed} rounds of minor tweaks, and both have been
            used. Please contact your stylist to talk about further changes — or choose
            &ldquo;I&apos;d like a bigger change&rdquo; and tell us what you have in mind.
          </Alert>
          <Group>{back}</Group>
        </Stack>
      </Paper>
    );
  }

  const copy: Record<ReviewDecision, { title: string; intro: string; action: string }> = {
    approve: {
      title: 'Approve the design',
      intro:
        'Once you approve, our workshop starts making your piece exactly as shown. This cannot be undone from this page.',
      action: 'Yes, approve the design',
    },
    tweak: {
      title: 'Request a minor tweak',
      intro: `Small adjustments to this design. You have ${tweaksLeft} of ${cad.tweaks_allowed} minor ${cad.tweaks_allowed === 1 ? 'tweak' : 'tweaks'} left.`,
      action: 'Send my tweak request',
    },
    major_change: {
      title: "I'd like a bigger change",
      intro:
        'Your stylist will get in touch about what the change means for timing and price before anything is changed.',
      action: 'Send to my stylist',
    },
  };
  const { title, intro, action } = copy[choice];

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <Stack gap="sm">
        <Title order={3} size="h4">
          {title}
        </Title>
        <Text size="sm">{intro}</Text>
        {choice !== 'approve' && (
          <Textarea
            label={
              choice === 'tweak'
                ? 'What would you like changed?'
                : 'What change do you have in mind?'
            }
            rows={4}
            maxLength={MAX_NOTE}
            // Checked here rather than by the browser, so the message is ours and in place.
            withAsterisk
            aria-required
            value={note}
            onChange={(e) => {
              setNote(e.currentTarget.value);
              if (noteMissing) setNoteMissing(false);
            }}
            error={noteMissing ? 'Please tell us what you would like changed.' : undefined}
          />
        )}
        {refusal && (
          <Alert color="red" role="alert" title="That could not be sent">
            {refusal}
          </Alert>
        )}
        <Group grow preventGrowOverflow={false}>
          {back}
          <Button size="md" type="submit" loading={decide.isPending}>
            {action}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
