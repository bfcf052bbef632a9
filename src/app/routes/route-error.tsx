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
  // A page's code that did not download (a new release replaced it, or the network dropped) is
  // not fetched again by the router: only a reload brings it.
  const missingCode = isMissingChunk(error);
  return (
    <EmptyState
      icon={<IconAlertTriangle size={28} />}
      // A refusal or an unreachable server has its own sentence; anything else is the page's
      // own fault (a render error), said plainly.
      title={
        appError.code === 'unknown' ? 'This page hit a problem' : 'This page could not be shown'
      }
      action={
        <Group justify="center">
          <Button
            // Revalidating re-runs the loaders and resets the boundary, so a page that threw
            // while rendering gets a fresh render.
            onClick={() => (missingCode ? window.location.reload() : void revalidator.revalidate())}
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

/** The browser's words for a dynamic import that failed (Chromium, Firefox, Safari). */
function isMissingChunk(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(
      error.message,
    )
  );
}
