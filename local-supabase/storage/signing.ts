// Signed URL tokens as Supabase Storage issues them: a JWT signed with the project's JWT
// secret holding the `<bucket>/<key>` it grants, its scope (download or upload) and `exp`;
// verified on use, with the exact object path and scope checked and no clock skew allowed.
import { JwtError, signJwt, verifyJwt, type JwtClaims } from '../jwt';
import { ERRORS } from './errors';

export const SCOPE_DOWNLOAD = 'download';
export const SCOPE_UPLOAD = 'upload';

/** Signed upload URLs live two hours, as on Supabase (uploadSignedUrlExpirationTime). */
export const UPLOAD_URL_EXPIRY_SECONDS = 2 * 60 * 60;

/** Supabase's assertValidNumericJWTExpiration: a positive whole number of seconds. */
export function mustBeValidExpiry(expiresIn: unknown): number {
  if (
    typeof expiresIn !== 'number' ||
    !Number.isFinite(expiresIn) ||
    expiresIn < 1 ||
    expiresIn > 2 ** 31
  ) {
    throw ERRORS.InvalidParameter('expiresIn', 'expiresIn must be a positive number of seconds');
  }
  return Math.floor(expiresIn);
}

export function signUrlToken(
  secret: string,
  claims: { url: string; scope: string; owner?: string; upsert?: boolean },
  expiresIn: number,
): string {
  const iat = Math.floor(Date.now() / 1000);
  return signJwt({ ...claims, iat, exp: iat + expiresIn }, secret);
}

export function verifyUrlToken(
  secret: string,
  token: unknown,
  expectedUrl: string,
  scope: string,
): JwtClaims & { url: string; owner?: string; upsert?: boolean } {
  if (typeof token !== 'string' || !token) throw ERRORS.InvalidSignature('Missing token');
  let claims: JwtClaims;
  try {
    claims = verifyJwt(token, secret);
  } catch (error) {
    throw ERRORS.InvalidJWT(
      error instanceof JwtError && error.kind === 'expired' ? 'jwt expired' : 'invalid signature',
    );
  }
  // The shared verifier tolerates 30 s of skew for API tokens; a URL's lifetime is exact.
  if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) {
    throw ERRORS.InvalidJWT('jwt expired');
  }
  if (claims.scope !== scope) throw ERRORS.InvalidSignature(`Token is not scoped for ${scope}`);
  if (claims.url !== expectedUrl) throw ERRORS.InvalidSignature();
  return claims as JwtClaims & { url: string; owner?: string; upsert?: boolean };
}
