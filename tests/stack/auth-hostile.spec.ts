// Malformed and hostile requests to /auth/v1 get a 4xx in GoTrue's error shape: never a 500,
// never SQL or a stack trace, and nobody gets in.
import { describe, expect, it } from 'vitest';
import { signJwt } from '../../local-supabase/jwt';
import { targets } from './support/clients';
import { authFetch, createStaff, jwtPayload, signIn } from './support/auth-factory';

type Probe = {
  name: string;
  path: string;
  method?: string;
  body?: unknown;
  raw?: string;
  auth?: 'service' | 'user' | string;
};

const deep = (levels: number): unknown => (levels === 0 ? 'gem' : { d: deep(levels - 1) });

describe.each(targets())('hostile requests to auth on $engine', (t) => {
  it('each gets a clean 4xx, without SQL text, and signs nobody in', async () => {
    const staff = await createStaff(t, 'target');
    const { session } = await signIn(t, staff);
    const claims = jwtPayload(session.access_token);
    const none = (payload: object) =>
      `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;
    const probes: Probe[] = [
      {
        name: 'operator object as email',
        path: '/token?grant_type=password',
        method: 'POST',
        body: { email: { $ne: null }, password: 'x' },
      },
      {
        name: 'SQL in email',
        path: '/token?grant_type=password',
        method: 'POST',
        body: { email: "' or 1=1 --", password: 'x' },
      },
      {
        name: 'SQL in email 2',
        path: '/token?grant_type=password',
        method: 'POST',
        body: { email: `${staff.email}' --`, password: 'x' },
      },
      {
        name: 'NUL in email',
        path: '/token?grant_type=password',
        method: 'POST',
        body: { email: 'a\u0000@b.test', password: 'x' },
      },
      {
        name: 'huge password',
        path: '/token?grant_type=password',
        method: 'POST',
        body: { email: staff.email, password: 'p'.repeat(200_000) },
      },
      {
        name: 'both email and phone',
        path: '/token?grant_type=password',
        method: 'POST',
        body: { email: staff.email, phone: '15550100', password: 'x' },
      },
      { name: 'no credentials', path: '/token?grant_type=password', method: 'POST', body: {} },
      { name: 'array body', path: '/token?grant_type=password', method: 'POST', raw: '[1,2]' },
      { name: 'null body', path: '/token?grant_type=password', method: 'POST', raw: 'null' },
      {
        name: 'truncated JSON',
        path: '/token?grant_type=password',
        method: 'POST',
        raw: '{"email":',
      },
      {
        name: 'deeply nested JSON',
        path: '/token?grant_type=password',
        method: 'POST',
        raw: '['.repeat(100_000),
      },
      {
        name: 'body over 1 MB',
        path: '/token?grant_type=password',
        method: 'POST',
        raw: JSON.stringify({ email: 'x'.repeat(1_100_000) }),
      },
      { name: 'unknown grant', path: '/token?grant_type=magic', method: 'POST', body: {} },
      { name: 'no grant', path: '/token', method: 'POST', body: {} },
      { name: 'pkce grant', path: '/token?grant_type=pkce', method: 'POST', body: {} },
      {
        name: 'refresh token as number',
        path: '/token?grant_type=refresh_token',
        method: 'POST',
        body: { refresh_token: 42 },
      },
      {
        name: 'SQL as refresh token',
        path: '/token?grant_type=refresh_token',
        method: 'POST',
        body: { refresh_token: "x' or '1'='1" },
      },
      {
        name: 'long refresh token',
        path: '/token?grant_type=refresh_token',
        method: 'POST',
        body: { refresh_token: 'r'.repeat(50_000) },
      },
      { name: 'alg none token', path: '/user', auth: none({ ...claims }) },
      { name: 'garbage token', path: '/user', auth: 'a.b.c' },
      {
        name: 'token with SQL sub',
        path: '/user',
        auth: signJwt({ ...claims, sub: "1' or '1'='1" }, t.jwtSecret),
      },
      {
        name: 'token with bad session id',
        path: '/user',
        auth: signJwt({ ...claims, session_id: 'nope' }, t.jwtSecret),
      },
      {
        name: 'token without sub',
        path: '/user',
        auth: signJwt({ role: 'authenticated' }, t.jwtSecret),
      },
      { name: 'service key on /user', path: '/user', auth: 'service' },
      {
        name: 'metadata as string',
        path: '/user',
        method: 'PUT',
        auth: 'user',
        body: { data: 'admin' },
      },
      {
        name: 'metadata nested too deep',
        path: '/user',
        method: 'PUT',
        auth: 'user',
        body: { data: deep(200) },
      },
      {
        name: 'NUL in metadata',
        path: '/user',
        method: 'PUT',
        auth: 'user',
        body: { data: { note: 'a\u0000b' } },
      },
      {
        name: 'overlong email',
        path: '/user',
        method: 'PUT',
        auth: 'user',
        body: { email: `${'x'.repeat(300)}@b.test` },
      },
      {
        name: 'self-promotion',
        path: '/user',
        method: 'PUT',
        auth: 'user',
        body: { app_metadata: { staff_role: 'manager' } },
      },
      { name: 'bad logout scope', path: '/logout?scope=all', method: 'POST', auth: 'user' },
      {
        name: 'SQL in admin user id',
        path: "/admin/users/1'%3B%20drop%20table%20auth.users--",
        auth: 'service',
      },
      { name: 'bad percent escape', path: '/admin/users/%E0%A4%A', auth: 'service' },
      { name: 'negative page', path: '/admin/users?page=-1', auth: 'service' },
      { name: 'huge per_page', path: '/admin/users?per_page=99999999999999', auth: 'service' },
      {
        name: 'bad id on create',
        path: '/admin/users',
        method: 'POST',
        auth: 'service',
        body: { email: 'x@hostile.test', id: 'abc' },
      },
      {
        name: 'nil id on create',
        path: '/admin/users',
        method: 'POST',
        auth: 'service',
        body: { email: 'y@hostile.test', id: '00000000-0000-0000-0000-000000000000' },
      },
      {
        name: 'absurd ban',
        path: '/admin/users',
        method: 'POST',
        auth: 'service',
        body: { email: 'z@hostile.test', ban_duration: '99999999999999h' },
      },
      {
        name: 'password and hash',
        path: '/admin/users',
        method: 'POST',
        auth: 'service',
        body: { email: 'w@hostile.test', password: 'abcdef', password_hash: '$2a$10$abc' },
      },
      {
        name: 'non-bcrypt hash',
        path: '/admin/users',
        method: 'POST',
        auth: 'service',
        body: { email: 'v@hostile.test', password_hash: 'md5abc' },
      },
      {
        name: 'app_metadata as array',
        path: '/admin/users',
        method: 'POST',
        auth: 'service',
        body: { email: 'u@hostile.test', app_metadata: ['x'] },
      },
      { name: 'admin with user token', path: '/admin/users', auth: 'user' },
      { name: 'unserved route', path: '/otp', method: 'POST', body: { email: staff.email } },
      { name: 'unknown route', path: '/nope' },
      { name: 'wrong method', path: '/token', method: 'GET' },
    ];
    expect(probes.length).toBeGreaterThanOrEqual(40);
    for (const probe of probes) {
      const headers: Record<string, string> = {};
      if (probe.auth === 'service') headers.Authorization = `Bearer ${t.serviceRoleKey}`;
      else if (probe.auth === 'user') headers.Authorization = `Bearer ${session.access_token}`;
      else if (probe.auth) headers.Authorization = `Bearer ${probe.auth}`;
      if (probe.raw !== undefined) headers['Content-Type'] = 'application/json';
      const response = await fetch(`${t.url}/auth/v1${probe.path}`, {
        method: probe.method ?? 'GET',
        headers: {
          apikey: t.anonKey,
          'X-Forwarded-For': `10.250.0.${probes.indexOf(probe)}`,
          ...headers,
        },
        body: probe.raw ?? (probe.body === undefined ? undefined : JSON.stringify(probe.body)),
      });
      const text = await response.text();
      expect.soft(response.status, probe.name).toBeGreaterThanOrEqual(400);
      expect.soft(response.status, probe.name).toBeLessThan(500);
      expect
        .soft(text, probe.name)
        .not.toMatch(/select |insert |update |delete |syntax error|at .*\.ts:|\bpg_/i);
      const body = JSON.parse(text) as Record<string, unknown>;
      expect
        .soft(typeof body.error_code === 'string' || typeof body.error === 'string', probe.name)
        .toBe(true);
    }
    // Still exactly one account for the target, still signed in, nothing created by the probes.
    const me = await authFetch(t, '/user', {
      headers: { Authorization: `Bearer ${session.access_token}` },
    });
    expect(me.status).toBe(200);
    expect(me.body.app_metadata).toEqual({ provider: 'email', providers: ['email'] });
    expect(me.body.user_metadata).toEqual({ full_name: 'Test target' });
    const created = await authFetch(t, '/admin/users?filter=hostile.test', {
      headers: { Authorization: `Bearer ${t.serviceRoleKey}` },
    });
    expect(created.body.users).toEqual([]);
  });
});
