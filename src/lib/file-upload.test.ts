import { describe, expect, it } from 'vitest';
import { isResumable, safeObjectName } from './file-upload';

const MB = 1024 * 1024;

describe('isResumable', () => {
  it('sends videos and anything over 6 MB over TUS, as Supabase advises', () => {
    expect(isResumable({ size: 100 }, 'video/webm')).toBe(true);
    expect(isResumable({ size: 6 * MB + 1 }, 'image/jpeg')).toBe(true);
    expect(isResumable({ size: 6 * MB }, 'application/pdf')).toBe(false);
  });
});

describe('safeObjectName', () => {
  it('keeps a readable storage key from a person’s file name', () => {
    expect(safeObjectName('GIA report #2141438171 (final).pdf')).toBe(
      'GIA-report-2141438171-final.pdf',
    );
    expect(safeObjectName('Crème brûlée ring.HEIC')).toBe('Creme-brulee-ring.HEIC');
    expect(safeObjectName('../../etc/passwd')).toBe('etc-passwd');
    expect(safeObjectName('???')).toBe('file');
  });
});
