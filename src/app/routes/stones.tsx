// /stones, the stone inventory: every staff role reads it (as RLS allows); the workshop and
// managers receive, allocate and release. Loaded on demand (route.lazy).
import { useQuery } from '@tanstack/react-query';
import { useRouteLoaderData } from 'react-router';
import { StonesPage } from '../../features/stones/components/StonesPage';
import { staffQueries } from '../../features/auth/api/staff-profile-query';
import type { ShellLoaderData } from './shell-loader';

export function Component() {
  const shell = useRouteLoaderData('shell') as ShellLoaderData | undefined;
  const profile = useQuery({
    ...staffQueries.profile(shell?.userId ?? ''),
    enabled: Boolean(shell?.userId),
  });
  const role = profile.data?.role;
  return <StonesPage canWrite={role === 'workshop' || role === 'manager'} />;
}
