import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { runningClocks, useNow } from './use-now';

function Clock({ label }: { label: string }) {
  const now = useNow();
  return <span data-testid={label}>{now}</span>;
}

describe('the shared countdown clock', () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('runs one interval for every reader, ticks them together each second, and stops after the last', () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2026-11-23T09:00:00Z'));
    const view = render(
      <>
        <Clock label="a" />
        <Clock label="b" />
        <Clock label="c" />
      </>,
    );
    expect(runningClocks()).toBe(1);
    const start = Number(screen.getByTestId('a').textContent);
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    const ticked = ['a', 'b', 'c'].map((l) => Number(screen.getByTestId(l).textContent));
    expect(ticked).toEqual([start + 1000, start + 1000, start + 1000]);
    view.unmount();
    expect(runningClocks()).toBe(0);
  });
});
