// The sign-in form: email and password with labels, a busy button while GoTrue answers, and
// the refusal in plain words right above the fields.
import { useState, type FormEvent } from 'react';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { toAppError } from '../../../lib/errors';
import { useSignInMutation } from '../api/sign-in-mutation';
import {
  hasErrors,
  validateSignIn,
  type SignInErrors,
  type SignInValues,
} from '../lib/sign-in-validation';

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const [values, setValues] = useState<SignInValues>({ email: '', password: '' });
  const [errors, setErrors] = useState<SignInErrors>({});
  const signIn = useSignInMutation();

  const update = (field: keyof SignInValues) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    // Clear a field's complaint as soon as the person edits it.
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateSignIn(values);
    setErrors(found);
    if (hasErrors(found)) return;
    signIn.mutate(values, { onSuccess: () => onSignedIn() });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Sign in">
      <Stack gap="md">
        {signIn.error && (
          <Alert
            role="alert"
            color="red"
            variant="light"
            title="Could not sign in"
            icon={<IconAlertCircle aria-hidden />}
          >
            {toAppError(signIn.error).message}
          </Alert>
        )}
        <TextInput
          label="Email"
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          value={values.email}
          onChange={(e) => update('email')(e.currentTarget.value)}
          error={errors.email}
          disabled={signIn.isPending}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          value={values.password}
          onChange={(e) => update('password')(e.currentTarget.value)}
          error={errors.password}
          disabled={signIn.isPending}
        />
        <Button type="submit" loading={signIn.isPending} fullWidth size="md">
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
