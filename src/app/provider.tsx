// Everything the app needs around its routes: Mantine (theme, notifications) and TanStack Query.
import { lazy, Suspense, type ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { cssVariablesResolver, theme } from './theme';

// The notifications container (with its transitions and portal) is not needed for the first
// screen: it loads right after. `notifications.show()` only writes to a store, so a notification
// raised before it arrives is shown as soon as it mounts.
const NotificationsOutlet = lazy(() => import('./notifications-outlet'));

export function AppProvider({
  queryClient,
  children,
}: {
  queryClient: QueryClient;
  children: ReactNode;
}) {
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="light"
    >
      <Suspense fallback={null}>
        <NotificationsOutlet />
      </Suspense>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}
