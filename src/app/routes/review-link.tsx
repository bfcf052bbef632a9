// /r/:token — the customer's review or status page. Public: outside the signed-in shell, so no
// staff loader runs and no staff data is read; its own code chunk, so it carries none of the
// staff pages. The token is in the address, so this page keeps it from travelling further: no
// Referer from anything it loads or links (React hoists the meta into <head> while mounted),
// and the tab's title never shows it.
import { useCallback, useEffect } from 'react';
import { Button, Center, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { ReviewPage } from '../../features/customer-review/components/ReviewPage';

const NEUTRAL_TITLE = 'Your order';

function useNeutralTitle() {
  useEffect(() => {
    const before = document.title;
    document.title = NEUTRAL_TITLE;
    return () => {
      document.title = before;
    };
  }, []);
  return useCallback((title: string) => {
    document.title = title;
  }, []);
}

export function Component() {
  const { token = '' } = useParams();
  const setTitle = useNeutralTitle();
  return (
    <>
      <meta name="referrer" content="no-referrer" />
      {/* A new token (the customer opened another link in the same tab) starts fresh. */}
      <ReviewPage key={token} token={token} onTitle={setTitle} />
    </>
  );
}

/** A crash on this page: a calm sentence and a reload, never the staff app's error page. */
export function ErrorBoundary() {
  useNeutralTitle();
  return (
    <Container size={480} px="md" py="lg" component="main">
      <meta name="referrer" content="no-referrer" />
      <Center mih="80dvh">
        <Paper withBorder radius="lg" p="xl" w="100%">
          <Stack align="center" ta="center" gap="sm">
            <Title order={1} size="h2">
              Something went wrong on our side
            </Title>
            <Text c="dimmed">Please try again. If it keeps happening, let your stylist know.</Text>
            <Button size="md" onClick={() => window.location.reload()}>
              Try again
            </Button>
          </Stack>
        </Paper>
      </Center>
    </Container>
  );
}
