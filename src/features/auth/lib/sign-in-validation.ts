// What the sign-in form checks before asking the server: both fields present, email shaped
// like an email. The server still decides whether the pair is right.
export type SignInValues = { email: string; password: string };
export type SignInErrors = Partial<Record<keyof SignInValues, string>>;

// Deliberately loose (something@something.something): the server is the real judge.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateSignIn(values: SignInValues): SignInErrors {
  const errors: SignInErrors = {};
  const email = values.email.trim();
  if (email === '') errors.email = 'Enter your email';
  else if (!EMAIL_SHAPE.test(email)) errors.email = 'Enter an email like name@loupe.test';
  if (values.password === '') errors.password = 'Enter your password';
  return errors;
}

export function hasErrors(errors: SignInErrors): boolean {
  return Object.values(errors).some(Boolean);
}
