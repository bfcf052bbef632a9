// The shape of what public.review_page and public.review_decide answer (jsonb; see the
// review-links contract), and a narrowing that turns anything else into a plain error rather
// than a half-rendered page. The database decides every value; the page only shows them.
import { AppError } from '../../../lib/errors';
import type { Enums } from '../../../types/database';

export type ReviewPhaseKey =
  'review' | 'confirmation' | 'cad' | 'production' | 'quality_check' | 'delivery';

export type ReviewStep = {
  phase: ReviewPhaseKey;
  label: string;
  /** "usually 10–14 business days" */
  usually: string;
  /** Dates (YYYY-MM-DD) in the house's time zone. */
  expected_from: string | null;
  expected_to: string | null;
};

export type ReviewDecision = 'approve' | 'tweak' | 'major_change';

export type ReviewFile = {
  bucket: string;
  path: string;
  name: string;
  kind: 'cad_render' | 'cad_file';
};

export type ReviewCad = {
  round: number;
  tweaks_used: number;
  tweaks_allowed: number;
  can_decide: boolean;
  decision: ReviewDecision | null;
  decided_at: string | null;
  decision_note: string | null;
  files: ReviewFile[];
};

export type ReviewPageOk = {
  status: 'ok';
  link: { kind: 'cad_review' | 'status'; expires_at: string };
  house: { name: string };
  order: {
    code: string;
    product: Enums<'product_base'>;
    product_name: string | null;
    metal: Enums<'metal'> | null;
  };
  phase: ReviewPhaseKey | 'delivered' | 'cancelled';
  paused: boolean;
  phases: { key: ReviewPhaseKey; label: string; state: 'done' | 'current' | 'upcoming' }[];
  current: ReviewStep | null;
  next_step: ReviewStep | null;
  tracking: {
    carrier: string | null;
    tracking_number: string;
    shipped_at: string | null;
    delivered_at: string | null;
  } | null;
  cad: ReviewCad | null;
  quote: { amount: string; currency: string } | null;
};

/** Wrong, expired, revoked and made-up tokens all get this one answer, by design. */
export type ReviewPageInvalid = { status: 'invalid' };

export type ReviewPage = ReviewPageOk | ReviewPageInvalid;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the parts the page relies on; an unexpected answer is an error, never a guess. */
export function toReviewPage(value: unknown): ReviewPage {
  if (isObject(value) && value.status === 'invalid') return { status: 'invalid' };
  if (
    isObject(value) &&
    value.status === 'ok' &&
    isObject(value.link) &&
    isObject(value.house) &&
    isObject(value.order) &&
    typeof value.order.code === 'string' &&
    Array.isArray(value.phases) &&
    (value.cad === null || (isObject(value.cad) && Array.isArray(value.cad.files)))
  ) {
    return value as unknown as ReviewPageOk;
  }
  throw new AppError('unexpected_answer', 'This page could not be shown. Try again in a moment.');
}
