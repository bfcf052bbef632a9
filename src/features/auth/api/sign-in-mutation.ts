// Signing in with email and password (GoTrue's password grant through supabase-js).
import { useMutation } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';

export type SignInVariables = { email: string; password: string };

export async function signIn({ email, password }: SignInVariables) {
  const { data, error } = await supabase.auth.signInWithPassword({
    email: email.trim(),
    password,
  });
  if (error) throw toAppError(error);
  return data.session;
}

export function useSignInMutation() {
  return useMutation({
    mutationFn: signIn,
    // The form shows the sentence beside the fields, where the person is looking.
    meta: { errorShownInline: true },
  });
}
