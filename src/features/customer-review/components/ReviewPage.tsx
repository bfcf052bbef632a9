// The customer's page behind a review or status link: no sign-in, phone first. It talks to the
// house only through its own anon client (the token in a header) and shows only what
// public.review_page returns: the house, the order's code and piece, the design round with the
// three choices (review links) and where the order is.
import { useEffect, useState } from 'react';
import { Container, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { toAppError } from '../../../lib/errors';
import { metalLabels } from '../../../lib/order-vocabulary';
import { createReviewClient } from '../api/review-client';
import { reviewQueries } from '../api/review-queries';
import type { ReviewPageOk } from '../api/review-page';
import { pieceName } from '../lib/product';
import { DesignRound } from './DesignRound';
import { LinkNotWorking } from './LinkNotWorking';
import { OrderStatus } from './OrderStatus';
import { PageProblem } from './PageProblem';

type ReviewPageProps = {
  token: string;
  /** The page's title as the tab should show it (never the token). */
  onTitle?: (title: string) => void;
};

export function ReviewPage({ token, onTitle }: ReviewPageProps) {
  // One client per token, made when this page mounts: nothing else in the app uses it.
  const [client] = useState(() => createReviewClient(token));
  const page = useQuery(reviewQueries.page(client, token));

  const title =
    page.data?.status === 'ok'
      ? `${pieceName(page.data.order)} · ${page.data.house.name}`
      : page.data?.status === 'invalid'
        ? 'Link not working'
        : null;
  useEffect(() => {
    if (title) onTitle?.(title);
  }, [title, onTitle]);

  return (
    <Container size={480} px="md" py="lg" component="main">
      {page.isPending ? (
        <Stack aria-busy aria-label="Loading your order">
          <Skeleton h={28} w="60%" />
          <Skeleton h={240} radius="lg" />
          <Skeleton h={180} radius="lg" />
        </Stack>
      ) : page.isError ? (
        <PageProblem
          error={toAppError(page.error)}
          onRetry={() => void page.refetch()}
          retrying={page.isFetching}
        />
      ) : page.data.status === 'invalid' ? (
        <LinkNotWorking />
      ) : (
        <ReviewContent client={client} token={token} page={page.data} />
      )}
    </Container>
  );
}

function ReviewContent({
  client,
  token,
  page,
}: {
  client: ReturnType<typeof createReviewClient>;
  token: string;
  page: ReviewPageOk;
}) {
  const piece = pieceName(page.order);
  return (
    <Stack gap="lg">
      <Stack gap={2} component="header">
        <Text size="sm" tt="uppercase" fw={600} c="loupe.9" style={{ letterSpacing: '0.08em' }}>
          {page.house.name}
        </Text>
        <Title order={1} size="h2">
          {piece}
        </Title>
        <Text c="gray.7">
          Order {page.order.code}
          {page.order.metal ? ` · ${metalLabels[page.order.metal]}` : ''}
        </Text>
      </Stack>
      {page.cad && <DesignRound client={client} token={token} cad={page.cad} />}
      <OrderStatus page={page} />
      <Text size="xs" c="gray.7" ta="center" component="footer">
        This page is only for you. Questions? Reply to your stylist&apos;s email.
      </Text>
    </Stack>
  );
}
