// An order's customer links, newest first, with the state the database derives for each
// (public.review_link_list: revoked, decided, expired, opened or sent). No token is stored or
// read: only the hash exists, in a schema the API cannot reach.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Enums } from '../../../types/database';

export type ReviewLinkState = 'sent' | 'opened' | 'decided' | 'expired' | 'revoked';

export type ReviewLink = {
  id: string;
  orderId: string;
  kind: Enums<'review_link_kind'>;
  cadRound: number | null;
  showQuote: boolean;
  createdByName: string | null;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  openedAt: string | null;
  lastOpenedAt: string | null;
  decidedAt: string | null;
  decision: Enums<'review_decision'> | null;
  decisionNote: string | null;
  state: ReviewLinkState;
  roundOpen: boolean;
};

const STATES = new Set<string>(['sent', 'opened', 'decided', 'expired', 'revoked']);

export async function fetchReviewLinks(orderId: string): Promise<ReviewLink[]> {
  const { data, error } = await supabase
    .from('review_link_list')
    .select(
      'id, order_id, kind, cad_round, show_quote, created_by_name, created_at, expires_at, revoked_at, opened_at, last_opened_at, decided_at, decision, decision_note, state, round_open',
    )
    .eq('order_id', orderId)
    .order('created_at', { ascending: false });
  if (error) throw toAppError(error);
  // A view's columns are all nullable in the generated types; the table behind it is not.
  return data.map((r) => ({
    id: r.id!,
    orderId: r.order_id!,
    kind: r.kind!,
    cadRound: r.cad_round,
    showQuote: r.show_quote ?? false,
    createdByName: r.created_by_name,
    createdAt: r.created_at!,
    expiresAt: r.expires_at!,
    revokedAt: r.revoked_at,
    openedAt: r.opened_at,
    lastOpenedAt: r.last_opened_at,
    decidedAt: r.decided_at,
    decision: r.decision,
    decisionNote: r.decision_note,
    state: (STATES.has(r.state ?? '') ? r.state : 'sent') as ReviewLinkState,
    roundOpen: r.round_open ?? false,
  }));
}
