// The JWT stage's cache of verified tokens (PostgREST keeps one too, keyed by token).
import { CLOCK_SKEW_SECONDS, verifyJwt, type JwtClaims } from '../jwt';

// Verified tokens, so a client's repeated requests pay for the HMAC once. A hit is only reused
// while its `exp` (with PostgREST's 30 s skew) has not passed; a token that failed is never kept.
const verified = new Map<string, JwtClaims>();
const VERIFIED_MAX = 1000;

export function verifiedClaims(token: string, secret: string): JwtClaims {
  const hit = verified.get(token + '\n' + secret);
  if (hit && (typeof hit.exp !== 'number' || Date.now() / 1000 - CLOCK_SKEW_SECONDS <= hit.exp)) {
    return hit;
  }
  const claims = verifyJwt(token, secret);
  if (verified.size >= VERIFIED_MAX) verified.clear();
  verified.set(token + '\n' + secret, claims);
  return claims;
}
