// Component-test helpers: render inside the app's real providers (theme, a fresh query client).
import type { ReactElement } from 'react';
import { cleanup, render } from '@testing-library/react';
import { afterEach } from 'vitest';
import { AppProvider } from '../app/provider';
import { createQueryClient } from '../lib/query-client';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => cleanup());

export function renderWithProviders(ui: ReactElement, queryClient = createQueryClient()) {
  return { queryClient, ...render(<AppProvider queryClient={queryClient}>{ui}</AppProvider>) };
}
