// The route guards with the real router and supabase-js (network mocked with MSW): who may
// open which page, and where sign-in sends a person afterwards.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { onlineManager } from '@tanstack/react-query';
import { renderWithProviders } from '../testing/render';
import { gotrue, postgrest } from '../testing/supabase-handlers';
import { createQueryClient } from '../lib/query-client';
import { supabase } from '../lib/supabase';
import { connection } from '../lib/connection';
import { createRoutes } from './router';
import { syncAuthWithRouter } from './auth-sync';

// The intake page stands in for any lazy page whose render throws (a bug in one page): the
// route table is the real one, only this page module is replaced. No other test here opens it.
const intakePage = vi.hoisted(() => ({ broken: true }));
vi.mock('./routes/intake', () => ({
  Component: () => {
    if (intakePage.broken) throw new Error('Cannot read properties of undefined (reading "stage")');
    return <h1>Intake works again</h1>;
  },
}));

vi.setConfig({ testTimeout: 30_000 });
const server = setupServer(gotrue.logout());
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
// The router loads sign-in, the shell and every page lazily; transformed on first use here, that
// can take seconds on a busy machine. Loading them once up front keeps each test's waits about
// what the app does, not about the test runner compiling a chunk.
beforeAll(async () => {
  // Each screen here waits on a loader, a lazy module and MSW: more than the 1 s default when the
  // machine is busy (measured: 1–4 s with a dozen test processes beside it).
  configure({ asyncUtilTimeout: 8_000 });
  await Promise.all([
    import('./routes/sign-in'),
    import('./routes/shell'),
    import('./routes/board'),
    import('./routes/board-loader'),
    import('./routes/orders'),
    import('./routes/analytics-loader'),
    import('./routes/settings'),
  ]);
}, 120_000);
afterEach(async () => {
  server.resetHandlers();
  // Pages here read things no handler answers and open a socket nobody serves, which marks the
  // app's one connection store down and TanStack's onlineManager offline (it stays so after the
  // shell unmounts): the next test starts with a reachable server, as a fresh page load would.
  connection.report('server', true);
  connection.report('realtime', true);
  onlineManager.setOnline(true);
  await supabase.auth.signOut({ scope: 'local' });
  localStorage.clear();
});
afterAll(() => server.close());

const amara = {
  id: '0a5e1000-0000-4000-8000-000000000001',
  display_name: 'Amara Osei',
  role: 'concierge' as const,
};

function renderApp(path: string) {
  const queryClient = createQueryClient();
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [path] });
  const stop = syncAuthWithRouter(router);
  // The same client for loaders and components, as in main.tsx.
  renderWithProviders(<RouterProvider router={router} />, queryClient);
  return { router, stop, user: userEvent.setup() };
}

describe('routing by session and role', () => {
  it('sends a visitor without a session to sign-in, then back to the page they wanted', async () => {
    server.use(gotrue.signsIn(amara), postgrest.staffProfile(amara));
    const { router, stop, user } = renderApp('/orders');

    await screen.findByRole('button', { name: 'Sign in' });
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('?redirectTo=%2Forders');

    await user.type(screen.getByLabelText(/Email/), 'concierge@loupe.test');
    await user.type(screen.getByLabelText(/Password/), 'loupe-demo-2026');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    // The page is a lazy route: its chunk loads first (slow on a busy machine).
    await screen.findByRole('heading', { name: 'Orders' }, { timeout: 10_000 });
    expect(router.state.location.pathname).toBe('/orders');
    expect(screen.getByText('Amara Osei')).toBeVisible();
    stop();
    // Sign-in, the shell and the page are three lazy chunks, transformed on first use here.
  }, 20_000);

  it('tells a concierge that settings are for managers', async () => {
    server.use(gotrue.signsIn(amara), postgrest.staffProfile(amara));
    await supabase.auth.signInWithPassword({ email: 'concierge@loupe.test', password: 'x' });
    const { stop } = renderApp('/settings');

    expect(await screen.findByText('Only managers can open settings.')).toBeVisible();
    // Still inside the shell: the navigation remains usable.
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
    stop();
  });

  it('returns to sign-in when the person signs out', async () => {
    server.use(gotrue.signsIn(amara), postgrest.staffProfile(amara));
    await supabase.auth.signInWithPassword({ email: 'concierge@loupe.test', password: 'x' });
    const profileReads: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.url.includes('/rest/v1/staff')) profileReads.push(request.url);
    });
    const { router, stop, user } = renderApp('/board');

    await user.click(await screen.findByRole('button', { name: 'Sign out' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    // The shell read the profile once; signing out did not make it read again without a session.
    expect(profileReads).toHaveLength(1);
    server.events.removeAllListeners();
    // A deliberate sign-out does not carry the page along for the next person.
    expect(router.state.location.search).toBe('');
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeVisible();
    stop();
  });

  it('explains a login that has no staff profile instead of showing a broken shell', async () => {
    server.use(gotrue.signsIn(amara), postgrest.staffProfile({ ...amara, id: 'someone-else' }));
    await supabase.auth.signInWithPassword({ email: 'concierge@loupe.test', password: 'x' });
    renderApp('/board');

    expect(await screen.findByText(/no staff profile yet/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeVisible();
  });

  it('shows a page that throws while rendering as a plain problem inside the shell, with a retry', async () => {
    server.use(gotrue.signsIn(amara), postgrest.staffProfile(amara));
    await supabase.auth.signInWithPassword({ email: 'concierge@loupe.test', password: 'x' });
    intakePage.broken = true;
    const { router, stop, user } = renderApp('/intake');

    expect(
      await screen.findByRole('heading', { name: 'This page hit a problem' }, { timeout: 10_000 }),
    ).toBeVisible();
    // No stack trace for the person; the shell around the page is still there and works.
    expect(screen.queryByText(/Cannot read properties/)).not.toBeInTheDocument();
    expect(screen.getByText('Amara Osei')).toBeVisible();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(nav).toBeVisible();

    // The navigation leads on from a broken page...
    await user.click(within(nav).getByRole('link', { name: 'Analytics' }));
    expect(
      await screen.findByText('Only managers can open analytics.', {}, { timeout: 10_000 }),
    ).toBeVisible();
    expect(router.state.location.pathname).toBe('/analytics');
    await user.click(within(nav).getByRole('link', { name: 'Intake' }));
    expect(await screen.findByRole('heading', { name: 'This page hit a problem' })).toBeVisible();

    // ...and once the fault is gone, "Try again" renders the page afresh, without a reload.
    intakePage.broken = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Intake works again' })).toBeVisible();
    stop();
  }, 20_000);
});
