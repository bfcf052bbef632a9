// The demo seed as staff meet it on a fresh `npm start`: believable orders in every stage with
// the stories the issue asks for (late ones, second tweak rounds, a QC failure and its rework,
// holds, every risk flag), and certificates whose report PDFs — uploaded from config.toml's
// objects_path — open through a signed URL and say what the certificate row says.
import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { clientFor, dbTargets, serviceClient } from './support/clients';

type SeededCertificate = {
  order_id: string;
  lab: string;
  report_number: string;
  carat: number;
  colour: string;
  clarity: string;
  cut_shape: string;
  attachment: {
    bucket: string;
    storage_path: string;
    mime_type: string;
    size_bytes: number;
  } | null;
};

// The seed's orders were all opened hours ago at least; the ones specs create, just now.
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

describe.each(dbTargets())('demo seed on $engine', (t) => {
  const svc = serviceClient(t);

  async function seededOrderIds(): Promise<string[]> {
    const { data, error } = await svc.from('orders').select('id').lt('created_at', hoursAgo(1));
    expect(error).toBeNull();
    return (data ?? []).map((o: { id: string }) => o.id);
  }

  async function seededCertificates(): Promise<SeededCertificate[]> {
    const { data, error } = await svc
      .from('certificates')
      .select(
        'order_id, lab, report_number, carat, colour, clarity, cut_shape, attachment:attachments(bucket, storage_path, mime_type, size_bytes)',
      )
      .in('order_id', await seededOrderIds());
    expect(error).toBeNull();
    return (data ?? []) as unknown as SeededCertificate[];
  }

  it('gives QC every seeded certificate’s report as a PDF through a signed URL', async () => {
    const certificates = await seededCertificates();
    expect(certificates.length).toBeGreaterThanOrEqual(10);
    const qc = clientFor(t, 'qc');
    for (const c of certificates) {
      expect(c.attachment, `${c.lab} ${c.report_number} has its file`).toMatchObject({
        bucket: 'certificates',
        storage_path: `${c.order_id}/${c.lab}-${c.report_number}.pdf`,
        mime_type: 'application/pdf',
      });
      const { data, error } = await qc.storage
        .from('certificates')
        .createSignedUrl(c.attachment?.storage_path ?? '', 60);
      expect(error).toBeNull();
      const response = await fetch(data?.signedUrl ?? '');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
      expect(bytes.byteLength).toBe(c.attachment?.size_bytes);
      // The report says what the row says: lab, number, carat, colour, clarity, shape.
      const pdf = await PDFDocument.load(bytes);
      expect(pdf.getPageCount()).toBe(1);
      expect(pdf.getSubject()).toBe(
        `${c.lab} ${c.report_number}: ${Number(c.carat).toFixed(2)} ct, colour ${c.colour}, clarity ${c.clarity}, ${c.cut_shape}`,
      );
    }
  });

  it('has orders in every stage, some late, some on hold with a reason', async () => {
    const { data } = await clientFor(t, 'manager')
      .from('order_board')
      .select('stage, is_late, sla_status, on_hold_reason, cad_rounds_used, cad_state')
      .in('id', await seededOrderIds());
    const cards = (data ?? []) as Array<{
      stage: string;
      is_late: boolean;
      sla_status: string | null;
      on_hold_reason: string | null;
      cad_rounds_used: number;
      cad_state: string | null;
    }>;
    expect(cards.length).toBeGreaterThanOrEqual(70);
    const stages = new Set(cards.map((c) => c.stage));
    for (const stage of [
      'intake',
      'awaiting_payment',
      'cad',
      'production',
      'qc',
      'shipping',
      'delivered',
      'on_hold',
      'cancelled',
    ]) {
      expect(stages, stage).toContain(stage);
    }
    expect(cards.filter((c) => c.is_late || c.sla_status === 'red').length).toBeGreaterThan(0);
    const held = cards.filter((c) => c.stage === 'on_hold');
    expect(held.every((c) => (c.on_hold_reason ?? '').length > 0)).toBe(true);
    // On the second (last) tweak round, still in CAD.
    expect(cards.some((c) => c.stage === 'cad' && c.cad_rounds_used === 2)).toBe(true);
  });

  it('tells one QC failure and its rework: a failed run kept, then a passed one', async () => {
    const { data: failed } = await svc
      .from('qc_runs')
      .select('order_id, attempt, fail_reason')
      .eq('status', 'failed')
      .in('order_id', await seededOrderIds());
    expect(failed?.length).toBeGreaterThanOrEqual(1);
    const orderId = (failed?.[0] as { order_id: string }).order_id;
    const { data: runs } = await svc
      .from('qc_runs')
      .select('attempt, status')
      .eq('order_id', orderId)
      .order('attempt');
    expect(runs).toEqual([
      { attempt: 1, status: 'failed' },
      { attempt: 2, status: 'passed' },
    ]);
    const { data: rework } = await svc
      .from('order_events')
      .select('from_stage, to_stage, note')
      .eq('order_id', orderId)
      .eq('kind', 'stage_changed')
      .eq('from_stage', 'qc')
      .eq('to_stage', 'production');
    expect(rework).toHaveLength(1);
  });

  it('has open intake requests carrying each risk flag', async () => {
    const { data } = await clientFor(t, 'concierge')
      .from('intake_requests')
      .select('risk_flags, status')
      .lt('created_at', hoursAgo(0.2))
      .in('status', ['new', 'in_review']);
    const flags = new Set((data ?? []).flatMap((r: { risk_flags: string[] }) => r.risk_flags));
    expect([...flags].sort()).toEqual([
      'feasibility_review',
      'gift_deadline',
      'special_request',
      'unusual_sizing',
    ]);
  });
});
