// Route-loader guards: who may open a page. They run before the page renders, so nobody sees a
// flash of a page they are about to be sent away from.
import { data, redirect } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { currentSession } from '../../features/auth/api/auth-session';
import { staffQueries, type StaffProfile } from '../../features/auth/api/staff-profile-query';
import { signInPath } from '../../config/paths';

function pathOf(request: Request): string {
  const url = new URL(request.url);
  return url.pathname + url.search;
}

/** Signed in with a staff profile, or off to the sign-in page (and back here afterwards). */
export async function requireStaff(
  request: Request,
  queryClient: QueryClient,
): Promise<StaffProfile> {
  const session = await currentSession();
  if (!session) throw redirect(signInPath(pathOf(request)));
  return queryClient.ensureQueryData(staffQueries.profile(session.user.id));
}

/** Managers only; everyone else gets a 403 page that says so. */
export async function requireManager(
  request: Request,
  queryClient: QueryClient,
): Promise<StaffProfile> {
  const profile = await requireStaff(request, queryClient);
  if (profile.role !== 'manager') {
    throw data('Only managers can open settings.', { status: 403 });
  }
  return profile;
}
