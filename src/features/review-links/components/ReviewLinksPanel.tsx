// Customer links in the order workspace: create a review link for the design round with the
// customer, or a status-only link (with or without the quote), share it once, and follow each
// link's state live (sent, opened, decided, expired, revoked); revoke one that should stop.
// Whether a link may be made is the database's call (create_review_link); its refusal shows here.
import { useState } from 'react';
import {
  Alert,
  Badge,
  Blockquote,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { Enums, Tables } from '../../../types/database';
import { toAppError } from '../../../lib/errors';
import { reviewLinkQueries } from '../api/review-link-queries';
import {
  useCreateReviewLinkMutation,
  type CreatedReviewLink,
} from '../api/review-link-create-mutation';
import { useRevokeReviewLinkMutation } from '../api/review-link-revoke-mutation';
import { useReviewLinksLive } from '../api/review-links-live';
import type { ReviewLink } from '../api/review-links-query';
import { decisionLabels, isLive, linkTitle, stateColors, stateLabels } from '../lib/link-state';
import { NewLinkShare } from './NewLinkShare';

type ReviewLinksPanelProps = {
  order: Pick<Tables<'orders'>, 'id' | 'code' | 'stage' | 'cad_state' | 'product_name'>;
};

const when = (value: string) => dayjs(value).format('D MMM, HH:mm');

export function ReviewLinksPanel({ order }: ReviewLinksPanelProps) {
  const links = useQuery(reviewLinkQueries.order(order.id));
  const settings = useQuery(reviewLinkQueries.shareSettings());
  const create = useCreateReviewLinkMutation();
  const revoke = useRevokeReviewLinkMutation();
  const [showQuote, setShowQuote] = useState(false);
  const [created, setCreated] = useState<CreatedReviewLink | null>(null);
  const [confirmRevoke, setConfirmRevoke] = useState<string | null>(null);
  useReviewLinksLive(order.id);

  const designWithCustomer = order.stage === 'cad' && order.cad_state === 'with_customer';
  const make = (kind: Enums<'review_link_kind'>) =>
    create.mutate(
      { orderId: order.id, kind, showQuote },
      {
        onSuccess: (link) => setCreated(link),
        onError: () => setCreated(null),
      },
    );

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="review-links-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="review-links-title">
          Customer links
        </Title>
        <Text size="sm" c="dimmed">
          The customer reviews the design or follows the order on their phone, with no account.
          {settings.data ? ` A new link works for ${settings.data.linkDays} days.` : ''}
        </Text>
        <Group gap="sm" align="center">
          <Button
            onClick={() => make('cad_review')}
            disabled={!designWithCustomer}
            loading={create.isPending && create.variables.kind === 'cad_review'}
            mih={44}
          >
            Create review link
          </Button>
          <Button
            variant="default"
            onClick={() => make('status')}
            loading={create.isPending && create.variables.kind === 'status'}
            mih={44}
          >
            Create status link
          </Button>
          <Switch
            label="Show the quote on the new link"
            checked={showQuote}
            onChange={(e) => setShowQuote(e.currentTarget.checked)}
            size="md"
          />
        </Group>
        {!designWithCustomer && (
          <Text size="sm" c="dimmed">
            A review link is for a design that has been sent to the customer.
          </Text>
        )}
        {create.isError && (
          <Alert color="red" title="No link was created" role="alert">
            {toAppError(create.error).message}
          </Alert>
        )}
        {created && (
          <NewLinkShare
            token={created.token}
            kind={created.kind}
            expiresAt={created.expiresAt}
            orderCode={order.code}
            productName={order.product_name}
            houseName={settings.data?.houseName ?? 'Loupe'}
            onDone={() => setCreated(null)}
          />
        )}
        {links.isPending && <Loader size="sm" aria-label="Loading customer links" />}
        {links.isError && (
          <Alert color="red" title="Customer links did not load">
            {links.error.message}{' '}
            <Button variant="subtle" size="compact-sm" onClick={() => void links.refetch()}>
              Try again
            </Button>
          </Alert>
        )}
        {links.isSuccess && links.data.length === 0 && (
          <Text size="sm" c="dimmed">
            No links yet for this order.
          </Text>
        )}
        {links.isSuccess && links.data.length > 0 && (
          <Stack
            gap="xs"
            component="ul"
            aria-label="Customer links"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
          >
            {links.data.map((link) => (
              <LinkRow
                key={link.id}
                link={link}
                confirming={confirmRevoke === link.id}
                onAskRevoke={() => setConfirmRevoke(link.id)}
                onCancelRevoke={() => setConfirmRevoke(null)}
                onRevoke={() => {
                  setConfirmRevoke(null);
                  if (created?.id === link.id) setCreated(null);
                  revoke.mutate({ id: link.id, orderId: order.id });
                }}
              />
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function LinkRow({
  link,
  confirming,
  onAskRevoke,
  onCancelRevoke,
  onRevoke,
}: {
  link: ReviewLink;
  confirming: boolean;
  onAskRevoke: () => void;
  onCancelRevoke: () => void;
  onRevoke: () => void;
}) {
  const title = linkTitle(link.kind, link.cadRound);
  return (
    <Paper
      component="li"
      withBorder
      radius="sm"
      p="sm"
      aria-label={`${title}: ${stateLabels[link.state]}`}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Text fw={600} size="sm">
              {title}
            </Text>
            <Badge size="sm" variant="light" color={stateColors[link.state]}>
              {stateLabels[link.state]}
            </Badge>
            {link.showQuote && (
              <Badge size="sm" variant="outline" color="gray.7">
                Quote shown
              </Badge>
            )}
          </Group>
          {isLive(link.state) && !confirming && (
            <Button size="compact-sm" variant="subtle" color="red.8" onClick={onAskRevoke} mih={44}>
              Revoke
            </Button>
          )}
        </Group>
        <Text size="xs" c="gray.7">
          Created {when(link.createdAt)}
          {link.createdByName ? ` by ${link.createdByName}` : ''}
          {link.state === 'revoked' && link.revokedAt
            ? ` · revoked ${when(link.revokedAt)}`
            : link.state === 'expired'
              ? ` · expired ${when(link.expiresAt)}`
              : ` · works until ${when(link.expiresAt)}`}
          {link.openedAt ? ` · first opened ${when(link.openedAt)}` : ' · not opened yet'}
        </Text>
        {link.decision && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {decisionLabels[link.decision]}
              {link.decidedAt ? ` · ${when(link.decidedAt)}` : ''}
            </Text>
            {link.decisionNote && (
              <Blockquote p="xs" fz="sm" aria-label="The customer's note">
                {link.decisionNote}
              </Blockquote>
            )}
          </Stack>
        )}
        {confirming && (
          <Group gap="xs">
            <Text size="sm">The customer&apos;s page stops working at once.</Text>
            <Button size="compact-sm" color="red.8" onClick={onRevoke} mih={44}>
              Revoke link
            </Button>
            <Button size="compact-sm" variant="default" onClick={onCancelRevoke} mih={44}>
              Keep it
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
