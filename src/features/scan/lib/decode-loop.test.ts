import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startDecodeLoop } from './decode-loop';

function fakeDocument() {
  const listeners = new Set<() => void>();
  return {
    visibilityState: 'visible' as DocumentVisibilityState,
    addEventListener: (_: string, fn: () => void) => listeners.add(fn),
    removeEventListener: (_: string, fn: () => void) => listeners.delete(fn),
    set(state: DocumentVisibilityState) {
      this.visibilityState = state;
      listeners.forEach((fn) => fn());
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the camera decode loop', () => {
  it('decodes about ten frames a second, not as fast as it can', async () => {
    const doc = fakeDocument();
    const detect = vi.fn(async () => []);
    const loop = startDecodeLoop({ detect, onCodes: () => {}, doc: doc as unknown as Document });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(loop.decodes()).toBeGreaterThanOrEqual(10);
    expect(loop.decodes()).toBeLessThanOrEqual(11);
    loop.stop();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(detect.mock.calls.length).toBeLessThanOrEqual(11);
  });

  it('pauses while the tab is hidden and resumes when it is back', async () => {
    const doc = fakeDocument();
    const loop = startDecodeLoop({
      detect: async () => [],
      onCodes: () => {},
      doc: doc as unknown as Document,
    });
    await vi.advanceTimersByTimeAsync(500);
    const before = loop.decodes();
    doc.set('hidden');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(loop.decodes()).toBe(before);
    doc.set('visible');
    await vi.advanceTimersByTimeAsync(500);
    expect(loop.decodes()).toBeGreaterThan(before + 3);
    loop.stop();
  });

  it('hands over what it reads and survives a failed frame', async () => {
    const doc = fakeDocument();
    const seen: string[][] = [];
    const errors: unknown[] = [];
    let n = 0;
    const loop = startDecodeLoop({
      detect: async () => {
        n += 1;
        if (n === 1) throw new Error('frame not ready');
        return n === 3 ? ['https://loupe.example.com/o/LP-2026-0042'] : [];
      },
      onCodes: (codes) => seen.push(codes),
      onError: (e) => errors.push(e),
      doc: doc as unknown as Document,
    });
    await vi.advanceTimersByTimeAsync(450);
    loop.stop();
    expect(errors).toHaveLength(1);
    expect(seen).toEqual([['https://loupe.example.com/o/LP-2026-0042']]);
  });
});
