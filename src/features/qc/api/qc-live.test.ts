import { describe, expect, it } from 'vitest';
import type { Tables } from '../../../types/database';
import type { QcChecklist, QcItem } from './qc-checklist-query';
import { applyItemChange } from './qc-live';

const qcId = '0a5e1000-0000-4000-8000-000000000003';
const item: QcItem = {
  id: 'i1',
  position: 1,
  label: 'Final polish',
  required: true,
  needs_photo: false,
  result: 'pass',
  note: null,
  checked_at: '2026-11-23T10:00:00Z',
  checked_by: qcId,
  photo_attachment_id: null,
  checker: { display_name: 'Inès Laurent' },
  photo: null,
};
const checklist: QcChecklist = {
  order: { id: 'o1', code: 'LP-2026-0001', stage: 'qc', version: 3, has_certified_stones: false },
  runs: [
    {
      id: 'r1',
      attempt: 1,
      status: 'in_progress',
      started_at: '2026-11-23T09:00:00Z',
      finished_at: null,
      fail_reason: null,
      starter: null,
      items: [item],
    },
  ],
};
const row = (over: Partial<Tables<'qc_run_items'>>): Tables<'qc_run_items'> => ({
  id: 'i1',
  run_id: 'r1',
  template_item_id: null,
  position: 1,
  label: 'Final polish',
  required: true,
  needs_photo: false,
  result: 'pass',
  note: null,
  checked_at: item.checked_at,
  checked_by: qcId,
  photo_attachment_id: null,
  ...over,
});

describe('applyItemChange', () => {
  it('patches the item in place when the change carries everything shown', () => {
    const next = applyItemChange(checklist, row({ note: 'Mirror finish' }));
    expect(next?.runs[0]?.items[0]).toMatchObject({
      note: 'Mirror finish',
      checker: { display_name: 'Inès Laurent' },
    });
    const undone = applyItemChange(
      checklist,
      row({ result: 'pending', checked_by: null, checked_at: null }),
    );
    expect(undone?.runs[0]?.items[0]).toMatchObject({ result: 'pending', checker: null });
  });

  it('asks for a re-read when a new person or a new photo is involved', () => {
    expect(applyItemChange(checklist, row({ checked_by: 'someone-else' }))).toBeNull();
    expect(applyItemChange(checklist, row({ photo_attachment_id: 'photo-1' }))).toBeNull();
  });
});
