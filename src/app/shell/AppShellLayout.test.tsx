// The signed-in shell as staff see it: who is signed in, in which role, where they can go.
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { renderWithProviders } from '../../testing/render';
import type { StaffProfile } from '../../features/auth/api/staff-profile-query';
import { AppShellLayout } from './AppShellLayout';

function renderShell(profile: StaffProfile, onSignOut = vi.fn()) {
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: <AppShellLayout profile={profile} onSignOut={onSignOut} signingOut={false} />,
        children: [{ path: '*', element: <p>page body</p> }],
      },
    ],
    { initialEntries: ['/board'] },
  );
  renderWithProviders(<RouterProvider router={router} />);
  return { router, onSignOut, user: userEvent.setup() };
}

function renderShellFor(profile: StaffProfile) {
  const router = createMemoryRouter(
    [
      {
        path: '*',
        element: <AppShellLayout profile={profile} onSignOut={vi.fn()} signingOut={false} />,
      },
    ],
    { initialEntries: ['/board'] },
  );
  return renderWithProviders(<RouterProvider router={router} />);
}

const helena: StaffProfile = { id: 'm-1', display_name: 'Helena Park', role: 'manager' };
const amara: StaffProfile = { id: 'c-1', display_name: 'Amara Osei', role: 'concierge' };

describe('AppShellLayout', () => {
  it("shows the signed-in person's name and role in the header", () => {
    renderShell(amara);
    const header = screen.getByRole('banner');
    expect(within(header).getByText('Amara Osei')).toBeVisible();
    expect(within(header).getByText('Concierge stylist')).toBeVisible();
    expect(within(header).getByRole('button', { name: 'Sign out' })).toBeEnabled();
  });

  it('lists Board, Intake, Orders and Analytics, and marks the current page', () => {
    renderShell(amara);
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    const names = within(nav)
      .getAllByRole('link')
      .map((l) => l.textContent);
    expect(names).toEqual(['Board', 'Intake', 'Orders', 'Analytics']);
    expect(within(nav).getByRole('link', { name: 'Board' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('offers Settings to managers only', () => {
    renderShell(helena);
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Settings' })).toHaveAttribute(
      'href',
      '/settings',
    );
    expect(within(screen.getByRole('banner')).getByText('Manager')).toBeVisible();
  });

  it('offers Metal on the floor to the workshop and managers, not to stylists', () => {
    const tomas: StaffProfile = { id: 'w-1', display_name: 'Tomás Reyes', role: 'workshop' };
    const { unmount } = renderShellFor(tomas);
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Metal on the floor' })).toHaveAttribute(
      'href',
      '/floor-metal',
    );
    unmount();
    renderShell(amara);
    expect(screen.queryByRole('link', { name: 'Metal on the floor' })).toBeNull();
  });

  it('navigates with the links and signs out with the button', async () => {
    const { router, onSignOut, user } = renderShell(amara);
    await user.click(screen.getByRole('link', { name: 'Orders' }));
    expect(router.state.location.pathname).toBe('/orders');
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(onSignOut).toHaveBeenCalledTimes(1);
  });

  it('has a skip link and a burger that opens the navigation on small screens', async () => {
    const { user } = renderShell(amara);
    await user.tab();
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toHaveFocus();
    const burger = screen.getByRole('button', { name: 'Open navigation' });
    expect(burger).toHaveAttribute('aria-expanded', 'false');
    await user.click(burger);
    expect(screen.getByRole('button', { name: 'Close navigation' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
  });
});
