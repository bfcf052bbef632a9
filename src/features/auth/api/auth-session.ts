// The signed-in session as the rest of the app sees it, fed only by
// supabase.auth.onAuthStateChange: route loaders read it (currentSession) and the router
// follows its changes (onAuthChange), through one subscription for the whole app.
import type { AuthChangeEvent, Session } from '@supabase/supabase-js';
import { supabase } from '../../../lib/supabase';

export type AuthChange = {
  event: AuthChangeEvent;
  session: Session | null;
  /** True when this tab's own sign-out button caused a SIGNED_OUT. */
  userInitiated: boolean;
};
type Listener = (change: AuthChange) => void;

let current: Session | null = null;
let known = false;
let resolveKnown: () => void = () => undefined;
const knownPromise = new Promise<void>((resolve) => {
  resolveKnown = resolve;
});
const listeners = new Set<Listener>();
let subscribed = false;
let signOutRequested = false;

function subscribe(): void {
  if (subscribed) return;
  subscribed = true;
  // supabase-js warns against awaiting other supabase calls inside this callback (it holds the
  // auth lock), so it only records the session and tells listeners.
  supabase.auth.onAuthStateChange((event, session) => {
    current = session;
    known = true;
    resolveKnown();
    const userInitiated = event === 'SIGNED_OUT' && signOutRequested;
    if (event === 'SIGNED_OUT') signOutRequested = false;
    for (const listener of listeners) listener({ event, session, userInitiated });
  });
}

/** The session once supabase-js has restored it from storage (INITIAL_SESSION). */
export async function currentSession(): Promise<Session | null> {
  subscribe();
  if (!known) await knownPromise;
  return current;
}

export function onAuthChange(listener: Listener): () => void {
  subscribe();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by the sign-out mutation just before it signs out, so listeners can tell the cases. */
export function noteSignOutRequested(): void {
  signOutRequested = true;
}
