// The one TanStack Query client: server state for the whole app lives in its cache. A failed
// mutation whose caller shows nothing itself becomes a notification with the plain sentence.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { toAppError } from './errors';
import { connection } from './connection';

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

/** Every answer tells the connection store the server is there; a failed fetch makes it ask. */
function reportToConnection(error: unknown): void {
  if (error === undefined) connection.report('server', true);
  else if (toAppError(error).code === 'network') connection.suspect();
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onSuccess: () => reportToConnection(undefined),
      onError: (error) => reportToConnection(error),
    }),
    mutationCache: new MutationCache({
      onSuccess: () => reportToConnection(undefined),
      onError: (error, _variables, _context, mutation) => {
        reportToConnection(error);
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
        // Each failed attempt has the connection store ask the server at once (not only the
        // last one), so a query whose server went away pauses before its retries run out: it
        // keeps its data and the forms built on it, instead of an error state replacing them.
        retry: (failureCount, error) => {
          reportToConnection(error);
          return shouldRetry(failureCount, error);
        },
      },
      // A change tried while the server is away fails at once with the plain sentence, and the
      // form keeps what was typed; TanStack's default would park it silently until reconnect.
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}

export const queryClient = createQueryClient();
