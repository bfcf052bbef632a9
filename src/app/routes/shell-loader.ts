// The signed-in shell's loader: a session and a staff profile, or off to sign-in.
import type { LoaderFunctionArgs } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { requireStaff } from './guards';

export type ShellLoaderData = { userId: string };

export const shellLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs): Promise<ShellLoaderData> => {
    const profile = await requireStaff(request, queryClient);
    return { userId: profile.id };
  };
