// The CAD rounds as the workspace shows them, and which CAD acts make sense right now. The tweak
// cap itself is enforced in Postgres (cad_revisions trigger, LP030); this explains it before
// anyone clicks, and the database's sentence is shown if it refuses anyway.
import type { Enums } from '../../../types/database';

export const TWEAK_ROUNDS_MAX = 2;

export type CadRevisionLike = {
  id: string;
  kind: Enums<'cad_revision_kind'>;
  round: number;
  note: string | null;
  created_at: string;
};

export type CadFileLike = { id: string; uploaded_at: string };

export type CadRound<R extends CadRevisionLike, F extends CadFileLike> = {
  round: number;
  /** The first design (round 0) or the tweak request that opened this round. */
  revision: R | null;
  files: F[];
};

/**
 * Files belong to the round that was open when they were uploaded: round 0 until the first
 * tweak request, round 1 after it, and so on (the designer answers a request with new files).
 */
export function groupCadRounds<R extends CadRevisionLike, F extends CadFileLike>(
  revisions: R[],
  files: F[],
): Array<CadRound<R, F>> {
  const tweaks = revisions.filter((r) => r.kind === 'tweak').sort((a, b) => a.round - b.round);
  const rounds: Array<CadRound<R, F>> = [
    { round: 0, revision: revisions.find((r) => r.kind === 'initial') ?? null, files: [] },
    ...tweaks.map((t) => ({ round: t.round, revision: t, files: [] as F[] })),
  ];
  for (const file of [...files].sort((a, b) => a.uploaded_at.localeCompare(b.uploaded_at))) {
    const at = Date.parse(file.uploaded_at);
    const open = tweaks.filter((t) => Date.parse(t.created_at) <= at).length;
    rounds[Math.min(open, rounds.length - 1)]!.files.push(file);
  }
  return rounds;
}

export type CadOrderState = {
  stage: Enums<'order_stage'>;
  cad_state: Enums<'cad_state'> | null;
};

export type Availability = { enabled: true } | { enabled: false; reason: string };

const notInCad: Availability = {
  enabled: false,
  reason: 'The order is not in CAD, so its design cannot change now.',
};

export function tweakAvailability(order: CadOrderState, roundsUsed: number): Availability {
  if (roundsUsed >= TWEAK_ROUNDS_MAX) {
    return {
      enabled: false,
      reason: `Both tweak rounds are used (${roundsUsed}/${TWEAK_ROUNDS_MAX}). Any further change is a major change: re-quote it with the customer first.`,
    };
  }
  if (order.stage !== 'cad') return notInCad;
  if (order.cad_state !== 'with_customer') {
    return {
      enabled: false,
      reason: 'Feedback is logged while the design is with the customer: send it to them first.',
    };
  }
  return { enabled: true };
}

export function sendAvailability(order: CadOrderState): Availability {
  if (order.stage !== 'cad') return notInCad;
  if (order.cad_state === 'with_customer') {
    return { enabled: false, reason: 'The design is with the customer, waiting for their answer.' };
  }
  if (order.cad_state === 'approved') {
    return { enabled: false, reason: 'The customer has approved the design.' };
  }
  return { enabled: true };
}

export function approveAvailability(order: CadOrderState): Availability {
  if (order.stage !== 'cad') return notInCad;
  if (order.cad_state === 'approved') {
    return { enabled: false, reason: 'The customer has approved the design.' };
  }
  if (order.cad_state !== 'with_customer') {
    return {
      enabled: false,
      reason: 'The customer approves a design once it has been sent to them.',
    };
  }
  return { enabled: true };
}

export function majorChangeAvailability(order: CadOrderState): Availability {
  if (order.stage !== 'cad') return notInCad;
  return { enabled: true };
}

/** The file kind a CAD upload is filed as: images and PDFs are renders, the rest CAD files. */
export function cadFileKind(mimeType: string): 'cad_render' | 'cad_file' {
  return mimeType.startsWith('image/') || mimeType === 'application/pdf'
    ? 'cad_render'
    : 'cad_file';
}

// 3D formats the cad bucket accepts, which browsers rarely type themselves.
const modelTypes: Record<string, string> = {
  stl: 'model/stl',
  obj: 'model/obj',
  '3mf': 'model/3mf',
};

/**
 * The file with a type the bucket knows: a .stl/.obj/.3mf that the browser left untyped (or
 * typed as a generic binary) is named by its extension; anything else is left as it is for the
 * shared checks to judge.
 */
export function withCadType(file: File): File {
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  const model = modelTypes[ext];
  if (!model || (file.type && file.type !== 'application/octet-stream')) return file;
  return new File([file], file.name, { type: model, lastModified: file.lastModified });
}
