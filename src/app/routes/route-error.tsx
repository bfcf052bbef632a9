// What a route shows when its loader or render fails: a plain sentence and a way forward,
// never a stack trace. Inside the shell it replaces only the page, so navigation still works.
import { Button, Group } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconMapOff } from '@tabler/icons-react';
import { isRouteErrorResponse, Link, useRevalidator, useRouteError } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { AppError, toAppError } from '../../lib/errors';
import { paths } from '../../config/paths';
import { useSignOutMutation } from '../../features/auth/api/sign-out-mutation';

export function RouteError({ fullPage = false }: { fullPage?: boolean }) {
  const error = useRouteError();
  const revalidator = useRevalidator();
  const signOut = useSignOutMutation();

  if (isRouteErrorResponse(error) && error.status === 404) {
    return <NotFound />;
  }
  if (isRouteErrorResponse(error) && error.status === 403) {
    return (
      <EmptyState
        icon={<IconLock size={28} />}
        title="Not for your role"
        action={
          <Button component={Link} to={paths.home} variant="light">
            Back to the board
          </Button>
        }
      >
        {typeof error.data === 'string' ? error.data : 'You cannot open this page.'}
      </EmptyState>
    );
  }

  const appError = toAppError(error);
  // Expected refusals (AppError) need no console noise; real bugs do, during development.
  if (import.meta.env.DEV && !(error instanceof AppError)) console.error(error);
  return (
    <EmptyState
      icon={<IconAlertTriangle size={28} />}
      title="This page could not be shown"
      action={
        <Group justify="center">
          <Button
            onClick={() => void revalidator.revalidate()}
            loading={revalidator.state === 'loading'}
          >
            Try again
          </Button>
          {fullPage && (
            <Button variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
              Sign out
            </Button>
          )}
        </Group>
      }
    >
      {appError.message}
    </EmptyState>
  );
}

export function NotFound() {
  return (
    <EmptyState
      icon={<IconMapOff size={28} />}
      title="Page not found"
      action={
        <Button component={Link} to={paths.home} variant="light">
          Back to the board
        </Button>
      }
    >
      There is no page at this address.
    </EmptyState>
  );
}
