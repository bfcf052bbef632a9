// The sign-in form's own checks, before anything is sent.
import { describe, expect, it } from 'vitest';
import { hasErrors, validateSignIn } from './sign-in-validation';

describe('validateSignIn', () => {
  it('asks for both fields when empty', () => {
    expect(validateSignIn({ email: ' ', password: '' })).toEqual({
      email: 'Enter your email',
      password: 'Enter your password',
    });
  });

  it('rejects something that is not an email', () => {
    expect(validateSignIn({ email: 'helena', password: 'x' }).email).toMatch(/email like/);
  });

  it('accepts a well-formed pair, with surrounding spaces in the email', () => {
    const errors = validateSignIn({ email: ' manager@loupe.test ', password: 'x' });
    expect(errors).toEqual({});
    expect(hasErrors(errors)).toBe(false);
  });
});
