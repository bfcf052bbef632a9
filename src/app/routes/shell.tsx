// The route that wraps every signed-in page: checks the session, loads the profile, and hands
// both to the shell. Signing out is wired here; where the app goes next is decided by
// the auth listener in app/auth-sync.ts.
import { useLoaderData } from 'react-router';
import { useStaffProfile } from '../../features/auth/api/staff-profile-query';
import { useSignOutMutation } from '../../features/auth/api/sign-out-mutation';
import { AppShellLayout } from '../shell/AppShellLayout';
import type { ShellLoaderData } from './shell-loader';

export function ShellRoute() {
  const { userId } = useLoaderData<ShellLoaderData>();
  // From the cache the loader filled; stays live if the profile is invalidated later.
  const profile = useStaffProfile(userId);
  const signOut = useSignOutMutation();
  return (
    <AppShellLayout
      profile={profile}
      onSignOut={() => signOut.mutate()}
      signingOut={signOut.isPending}
    />
  );
}
