// Settings through supabase-js as each role: managers set SLA targets and WIP limits, add and
// remove holidays, reorder QC checklists and create staff logins (public.create_staff, a
// security definer function — the service_role key never reaches the browser); everyone else
// is refused and the data stays as it was. A login a manager creates can sign in for real.
import { afterAll, describe, expect, it } from 'vitest';
import { createClient } from '@supabase/supabase-js';
import ws from 'ws';
import {
  accessToken,
  clientFor,
  dbTargets,
  serviceClient,
  type StaffRole,
} from './support/clients';

const others: StaffRole[] = ['concierge', 'workshop', 'qc'];
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

describe.each(dbTargets())('settings on $engine', (t) => {
  const svc = serviceClient(t);
  const manager = clientFor(t, 'manager');
  const clientAs = (userId: string) =>
    createClient(t.url, t.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: ws as unknown as typeof WebSocket },
      global: { headers: { Authorization: `Bearer ${accessToken(t, userId)}` } },
    });
  const created: string[] = [];

  afterAll(async () => {
    // Logins made here go again (deleting the auth user removes the profile with it).
    for (const id of created) await svc.auth.admin.deleteUser(id);
  });

  async function emailsInAuth(email: string): Promise<number> {
    const { data, error } = await svc.auth.admin.listUsers({ page: 1, perPage: 1000 });
    expect(error).toBeNull();
    return data.users.filter((u) => u.email === email.toLowerCase()).length;
  }

  describe('creating staff', () => {
    it('a manager creates a login that signs in with its role', async () => {
      const email = `noor.${unique()}@loupe.test`;
      const { data: id, error } = await manager.rpc('create_staff', {
        p_email: email,
        p_password: 'polish-and-pave',
        p_display_name: 'Noor Haddad',
        p_role: 'qc',
      });
      expect(error).toBeNull();
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      created.push(id as string);

      // Signing in for real through the auth API, not with a forged token.
      const visitor = createClient(t.url, t.anonKey, {
        auth: { persistSession: false, autoRefreshToken: false },
        realtime: { transport: ws as unknown as typeof WebSocket },
      });
      const signIn = await visitor.auth.signInWithPassword({
        email,
        password: 'polish-and-pave',
      });
      expect(signIn.error).toBeNull();
      expect(signIn.data.user?.id).toBe(id);
      const profile = await visitor
        .from('staff')
        .select('display_name, role')
        .eq('id', id as string);
      expect(profile.data).toEqual([{ display_name: 'Noor Haddad', role: 'qc' }]);
      const wrong = await visitor.auth.signInWithPassword({ email, password: 'not-it-at-all' });
      expect(wrong.error?.code).toBe('invalid_credentials');
    });

    it('refuses an email that already has a login, whatever its case', async () => {
      const email = `dup.${unique()}@loupe.test`;
      const first = await manager.rpc('create_staff', {
        p_email: email,
        p_password: 'first-password',
        p_display_name: 'First Person',
        p_role: 'workshop',
      });
      expect(first.error).toBeNull();
      created.push(first.data as string);
      const again = await manager.rpc('create_staff', {
        p_email: email.toUpperCase(),
        p_password: 'second-password',
        p_display_name: 'Second Person',
        p_role: 'manager',
      });
      expect(again.error?.code).toBe('LP101');
      expect(again.error?.message).toBe(`${email} already has a login.`);
      expect(await emailsInAuth(email)).toBe(1);
      const staff = await svc
        .from('staff')
        .select('display_name, role')
        .eq('id', first.data as string);
      expect(staff.data).toEqual([{ display_name: 'First Person', role: 'workshop' }]);
    });

    it('explains a bad email, a short password and a blank name', async () => {
      const base = {
        p_email: `ok.${unique()}@loupe.test`,
        p_password: 'long-enough',
        p_display_name: 'Someone',
        p_role: 'workshop' as const,
      };
      const bad = [
        [{ ...base, p_email: 'not-an-email' }, 'LP102'],
        [{ ...base, p_password: 'short' }, 'LP103'],
        [{ ...base, p_display_name: '   ' }, 'LP104'],
      ] as const;
      for (const [args, code] of bad) {
        const { error } = await manager.rpc('create_staff', args);
        expect(error?.code).toBe(code);
      }
      expect(await emailsInAuth(base.p_email)).toBe(0);
    });

    it.each(others)('%s cannot create a login, and none is made', async (role) => {
      const email = `sneaky.${unique()}@loupe.test`;
      const { data, error } = await clientFor(t, role).rpc('create_staff', {
        p_email: email,
        p_password: 'let-me-in-please',
        p_display_name: 'Sneaky',
        p_role: 'manager',
      });
      expect(data).toBeNull();
      expect(error?.code).toBe('LP100');
      expect(error?.message).toBe('Only managers can create staff logins.');
      expect(await emailsInAuth(email)).toBe(0);
    });

    it('a visitor without a login cannot even call it', async () => {
      const email = `anon.${unique()}@loupe.test`;
      const { error } = await clientFor(t, 'anon').rpc('create_staff', {
        p_email: email,
        p_password: 'let-me-in-please',
        p_display_name: 'Anon',
        p_role: 'manager',
      });
      expect(error).not.toBeNull();
      expect(await emailsInAuth(email)).toBe(0);
    });
  });

  describe('staff roles', () => {
    it('a manager changes a role; others cannot; the house always keeps a manager', async () => {
      const { data: id } = await manager.rpc('create_staff', {
        p_email: `second.${unique()}@loupe.test`,
        p_password: 'second-manager',
        p_display_name: 'Second Manager',
        p_role: 'manager',
      });
      created.push(id as string);
      const second = clientAs(id as string);

      for (const role of others) {
        const r = await clientFor(t, role)
          .from('staff')
          .update({ role: 'qc' })
          .eq('id', id as string)
          .select('id');
        expect(r.data ?? []).toEqual([]);
      }
      expect(
        (
          await svc
            .from('staff')
            .select('role')
            .eq('id', id as string)
        ).data,
      ).toEqual([{ role: 'manager' }]);

      // With two managers, one may step down…
      const down = await second
        .from('staff')
        .update({ role: 'workshop' })
        .eq('id', id as string)
        .select('role');
      expect(down.error).toBeNull();
      expect(down.data).toEqual([{ role: 'workshop' }]);

      // …but the last one may not, and stays a manager.
      const managers = await svc.from('staff').select('id').eq('role', 'manager');
      expect(managers.data).toHaveLength(1);
      const lastId = managers.data![0]!.id as string;
      const last = await clientAs(lastId)
        .from('staff')
        .update({ role: 'qc' })
        .eq('id', lastId)
        .select('role');
      expect(last.error?.code).toBe('LP105');
      expect(last.error?.message).toBe(
        'The house needs at least one manager: make someone else a manager first.',
      );
      expect((await svc.from('staff').select('role').eq('id', lastId)).data).toEqual([
        { role: 'manager' },
      ]);
    });
  });

  describe('targets, WIP limits and holidays', () => {
    it('a manager sets a stage target and WIP limit (rolled back, so other specs keep theirs)', async () => {
      const { data, error } = await manager
        .from('stage_settings')
        .update({ wip_limit: 7, sla_amber_after: 2, sla_red_after: 4, sla_unit: 'days' })
        .eq('stage', 'shipping')
        .select('stage, wip_limit, sla_amber_after, sla_red_after, sla_unit')
        .rollback();
      expect(error).toBeNull();
      expect(data).toEqual([
        { stage: 'shipping', wip_limit: 7, sla_amber_after: 2, sla_red_after: 4, sla_unit: 'days' },
      ]);
    });

    it('the database refuses a red threshold before amber and a zero WIP limit', async () => {
      const reversed = await manager
        .from('stage_settings')
        .update({ sla_amber_after: 5, sla_red_after: 3 })
        .eq('stage', 'shipping')
        .select('stage');
      expect(reversed.error?.code).toBe('23514');
      const zero = await manager
        .from('stage_settings')
        .update({ wip_limit: 0 })
        .eq('stage', 'qc')
        .select('stage');
      expect(zero.error?.code).toBe('23514');
    });

    it.each(others)('%s cannot change targets or holidays, and nothing changes', async (role) => {
      const client = clientFor(t, role);
      const before = await svc
        .from('stage_settings')
        .select('*')
        .eq('stage', 'production')
        .single();
      const update = await client
        .from('stage_settings')
        .update({ wip_limit: 1 })
        .eq('stage', 'production')
        .select('stage');
      expect(update.data ?? []).toEqual([]);
      expect(
        (await svc.from('stage_settings').select('*').eq('stage', 'production').single()).data,
      ).toEqual(before.data);

      const day = `2041-0${1 + others.indexOf(role)}-15`;
      const insert = await client.from('holidays').insert({ day, name: 'Sneaky day off' });
      expect(insert.error?.code).toBe('42501');
      expect((await svc.from('holidays').select('day').eq('day', day)).data).toEqual([]);

      const remove = await client.from('holidays').delete().eq('day', '2026-12-25').select('day');
      expect(remove.data ?? []).toEqual([]);
      expect((await svc.from('holidays').select('day').eq('day', '2026-12-25')).data).toHaveLength(
        1,
      );
    });

    it('a manager adds and removes a holiday; the same day twice is refused', async () => {
      const day = `2042-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;
      await svc.from('holidays').delete().eq('day', day);
      const add = await manager
        .from('holidays')
        .insert({ day, name: 'Workshop anniversary' })
        .select('day, name');
      expect(add.error).toBeNull();
      const twice = await manager.from('holidays').insert({ day, name: 'Again' });
      expect(twice.error?.code).toBe('23505');
      // Business days skip it straight away.
      const remove = await manager.from('holidays').delete().eq('day', day).select('day');
      expect(remove.data).toEqual([{ day }]);
    });
  });

  describe('QC checklists', () => {
    const earscape = async () => {
      const { data } = await svc
        .from('qc_templates')
        .select('id, items:qc_template_items(id, label, position)')
        .eq('product', 'earscape')
        .order('position', { referencedTable: 'qc_template_items' })
        .single();
      return data as { id: string; items: { id: string; label: string; position: number }[] };
    };

    it('a manager reorders a checklist in one call; positions stay 1..n', async () => {
      const before = await earscape();
      const ids = before.items.map((i) => i.id);
      const swapped = [ids[1]!, ids[0]!, ...ids.slice(2)];
      const { data, error } = await manager.rpc('reorder_qc_template_items', {
        p_template_id: before.id,
        p_item_ids: swapped,
      });
      expect(error).toBeNull();
      expect((data as { id: string }[]).map((i) => i.id)).toEqual(swapped);
      const after = await earscape();
      expect(after.items.map((i) => i.id)).toEqual(swapped);
      expect(after.items.map((i) => i.position)).toEqual(swapped.map((_, n) => n + 1));
      // Back as it was for the other specs.
      const restore = await manager.rpc('reorder_qc_template_items', {
        p_template_id: before.id,
        p_item_ids: ids,
      });
      expect(restore.error).toBeNull();
    });

    it('refuses a stale list, and anyone but a manager, leaving the order as it was', async () => {
      const before = await earscape();
      const ids = before.items.map((i) => i.id);
      const stale = await manager.rpc('reorder_qc_template_items', {
        p_template_id: before.id,
        p_item_ids: ids.slice(1),
      });
      expect(stale.error?.code).toBe('LP106');
      for (const role of others) {
        const r = await clientFor(t, role).rpc('reorder_qc_template_items', {
          p_template_id: before.id,
          p_item_ids: [...ids].reverse(),
        });
        expect(r.error?.code).toBe('LP100');
      }
      expect((await earscape()).items.map((i) => i.id)).toEqual(ids);
    });
  });
});
