// Passwords as GoTrue keeps them: bcrypt hashes in auth.users.encrypted_password (cost 10, Go's
// bcrypt.DefaultCost; `$2a$` hashes written by seeds with pgcrypto's crypt(pw, gen_salt('bf'))
// verify the same way), the 72-byte bcrypt limit, and the minimum length check.
import { randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { AuthHttpError, badRequest } from './errors';

const BCRYPT_COST = 10;
/** The Supabase CLI's default `[auth] minimum_password_length`. */
export const MIN_PASSWORD_LENGTH = 6;

/** A hash of a password nobody knows: compared against when the user does not exist, so a
 * wrong email takes as long as a wrong password and the timing tells nothing either. */
const DECOY_HASH = bcrypt.hashSync(randomBytes(16).toString('hex'), BCRYPT_COST);

export async function hashPassword(password: string): Promise<string> {
  if (Buffer.byteLength(password, 'utf8') > 72) {
    throw badRequest('validation_failed', 'bcrypt: password length exceeds 72 bytes');
  }
  return bcrypt.hash(password, BCRYPT_COST);
}

/** True when `password` matches `hash`; a missing or malformed hash never matches. */
export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  if (!hash || !/^\$2[abxy]\$\d\d\$/.test(hash)) {
    await bcrypt.compare(password, DECOY_HASH);
    return false;
  }
  try {
    return await bcrypt.compare(password, hash);
  } catch {
    return false;
  }
}

/** GoTrue's checkPasswordStrength with the CLI defaults: a length floor, no character rules. */
export function checkPasswordStrength(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new WeakPasswordError(`Password should be at least ${MIN_PASSWORD_LENGTH} characters.`, [
      'length',
    ]);
  }
}

/** GoTrue answers weak passwords with 422 `weak_password` and the reasons. */
export class WeakPasswordError extends AuthHttpError {
  constructor(
    message: string,
    readonly reasons: string[],
  ) {
    super(422, 'weak_password', message, { weak_password: { reasons } });
  }
}

/** A random password for admin-created users given none (GoTrue generates 64 characters). */
export function randomPassword(): string {
  return randomBytes(48).toString('base64url');
}

export function isBcryptHash(hash: string): boolean {
  return /^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/.test(hash);
}
