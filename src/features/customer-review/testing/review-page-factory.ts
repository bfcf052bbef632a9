// A valid review_page answer (the contract's shape) with overridable parts, for component tests.
import type { ReviewCad, ReviewPageOk } from '../api/review-page';

export function makeReviewCad(overrides: Partial<ReviewCad> = {}): ReviewCad {
  return {
    round: 0,
    tweaks_used: 0,
    tweaks_allowed: 2,
    can_decide: true,
    decision: null,
    decided_at: null,
    decision_note: null,
    files: [{ bucket: 'cad', path: 'order-1/render.png', name: 'render.png', kind: 'cad_render' }],
    ...overrides,
  };
}

export function makeReviewPage(overrides: Partial<ReviewPageOk> = {}): ReviewPageOk {
  return {
    status: 'ok',
    link: { kind: 'cad_review', expires_at: '2026-11-30T12:00:00Z' },
    house: { name: 'Loupe Fine Jewelry' },
    order: {
      code: 'LP-2026-0042',
      product: 'bespoke_ring',
      product_name: 'Oval solitaire',
      metal: 'platinum',
    },
    phase: 'cad',
    paused: false,
    phases: [
      { key: 'review', label: 'Review', state: 'done' },
      { key: 'confirmation', label: 'Confirmation', state: 'done' },
      { key: 'cad', label: 'Design (CAD)', state: 'current' },
      { key: 'production', label: 'Production', state: 'upcoming' },
      { key: 'quality_check', label: 'Quality check', state: 'upcoming' },
      { key: 'delivery', label: 'Delivery', state: 'upcoming' },
    ],
    current: {
      phase: 'cad',
      label: 'Design (CAD)',
      usually: 'usually 24–48 hours',
      expected_from: '2026-11-24',
      expected_to: '2026-11-25',
    },
    next_step: {
      phase: 'production',
      label: 'Production',
      usually: 'usually 10–14 business days',
      expected_from: '2026-12-04',
      expected_to: '2026-12-10',
    },
    tracking: null,
    cad: makeReviewCad(),
    quote: null,
    ...overrides,
  };
}
