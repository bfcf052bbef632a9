// /sign-in's loader: someone already signed in (e.g. a bookmark to /sign-in) goes straight on.
import { redirect, type LoaderFunctionArgs } from 'react-router';
import { currentSession } from '../../features/auth/api/auth-session';
import { safeRedirectPath } from '../../config/paths';

export async function signInLoader({ request }: LoaderFunctionArgs) {
  if (await currentSession()) {
    throw redirect(safeRedirectPath(new URL(request.url).searchParams.get('redirectTo')));
  }
  return null;
}
