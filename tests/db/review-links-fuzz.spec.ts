// 1,000 tokens that are not a live link — random ones, and a real token bit-flipped, cut short,
// re-cased, dressed in look-alike Unicode, wrapped in SQL, padded, re-encoded and blown up to
// huge sizes, plus a revoked token and its variants — sent to review_page and review_decide as a
// customer would. Every one must get exactly {"status":"invalid"}; none may open, decide or even
// mark the real link opened.
//
// Each try comes from its own client address (x-forwarded-for): with one address the failed-try
// limit (20 per window) would answer every try after the 20th with PT429 — still a refusal, but
// then the token check itself would go untested for 980 of them. The limit has its own test in
// review-links.spec.ts.
import { randomBytes } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import ws from 'ws';
import { describe, expect, it } from 'vitest';
import { clientFor, dbTargets, serviceClient } from './support/clients';
import { createOrder, eventsOf, readOrder } from './support/factories';

const options = {
  auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  realtime: { transport: ws as unknown as typeof WebSocket },
} as const;

/** A small seeded generator, so a failing token can be found again from the seed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** The thousand tokens, by kind, all different from `live`. */
export function fuzzTokens(live: string, revoked: string, seed: number): string[] {
  const r = rng(seed);
  const int = (n: number) => Math.floor(r() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)]!;
  const out: string[] = [];
  const add = (count: number, make: () => string) => {
    for (let i = 0; i < count; i++) out.push(make());
  };
  const bitFlip = (token: string) => {
    const bytes = Buffer.from(token, 'base64url');
    const flips = 1 + int(3);
    for (let f = 0; f < flips; f++) bytes[int(bytes.length)]! ^= 1 << int(8);
    return bytes.toString('base64url');
  };
  const recase = (token: string) => {
    const chars = [...token];
    const letters = chars.map((c, i) => (/[a-z]/i.test(c) ? i : -1)).filter((i) => i >= 0);
    const n = 1 + int(letters.length);
    for (let k = 0; k < n; k++) {
      const i = pick(letters);
      const c = chars[i]!;
      chars[i] = c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase();
    }
    return chars.join('');
  };
  const lookAlikes: Record<string, string> = {
    a: 'а',
    e: 'е',
    o: 'о',
    p: 'р',
    c: 'с',
    x: 'х',
    y: 'у',
    A: 'А',
    B: 'В',
    E: 'Е',
    O: 'О',
    '0': 'О',
    '1': 'l',
    '-': '‐',
    _: '＿',
  };
  const unicode = (token: string) =>
    pick([
      () => [...token].map((c) => (lookAlikes[c] && r() < 0.5 ? lookAlikes[c] : c)).join(''),
      () => `${token}\u200b`,
      () => `\u200e${token}`,
      () => `${token.slice(0, 20)}\u0301${token.slice(20)}`,
      () => [...token].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join(''),
      () => `${token}💍`,
      () => token.normalize('NFD') + '\u00e9',
      () => `${token.slice(0, 42)}\u{1F48E}`,
    ])();
  const sqlish = [
    "' or '1'='1",
    "' or 1=1 --",
    "'; drop table public.review_links; --",
    '%',
    '_',
    '*',
    '\\',
    "'",
    '"',
    ';',
    '--',
    '/*',
    'null',
    'NULL',
    'undefined',
    'true',
    '{"status":"ok"}',
    "x' union select * from private.review_link_tokens --",
    '$1',
    '%00',
    '\\x00',
    "E'\\\\x'",
    '../../../etc/passwd',
  ];
  const wrap = (token: string) =>
    pick([
      () => pick(sqlish),
      () => `${token}${pick(sqlish)}`,
      () => `${pick(sqlish)}${token}`,
      () => `${token.slice(0, 21)}${pick(sqlish)}${token.slice(21)}`,
      () => `${token.slice(0, 40)}' or '1'='1`,
    ])();
  const reencode = (token: string) =>
    pick([
      () => Buffer.from(token, 'base64url').toString('base64'),
      () => `${token}=`,
      () => encodeURIComponent(`${token}/`),
      () => ` ${token}`,
      () => `${token} `,
      () => `${token}\n`,
      () => `\t${token}`,
      () => Buffer.from(token, 'base64url').toString('hex'),
      () => `https://loupe.test/r/${token}`,
    ])();
  const huge = (token: string) => {
    const size = pick([10_000, 50_000, 100_000, 200_000]);
    return pick([
      () => token.repeat(Math.ceil(size / token.length)).slice(0, size),
      () => 'A'.repeat(size),
      () => `${token}${'x'.repeat(size)}`,
      () => randomBytes(size).toString('base64url').slice(0, size),
    ])();
  };
  const truncate = (token: string) =>
    pick([
      () => token.slice(0, int(token.length)),
      () => token.slice(1 + int(token.length - 1)),
      () => {
        const i = int(token.length);
        return token.slice(0, i) + token.slice(i + 1);
      },
      () => token.slice(0, -1),
    ])();

  add(200, () => randomBytes(32).toString('base64url'));
  add(150, () => bitFlip(live));
  add(100, () => truncate(live));
  add(100, () => recase(live));
  add(100, () => unicode(live));
  add(100, () => wrap(live));
  add(60, () => reencode(live));
  add(40, () => huge(live));
  out.push(revoked);
  add(49, () => pick([bitFlip, truncate, recase, unicode])(revoked));
  add(100, () => pick([bitFlip, truncate, recase, unicode, wrap, reencode])(live));
  return out.map((t) => (t === live ? `${t}!` : t));
}

