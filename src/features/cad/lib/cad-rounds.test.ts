import { describe, expect, it } from 'vitest';
import {
  approveAvailability,
  groupCadRounds,
  sendAvailability,
  tweakAvailability,
  withCadType,
  type CadRevisionLike,
} from './cad-rounds';

const rev = (over: Partial<CadRevisionLike>): CadRevisionLike => ({
  id: crypto.randomUUID(),
  kind: 'initial',
  round: 0,
  note: null,
  created_at: '2026-11-01T10:00:00Z',
  ...over,
});

describe('groupCadRounds', () => {
  it('files each upload under the round that was open when it came in', () => {
    const revisions = [
      rev({ kind: 'initial', created_at: '2026-11-01T12:00:00Z' }),
      rev({ kind: 'tweak', round: 1, note: 'Thinner band', created_at: '2026-11-02T10:00:00Z' }),
    ];
    const files = [
      { id: 'a', uploaded_at: '2026-11-01T09:00:00Z' },
      { id: 'b', uploaded_at: '2026-11-02T15:00:00Z' },
    ];
    const rounds = groupCadRounds(revisions, files);
    expect(
      rounds.map((r) => [r.round, r.revision?.note ?? null, r.files.map((f) => f.id)]),
    ).toEqual([
      [0, null, ['a']],
      [1, 'Thinner band', ['b']],
    ]);
  });

  it('shows round 0 even before the first design is sent', () => {
    expect(groupCadRounds([], [])).toEqual([{ round: 0, revision: null, files: [] }]);
  });
});

describe('what the CAD buttons allow', () => {
  const withCustomer = { stage: 'cad', cad_state: 'with_customer' } as const;

  it('disables "Log tweak request" at 2/2 and says a further change is a major change', () => {
    expect(tweakAvailability(withCustomer, 1)).toEqual({ enabled: true });
    const capped = tweakAvailability(withCustomer, 2);
    expect(capped.enabled).toBe(false);
    expect(!capped.enabled && capped.reason).toMatch(
      /Both tweak rounds are used \(2\/2\).*major change/,
    );
  });

  it('asks to send the design before logging feedback or approving', () => {
    const drafting = { stage: 'cad', cad_state: 'drafting' } as const;
    expect(tweakAvailability(drafting, 0).enabled).toBe(false);
    expect(approveAvailability(drafting).enabled).toBe(false);
    expect(sendAvailability(drafting)).toEqual({ enabled: true });
    expect(sendAvailability(withCustomer).enabled).toBe(false);
  });

  it('names an untyped 3D file by its extension and leaves others alone', () => {
    expect(withCadType(new File(['solid'], 'ring.stl')).type).toBe('model/stl');
    expect(
      withCadType(new File(['x'], 'ring.3mf', { type: 'application/octet-stream' })).type,
    ).toBe('model/3mf');
    expect(withCadType(new File(['%PDF-'], 'plan.pdf', { type: 'application/pdf' })).type).toBe(
      'application/pdf',
    );
  });
});
