// The one TanStack Query client: server state for the whole app lives in its cache. A failed
// mutation whose caller shows nothing itself becomes a notification with the plain sentence.
import { MutationCache, QueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { toAppError } from './errors';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** The component shows this mutation's error itself (e.g. inline in a form). */
      errorShownInline?: boolean;
    };
  }
}

/** Refusals and missing rows will not change on retry; only transient failures are retried. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  const { code, status } = toAppError(error);
  const transient = code === 'network' || (status !== undefined && status >= 500);
  return transient && failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (mutation.options.onError || mutation.meta?.errorShownInline) return;
        notifications.show({
          color: 'red',
          title: 'That did not work',
          message: toAppError(error).message,
        });
      },
    }),
    defaultOptions: {
      queries: {
        // A workshop board is looked at for hours; 30 s keeps tab switches from refetching
        // everything while realtime events keep the cache fresh.
        staleTime: 30_000,
        retry: shouldRetry,
      },
      mutations: { retry: false },
    },
  });
}

export const queryClient = createQueryClient();
