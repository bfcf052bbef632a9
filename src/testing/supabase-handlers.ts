// MSW answers shaped like GoTrue's and PostgREST's, for component tests that mock the network
// on purpose (the real servers are exercised by the stack specs and the e2e test).
import { http, HttpResponse, delay } from 'msw';
import { env } from '../config/env';
import type { StaffProfile } from '../features/auth/api/staff-profile-query';

const auth = (path: string) => `${env.supabaseUrl}/auth/v1${path}`;
const rest = (path: string) => `${env.supabaseUrl}/rest/v1${path}`;

/** A GoTrue password-grant session for `profile` (the token is not verified by the client). */
export function fakeSession(profile: Pick<StaffProfile, 'id'>, email = 'someone@loupe.test') {
  const now = Math.floor(Date.now() / 1000);
  const payload = Buffer.from(
    JSON.stringify({ sub: profile.id, role: 'authenticated', exp: now + 3600, email }),
  ).toString('base64url');
  return {
    access_token: `eyJhbGciOiJIUzI1NiJ9.${payload}.signature`,
    token_type: 'bearer',
    expires_in: 3600,
    expires_at: now + 3600,
    refresh_token: 'refresh-token',
    user: {
      id: profile.id,
      aud: 'authenticated',
      role: 'authenticated',
      email,
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: {},
      created_at: new Date().toISOString(),
    },
  };
}

export const gotrue = {
  wrongPassword: () =>
    http.post(auth('/token'), () =>
      HttpResponse.json(
        { code: 400, error_code: 'invalid_credentials', msg: 'Invalid login credentials' },
        { status: 400 },
      ),
    ),
  signsIn: (profile: Pick<StaffProfile, 'id'>, wait = 0) =>
    http.post(auth('/token'), async () => {
      await delay(wait);
      return HttpResponse.json(fakeSession(profile));
    }),
  logout: () => http.post(auth('/logout'), () => new HttpResponse(null, { status: 204 })),
};

export const postgrest = {
  staffProfile: (profile: StaffProfile) =>
    http.get(rest('/staff'), ({ request }) => {
      const id = new URL(request.url).searchParams.get('id');
      return HttpResponse.json(id === `eq.${profile.id}` ? [profile] : []);
    }),
};
