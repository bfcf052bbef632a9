// The banner staff see when the server goes away and comes back, announced politely.
import { afterEach, describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import { renderWithProviders } from '../../testing/render';
import { connection } from '../../lib/connection';
import { ConnectionBanner } from './ConnectionBanner';

afterEach(() => {
  for (const source of connection.downSources()) connection.report(source, true);
});

describe('ConnectionBanner', () => {
  it('says it is reconnecting while the server is away, then that it is catching up', () => {
    renderWithProviders(<ConnectionBanner />);
    const region = screen.getByRole('status');
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toHaveTextContent('');

    act(() => connection.report('realtime', false));
    expect(region).toHaveTextContent('Reconnecting to the workshop server…');

    act(() => connection.report('realtime', true));
    expect(region).toHaveTextContent('Back online — catching up');
    expect(region).not.toHaveTextContent('Reconnecting');
  });
});
