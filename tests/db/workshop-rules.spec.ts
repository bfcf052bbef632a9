// The smaller rules staff meet at the bench, through supabase-js signed in as the role that
// meets them: production steps only while in production (stamped with who and when), QC runs
// only in QC, a finished run is never re-checked, a photo-needing item needs its photo, files
// filed in the right bucket with the right type, and a resize names two different sizes.
// Each refusal has its code and a sentence, and changes nothing.
import { describe, expect, it } from 'vitest';
import { clientFor, dbTargets, serviceClient, staffId } from './support/clients';
import { createOrder, readOrder } from './support/factories';

describe.each(dbTargets())('workshop rules on $engine', (t) => {
  const svc = serviceClient(t);
  const workshop = clientFor(t, 'workshop');
  const qc = clientFor(t, 'qc');

  const step = async (orderId: string) =>
    (
      await svc
        .from('production_steps')
        .select('id, done_at, done_by')
        .eq('order_id', orderId)
        .eq('step', 'casting')
        .single()
    ).data as { id: string; done_at: string | null; done_by: string | null };

  it('records production steps only in production, in the name of whoever did them (LP040)', async () => {
    const early = await createOrder(svc, 'cad');
    const before = await step(early.id);
    const refused = await workshop
      .from('production_steps')
      .update({ done_at: new Date().toISOString() })
      .eq('id', before.id)
      .select('id');
    expect(refused.error?.code).toBe('LP040');
    expect(refused.error?.message).toBe(
      'Production steps can be recorded only while the order is in production.',
    );
    expect(await step(early.id)).toEqual(before);

    const making = await createOrder(svc, 'production', { ready: false });
    const casting = await step(making.id);
    const done = await workshop
      .from('production_steps')
      // A back-dated time from the client is replaced by the database's own.
      .update({ done_at: '2020-01-01T00:00:00Z' })
      .eq('id', casting.id)
      .select('done_at, done_by')
      .single();
    expect(done.error).toBeNull();
    expect(done.data?.done_by).toBe(staffId('workshop'));
    expect(Date.parse(done.data?.done_at as string)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('starts QC runs only in QC (LP041)', async () => {
    const order = await createOrder(svc, 'production');
    const r = await qc.from('qc_runs').insert({ order_id: order.id });
    expect(r.error?.code).toBe('LP041');
    const { data: runs } = await svc.from('qc_runs').select('id').eq('order_id', order.id);
    expect(runs).toEqual([]);
  });

  it('needs the photo before a photo item passes (LP043), and never re-checks a finished run (LP042)', async () => {
    const order = await createOrder(svc, 'qc', { ready: false });
    const { data: run } = await svc.from('qc_runs').select('id').eq('order_id', order.id).single();
    const runId = (run as { id: string }).id;
    const { data: item } = await svc
      .from('qc_run_items')
      .select('id, result')
      .eq('run_id', runId)
      .eq('label', 'Stones secure')
      .single();
    const itemId = (item as { id: string }).id;

    const noPhoto = await qc
      .from('qc_run_items')
      .update({ result: 'pass' })
      .eq('id', itemId)
      .select('id');
    expect(noPhoto.error?.code).toBe('LP043');
    expect(noPhoto.error?.message).toBe('Stones secure needs a photo before it can pass.');

    const { data: photo, error: photoError } = await qc
      .from('attachments')
      .insert({
        order_id: order.id,
        kind: 'qc_photo',
        bucket: 'qc-photos',
        storage_path: `${order.id}/prongs-${crypto.randomUUID()}.jpg`,
        mime_type: 'image/jpeg',
        size_bytes: 120_000,
        uploaded_by: staffId('qc'),
      })
      .select('id')
      .single();
    expect(photoError).toBeNull();
    const withPhoto = await qc
      .from('qc_run_items')
      .update({ result: 'pass', photo_attachment_id: (photo as { id: string }).id })
      .eq('id', itemId)
      .select('result, checked_by')
      .single();
    expect(withPhoto.error).toBeNull();
    expect(withPhoto.data).toEqual({ result: 'pass', checked_by: staffId('qc') });

    // QC fails the piece back to production: the run is finished and kept as it was.
    const current = await readOrder(svc, order.id);
    const rework = await qc.rpc('move_order', {
      p_order_id: order.id,
      p_to_stage: 'production',
      p_expected_version: current.version,
      p_note: 'Polish marks inside the band',
    });
    expect(rework.error).toBeNull();
    const late = await qc
      .from('qc_run_items')
      .update({ result: 'fail', note: 'Changed my mind' })
      .eq('id', itemId)
      .select('id');
    expect(late.error?.code).toBe('LP042');
    const { data: kept } = await svc
      .from('qc_run_items')
      .select('result, note')
      .eq('id', itemId)
      .single();
    expect(kept).toEqual({ result: 'pass', note: null });
  });

  it('files each kind in its own bucket with its own file types (LP060, LP061)', async () => {
    const order = await createOrder(svc, 'qc');
    const file = {
      order_id: order.id,
      kind: 'qc_photo',
      storage_path: `${order.id}/misfiled-${crypto.randomUUID()}`,
      size_bytes: 2048,
      uploaded_by: staffId('qc'),
    };
    const wrongBucket = await qc
      .from('attachments')
      .insert({ ...file, bucket: 'certificates', mime_type: 'image/jpeg' });
    expect(wrongBucket.error?.code).toBe('LP060');
    expect(wrongBucket.error?.message).toBe('A QC photo belongs in the qc-photos bucket.');
    const wrongType = await qc
      .from('attachments')
      .insert({ ...file, bucket: 'qc-photos', mime_type: 'application/pdf' });
    expect(wrongType.error?.code).toBe('LP061');
    expect(wrongType.error?.message).toBe('A QC photo cannot be a application/pdf file.');
    const { count } = await svc
      .from('attachments')
      .select('id', { count: 'exact', head: true })
      .like('storage_path', `${order.id}/misfiled-%`);
    expect(count).toBe(0);
  });

  it('asks a resize for two different sizes (LP071)', async () => {
    const order = await createOrder(svc, 'delivered');
    const r = await clientFor(t, 'concierge')
      .from('service_requests')
      .insert({ order_id: order.id, kind: 'resize', from_size: 6.5, to_size: 6.5 });
    expect(r.error?.code).toBe('LP071');
    expect(r.error?.message).toBe('A resize needs the current size and a different new size.');
    const { data } = await svc.from('service_requests').select('id').eq('order_id', order.id);
    expect(data).toEqual([]);
  });
});
