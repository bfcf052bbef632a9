// /board — the live kanban board, composed with the signed-in person's profile and the order
// workspace, which opens in a drawer on the board (?order=CODE keeps it shareable and lets the
// Back button close it). The workspace is lazy-loaded so it is not in the board's first bundle.
import { lazy, Suspense, useCallback, useEffect } from 'react';
import { Button, Center, Drawer, Group, Loader, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { Link, useRouteLoaderData, useSearchParams } from 'react-router';
import { paths } from '../../config/paths';
import { useStaffProfile } from '../../features/auth/api/staff-profile-query';
import { BoardView } from '../../features/board/components/BoardView';
import type { ShellLoaderData } from './shell-loader';

const OrderWorkspaceView = lazy(() =>
  import('./order-workspace/OrderWorkspaceView').then((m) => ({ default: m.OrderWorkspaceView })),
);

export function Component() {
  const { userId } = useRouteLoaderData('shell') as ShellLoaderData;
  const profile = useStaffProfile(userId);
  const [params, setParams] = useSearchParams();
  const openCode = params.get('order');

  useEffect(() => {
    document.title = 'Board · Loupe';
  }, []);

  // Opening pushes a history entry (Back closes the drawer); closing replaces it.
  const openOrder = useCallback(
    (code: string) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.set('order', code);
        return next;
      }),
    [setParams],
  );
  const closeOrder = useCallback(
    () =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.delete('order');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  return (
    <>
      <BoardView
        me={{ id: profile.id, displayName: profile.display_name, role: profile.role }}
        onOpenOrder={openOrder}
      />
      <Drawer
        opened={openCode !== null}
        onClose={closeOrder}
        position="right"
        size="min(960px, 100%)"
        title={
          <Group gap="sm" wrap="nowrap">
            <Title order={2} size="h4">
              Order {openCode}
            </Title>
            {openCode && (
              <Button
                component={Link}
                to={paths.order(openCode)}
                variant="light"
                size="sm"
                rightSection={<IconExternalLink size={16} aria-hidden />}
              >
                Open full page
              </Button>
            )}
          </Group>
        }
        closeButtonProps={{ 'aria-label': 'Close order', size: 'lg' }}
      >
        {openCode && (
          <Suspense
            fallback={
              <Center py="xl">
                <Loader aria-label="Loading the order" />
              </Center>
            }
          >
            <OrderWorkspaceView code={openCode} />
          </Suspense>
        )}
      </Drawer>
    </>
  );
}
