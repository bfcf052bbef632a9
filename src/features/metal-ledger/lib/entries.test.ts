import { describe, expect, it } from 'vitest';
import { countingEntryIds } from './entries';

describe('countingEntryIds', () => {
  it('counts an uncorrected entry and only the latest correction of a corrected one', () => {
    const ids = countingEntryIds([
      { id: 'a', corrects_id: null, entry_no: 1 },
      { id: 'b', corrects_id: null, entry_no: 2 },
      { id: 'c', corrects_id: 'a', entry_no: 3 },
      { id: 'd', corrects_id: 'a', entry_no: 4 },
    ]);
    expect([...ids].sort()).toEqual(['b', 'd']);
  });
});
