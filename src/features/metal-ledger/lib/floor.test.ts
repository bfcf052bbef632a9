import { describe, expect, it } from 'vitest';
import { floorTotals } from './floor';

const holdings = [
  { metal: 'platinum', held_by: 'a', held_by_name: 'Tomás', grams: 13.1, open_steps: 2 },
  { metal: 'gold_14k_rose', held_by: 'a', held_by_name: 'Tomás', grams: 6, open_steps: 1 },
  { metal: 'gold_14k_rose', held_by: 'b', held_by_name: 'Helena', grams: 4.2, open_steps: 1 },
];

describe('floorTotals', () => {
  it('sums the metal out per alloy, heaviest first', () => {
    expect(floorTotals(holdings, 'metal', (k) => k.toUpperCase())).toEqual([
      { key: 'platinum', label: 'PLATINUM', grams: 13.1, openSteps: 2 },
      { key: 'gold_14k_rose', label: 'GOLD_14K_ROSE', grams: 10.2, openSteps: 2 },
    ]);
  });

  it('sums the metal out per person across alloys', () => {
    expect(floorTotals(holdings, 'person')).toEqual([
      { key: 'a', label: 'Tomás', grams: 19.1, openSteps: 3 },
      { key: 'b', label: 'Helena', grams: 4.2, openSteps: 1 },
    ]);
  });
});
