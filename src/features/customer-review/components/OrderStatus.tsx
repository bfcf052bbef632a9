// Where the order is, in the house's planning language: the six steps from review to delivery,
// the current step's usual length and expected dates, the next step's, and the tracking number
// once shipped. Every date and state is the database's; the page only says them.
import { Alert, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconCircleDot, IconCircle } from '@tabler/icons-react';
import type { ReviewPageOk, ReviewStep } from '../api/review-page';
import { dateWindow, money, onDate } from '../lib/wording';

function StepWindow({ step, lead }: { step: ReviewStep; lead: string }) {
  const window = dateWindow(step.expected_from, step.expected_to);
  // Either part may be missing (e.g. while the design waits for the customer there is no clock).
  const detail = [step.usually?.trim(), window ? `expected ${window}` : null]
    .filter(Boolean)
    .join('; ');
  return (
    <Text>
      <Text span fw={600}>
        {lead}: {step.label}
      </Text>
      {detail ? ` — ${detail}.` : '.'}
    </Text>
  );
}

const stateIcon = {
  done: <IconCheck size={16} aria-hidden />,
  current: <IconCircleDot size={16} aria-hidden />,
  upcoming: <IconCircle size={16} aria-hidden />,
};
const stateWords = { done: 'done', current: 'now', upcoming: 'to come' };

export function OrderStatus({ page }: { page: ReviewPageOk }) {
  const { phases, current, next_step, tracking, quote } = page;
  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="status-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="status-title">
          Where your order is
        </Title>
        {page.phase === 'cancelled' && (
          <Alert color="gray" title="This order was cancelled">
            Please contact your stylist if you have any questions.
          </Alert>
        )}
        {page.paused && page.phase !== 'cancelled' && (
          <Alert color="champagne" title="Your order is paused for now">
            Your stylist will be in touch before it continues.
          </Alert>
        )}
        {page.phase === 'delivered' && (
          <Text fw={600}>
            Delivered{tracking?.delivered_at ? ` on ${onDate(tracking.delivered_at)}` : ''}. We hope
            you love it.
          </Text>
        )}
        <List type="ordered" spacing="xs" listStyleType="none" aria-label="Steps of your order">
          {phases.map((p) => (
            <List.Item
              key={p.key}
              aria-current={p.state === 'current' ? 'step' : undefined}
              icon={
                <ThemeIcon
                  size={28}
                  radius="xl"
                  variant={
                    p.state === 'upcoming' ? 'outline' : p.state === 'current' ? 'filled' : 'light'
                  }
                  color={p.state === 'upcoming' ? 'gray.6' : 'loupe'}
                >
                  {stateIcon[p.state]}
                </ThemeIcon>
              }
            >
              <Text
                span
                fw={p.state === 'current' ? 700 : 400}
                c={p.state === 'upcoming' ? 'gray.7' : undefined}
              >
                {p.label}
              </Text>
              <Text span size="sm" c="gray.7">
                {' '}
                ({stateWords[p.state]})
              </Text>
            </List.Item>
          ))}
        </List>
        {current && !page.paused && <StepWindow step={current} lead="Now" />}
        {next_step && !page.paused && <StepWindow step={next_step} lead="Next" />}
        {tracking && (
          <Text>
            <Text span fw={600}>
              Shipped{tracking.carrier ? ` with ${tracking.carrier}` : ''}
              {tracking.shipped_at ? ` on ${onDate(tracking.shipped_at)}` : ''}.
            </Text>{' '}
            Tracking number:{' '}
            <Text span ff="monospace">
              {tracking.tracking_number}
            </Text>
          </Text>
        )}
        {quote && (
          <Text>
            <Text span fw={600}>
              Your quote:
            </Text>{' '}
            {money(quote.amount, quote.currency)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
