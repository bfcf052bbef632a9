// Feeds auth state changes to the router: when the session ends (sign-out here or in another
// tab, or a refresh token that no longer works) the app leaves the signed-in pages and forgets
// the previous person's cached data.
import type { QueryClient } from '@tanstack/react-query';
import { onAuthChange } from '../features/auth/api/auth-session';
import { paths, signInPath } from '../config/paths';
import type { AppRouter } from './router';

export function syncAuthWithRouter(router: AppRouter, queryClient: QueryClient): () => void {
  return onAuthChange(({ event, userInitiated }) => {
    if (event !== 'SIGNED_OUT') return;
    const { pathname, search } = router.state.location;
    if (pathname === paths.signIn) {
      queryClient.clear();
      return;
    }
    // A deliberate sign-out starts the next person fresh; an expired session brings the same
    // person back to the page they were on.
    const target = userInitiated ? paths.signIn : signInPath(pathname + search);
    // Clear only after leaving the shell, so no mounted page refetches without a session.
    void router.navigate(target, { replace: true }).then(() => queryClient.clear());
  });
}
