// Signing out: ends this device's session on the server (GoTrue logout, scope "local") and
// forgets it here. The SIGNED_OUT event then takes the app back to the sign-in page.
import { useMutation } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import { noteSignOutRequested } from './auth-session';

export async function signOut(): Promise<void> {
  noteSignOutRequested();
  // "local": a tablet shared on the workshop floor signs out without ending the same person's
  // sessions on other devices.
  const { error } = await supabase.auth.signOut({ scope: 'local' });
  if (error) throw toAppError(error);
}

export function useSignOutMutation() {
  return useMutation({ mutationFn: signOut });
}
