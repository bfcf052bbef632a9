// Feeds auth state changes to the router: when the session ends (sign-out here or in another
// tab, or a refresh token that no longer works) the app leaves the signed-in pages. The sign-in
// page then empties the query cache (see routes/sign-in.tsx).
import { matchPath } from 'react-router';
import { onAuthChange } from '../features/auth/api/auth-session';
import { paths, signInPath } from '../config/paths';
import type { AppRouter } from './router';

export function syncAuthWithRouter(router: AppRouter): () => void {
  return onAuthChange(({ event, userInitiated }) => {
    if (event !== 'SIGNED_OUT') return;
    const { pathname, search } = router.state.location;
    if (pathname === paths.signIn) return;
    // A customer's review link needs no session: a staff session ending in the same browser
    // must not swap their page for sign-in (nor put the link's token into a redirectTo).
    if (matchPath(paths.reviewLink, pathname)) return;
    // A deliberate sign-out starts the next person fresh; an expired session brings the same
    // person back to the page they were on.
    void router.navigate(userInitiated ? paths.signIn : signInPath(pathname + search), {
      replace: true,
    });
  });
}
