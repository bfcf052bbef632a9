// /board — the live kanban board, composed with the signed-in person's profile and the order
// workspace, which opens in a drawer on the board (?order=CODE keeps it shareable and lets the
// Back button close it). The workspace is lazy-loaded so it is not in the board's first bundle.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Center, Drawer, Group, Loader, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { Link, useRouteLoaderData, useSearchParams } from 'react-router';
import { paths } from '../../config/paths';
import { useStaffProfile } from '../../features/auth/api/staff-profile-query';
import { BoardView } from '../../features/board/components/BoardView';
import { PrintTicketsButton } from '../../features/tickets/components/PrintTicketsButton';
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

  // Selection mode: pick cards, then print their job tickets as one PDF (a page per order).
  const [selecting, setSelecting] = useState(false);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const togglePicked = useCallback(
    (code: string) =>
      setPicked((prev) => {
        const next = new Set(prev);
        if (!next.delete(code)) next.add(code);
        return next;
      }),
    [],
  );
  const selection = useMemo(
    () => (selecting ? { codes: picked, onToggle: togglePicked } : undefined),
    [selecting, picked, togglePicked],
  );
  const pickedCodes = useMemo(() => [...picked], [picked]);

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
        selection={selection}
        actions={
          selecting ? (
            <>
              <PrintTicketsButton
                codes={pickedCodes}
                variant="filled"
                label={
                  picked.size === 0
                    ? 'Print tickets'
                    : `Print ${picked.size} ticket${picked.size === 1 ? '' : 's'}`
                }
              />
              <Button
                variant="default"
                mih={44}
                onClick={() => {
                  setSelecting(false);
                  setPicked(new Set());
                }}
              >
                Done selecting
              </Button>
            </>
          ) : (
            <Button variant="light" mih={44} onClick={() => setSelecting(true)}>
              Select for tickets
            </Button>
          )
        }
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
