// The /sign-in page: the form on a quiet card, and back to where the person was going after.
import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { SignInForm } from '../../features/auth/components/SignInForm';
import { safeRedirectPath } from '../../config/paths';

export function SignInRoute() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();

  // Forget the previous person's server data whenever the sign-in page shows. Doing it here,
  // rather than on the SIGNED_OUT event, guarantees no signed-in page is still mounted: a
  // mounted page would refetch the cleared queries without a session (and get 401s).
  useEffect(() => {
    queryClient.clear();
  }, [queryClient]);
  const goOn = () => void navigate(safeRedirectPath(params.get('redirectTo')), { replace: true });

  return (
    <Center mih="100dvh" p="md" bg="champagne.0">
      <Paper withBorder shadow="sm" radius="lg" p="xl" w="100%" maw={420}>
        <Stack gap="lg">
          <Stack gap={4}>
            <Title order={1} c="loupe.9">
              Loupe
            </Title>
            <Text c="dimmed">Sign in with your staff account.</Text>
          </Stack>
          <SignInForm onSignedIn={goOn} />
          {/* Staff accounts are created and reset by a manager (sign-up is off). */}
          <Text size="sm" c="dimmed" ta="center">
            Forgot your password? Ask a manager to reset it.
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
