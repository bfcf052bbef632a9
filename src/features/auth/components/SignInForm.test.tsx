// The sign-in form as a person uses it: labelled fields, its own checks, the server's refusal
// in plain words, and a busy button while waiting.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { renderWithProviders } from '../../../testing/render';
import { gotrue } from '../../../testing/supabase-handlers';
import { supabase } from '../../../lib/supabase';
import { SignInForm } from './SignInForm';

const server = setupServer(gotrue.logout());
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  server.resetHandlers();
  await supabase.auth.signOut({ scope: 'local' });
  localStorage.clear();
});
afterAll(() => server.close());

const concierge = { id: '0a5e1000-0000-4000-8000-000000000001' };

function setup() {
  const onSignedIn = vi.fn();
  renderWithProviders(<SignInForm onSignedIn={onSignedIn} />);
  return { onSignedIn, user: userEvent.setup() };
}

describe('SignInForm', () => {
  it('asks for the email and password before sending anything', async () => {
    const requests: string[] = [];
    server.events.on('request:start', ({ request }) => void requests.push(request.url));
    const { user, onSignedIn } = setup();

    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(screen.getByText('Enter your email')).toBeVisible();
    expect(screen.getByText('Enter your password')).toBeVisible();
    expect(screen.getByLabelText(/Email/)).toHaveAttribute('aria-invalid', 'true');
    expect(requests).toEqual([]);
    expect(onSignedIn).not.toHaveBeenCalled();
    server.events.removeAllListeners();
  });

  it('says "Email or password is wrong." when GoTrue refuses the pair', async () => {
    server.use(gotrue.wrongPassword());
    const { user, onSignedIn } = setup();

    await user.type(screen.getByLabelText(/Email/), 'concierge@loupe.test');
    await user.type(screen.getByLabelText(/Password/), 'not-the-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Email or password is wrong.');
    expect(alert).not.toHaveTextContent(/invalid login credentials/i);
    expect(onSignedIn).not.toHaveBeenCalled();
    // What was typed is kept, so a typo can be fixed without retyping everything.
    expect(screen.getByLabelText(/Email/)).toHaveValue('concierge@loupe.test');
  });

  it('shows the button as busy while signing in, then hands over', async () => {
    server.use(gotrue.signsIn(concierge, 150));
    const { user, onSignedIn } = setup();

    await user.type(screen.getByLabelText(/Email/), '  concierge@loupe.test ');
    await user.type(screen.getByLabelText(/Password/), 'loupe-demo-2026');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(screen.getByRole('button', { name: /Sign in/ })).toBeDisabled());
    expect(screen.getByLabelText(/Email/)).toBeDisabled();
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
