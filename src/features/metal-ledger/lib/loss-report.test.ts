import { describe, expect, it } from 'vitest';
import { lossTotals, weeklyLossSeries, type LossRow } from './loss-report';

const row = (over: Partial<LossRow>): LossRow => ({
  week: '2026-11-02',
  step: 'casting',
  metal: 'platinum',
  person_id: 'a',
  person_name: 'Tomás',
  closed_steps: 1,
  issued_grams: 10,
  loss_grams: 0.5,
  flagged_steps: 0,
  ...over,
});

describe('loss report pivots', () => {
  const rows = [
    row({}),
    row({ step: 'polishing', issued_grams: 8, loss_grams: 0.16, flagged_steps: 1 }),
    row({
      week: '2026-11-09',
      metal: 'gold_18k_yellow',
      issued_grams: 20,
      loss_grams: 1.1,
      person_id: 'b',
      person_name: 'Helena',
    }),
  ];

  it('totals by step in workshop order, with loss % of what was issued', () => {
    expect(lossTotals(rows, 'step')).toEqual([
      {
        key: 'casting',
        label: 'Casting',
        closedSteps: 2,
        issuedGrams: 30,
        lossGrams: 1.6,
        lossPct: 5.33,
        flaggedSteps: 0,
      },
      {
        key: 'polishing',
        label: 'Polishing',
        closedSteps: 1,
        issuedGrams: 8,
        lossGrams: 0.16,
        lossPct: 2,
        flaggedSteps: 1,
      },
    ]);
  });

  it('totals by person, heaviest loss first', () => {
    const t = lossTotals(rows, 'person');
    expect(t.map((x) => [x.label, x.lossGrams])).toEqual([
      ['Helena', 1.1],
      ['Tomás', 0.66],
    ]);
  });

  it('gives a weekly loss % per metal, with gaps where nothing closed', () => {
    const s = weeklyLossSeries(rows, 'metal');
    expect(s.keys.sort()).toEqual(['gold_18k_yellow', 'platinum']);
    expect(s.weeks).toEqual([
      { week: '2026-11-02', platinum: 3.67 },
      { week: '2026-11-09', gold_18k_yellow: 5.5 },
    ]);
  });
});
