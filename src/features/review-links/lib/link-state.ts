// How a link's state and decision read in the workspace (the database derives the state).
import type { Enums } from '../../../types/database';
import type { ReviewLinkState } from '../api/review-links-query';

export const stateLabels: Record<ReviewLinkState, string> = {
  sent: 'Sent',
  opened: 'Opened',
  decided: 'Decided',
  expired: 'Expired',
  revoked: 'Revoked',
};

/** Colours at AA contrast on the light badge variant (theme darkens light-variant text). */
export const stateColors: Record<ReviewLinkState, string> = {
  sent: 'blue',
  opened: 'cyan',
  decided: 'loupe',
  expired: 'gray',
  revoked: 'gray',
};

export const decisionLabels: Record<Enums<'review_decision'>, string> = {
  approve: 'Approved the design',
  tweak: 'Asked for a minor tweak',
  major_change: 'Asked for a bigger change',
};

export function linkTitle(kind: Enums<'review_link_kind'>, cadRound: number | null): string {
  if (kind === 'status') return 'Status link';
  if (cadRound === null || cadRound === 0) return 'Design review · first design';
  return `Design review · after tweak ${cadRound}`;
}

/** A link can still be revoked while the customer could open it. */
export function isLive(state: ReviewLinkState): boolean {
  return state === 'sent' || state === 'opened' || state === 'decided';
}