describe.each(dbTargets())('review link fuzz on $engine', (t) => {
  const svc = serviceClient(t);

  it(
    'refuses 1,000 random and mutated tokens alike and reveals no order',
    { timeout: 600_000 },
    async () => {
      const order = await createOrder(svc, 'cad', { ready: false });
      const sent = await clientFor(t, 'workshop').rpc('send_cad_to_customer', {
        p_order_id: order.id,
        p_expected_version: order.version,
      });
      expect(sent.error).toBeNull();
      const concierge = clientFor(t, 'concierge');
      const create = async () =>
        (await concierge.rpc('create_review_link', { p_order_id: order.id, p_kind: 'cad_review' }))
          .data as { id: string; token: string };
      const revoked = await create();
      const live = await create(); // replaces (revokes) the first
      const before = await readOrder(svc, order.id);
      const eventsBefore = await eventsOf(svc, order.id);

      const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
      const tokens = fuzzTokens(live.token, revoked.token, seed);
      expect(tokens).toHaveLength(1000);
      expect(tokens).not.toContain(live.token);

      const outcomes: Array<{ i: number; ok: boolean; body: string }> = [];
      const attempt = async (i: number) => {
        const client = createClient(t.url, t.anonKey, {
          ...options,
          global: { headers: { 'x-forwarded-for': `10.77.${i >> 8}.${i & 255}` } },
        });
        const res =
          i % 4 === 3
            ? await client.rpc('review_decide', {
                p_token: tokens[i],
                p_decision: 'approve',
                p_note: 'fuzz',
              })
            : await client.rpc('review_page', { p_token: tokens[i] });
        const body = JSON.stringify(res.data ?? res.error);
        outcomes.push({
          i,
          ok: res.error === null && res.status === 200 && body === '{"status":"invalid"}',
          body: body.slice(0, 200),
        });
      };
      // Eight customers at a time.
      let nextIndex = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (nextIndex < tokens.length) await attempt(nextIndex++);
        }),
      );

      const wrong = outcomes.filter((o) => !o.ok);
      expect(
        wrong.map((o) => ({ seed, token: JSON.stringify(tokens[o.i]).slice(0, 80), body: o.body })),
      ).toEqual([]);
      expect(outcomes).toHaveLength(1000);
      for (const o of outcomes) {
        expect(o.body).not.toContain(order.code);
        expect(o.body).not.toContain(order.id);
      }
      // Nothing moved, nothing was logged, the real link was never marked opened.
      expect(await readOrder(svc, order.id)).toEqual(before);
      expect(await eventsOf(svc, order.id)).toEqual(eventsBefore);
      const { data: link } = await svc
        .from('review_links')
        .select('opened_at, decided_at')
        .eq('id', live.id)
        .single();
      expect(link).toEqual({ opened_at: null, decided_at: null });
      // …and it still opens for its customer.
      const real = await createClient(t.url, t.anonKey, {
        ...options,
        global: { headers: { 'x-forwarded-for': '10.78.0.1' } },
      }).rpc('review_page', { p_token: live.token });
      expect((real.data as { status: string }).status).toBe('ok');
    },
  );
});
