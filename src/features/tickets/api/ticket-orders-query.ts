// What the tickets of some orders print, read with only the columns a ticket shows: the order's
// making details, its stones (the stones allocated to it, with their lab report numbers; the
// certificates attached to the order for one with no allocation yet) and the approved design's
// render. The
// customer is never selected, not even their display name: a ticket cannot print what it never
// had.
import { supabase } from '../../../lib/supabase';
import { AppError, toAppError } from '../../../lib/errors';
import type { TicketImage, TicketOrder, TicketStone } from '../lib/ticket-content';

/** The order columns a ticket prints; a test checks that no customer column is ever added. */
export const ticketOrderColumns =
  'id, code, product, product_name, metal, ring_size, promised_date, has_stones, specs, cad_state';

function imageType(mime: string): TicketImage['type'] | null {
  if (mime === 'image/png') return 'png';
  if (mime === 'image/jpeg' || mime === 'image/jpg') return 'jpg';
  return null;
}

async function approvedRender(
  path: string | undefined,
  mime: string | undefined,
): Promise<TicketImage | null> {
  const type = mime ? imageType(mime) : null;
  if (!path || !type) return null;
  const { data, error } = await supabase.storage.from('cad').download(path);
  // A missing render should not stop the print run: the ticket says there is no image.
  if (error || !data) return null;
  return { type, bytes: new Uint8Array(await data.arrayBuffer()) };
}

type AllocationRow = {
  order_id: string | null;
  kind: string | null;
  lab: string | null;
  report_number: string | null;
  carat: number | null;
  shape: string | null;
  lot_code: string | null;
  stone_count: number | null;
};
type CertificateRow = {
  order_id: string;
  lab: string;
  report_number: string;
  carat: number;
  cut_shape: string;
};

/** The allocated stones (certified with their report, melee by lot); else the certificates. */
function stonesOf(
  orderId: string,
  allocations: AllocationRow[],
  certificates: CertificateRow[],
): TicketStone[] {
  const allocated = allocations.filter((a) => a.order_id === orderId);
  if (allocated.length) {
    return allocated.map((a) =>
      a.kind === 'melee'
        ? {
            lab: 'Melee',
            reportNumber: `lot ${a.lot_code ?? '?'} ×${a.stone_count ?? 0}`,
            carat: Number(a.carat ?? 0),
            shape: a.shape ?? '',
          }
        : {
            lab: a.lab ?? '',
            reportNumber: a.report_number ?? '',
            carat: Number(a.carat ?? 0),
            shape: a.shape ?? '',
          },
    );
  }
  return certificates
    .filter((c) => c.order_id === orderId)
    .map((c) => ({
      lab: c.lab,
      reportNumber: c.report_number,
      carat: Number(c.carat),
      shape: c.cut_shape,
    }));
}

/** The tickets' data in the order of `codes`; an unknown code is an error naming it. */
export async function fetchTicketOrders(codes: readonly string[]): Promise<TicketOrder[]> {
  const orders = await supabase
    .from('orders')
    .select(ticketOrderColumns)
    .in('code', [...codes]);
  if (orders.error) throw toAppError(orders.error);
  const missing = codes.filter((c) => !orders.data.some((o) => o.code === c));
  if (missing.length) {
    throw new AppError(
      'PT404',
      `There is no order ${missing.join(', ')}, or you cannot see it.`,
      404,
    );
  }
  const ids = orders.data.map((o) => o.id);
  const [allocations, certificates, renders] = await Promise.all([
    supabase
      .from('order_stone_allocations')
      .select(
        'order_id, kind, lab, report_number, carat, shape, lot_code, stone_count, allocated_at',
      )
      .in('order_id', ids)
      .order('allocated_at'),
    supabase
      .from('certificates')
      .select('order_id, lab, report_number, carat, cut_shape')
      .in('order_id', ids)
      .order('created_at'),
    supabase
      .from('attachments')
      .select('order_id, storage_path, mime_type, uploaded_at')
      .in('order_id', ids)
      .eq('kind', 'cad_render')
      .order('uploaded_at', { ascending: false }),
  ]);
  if (allocations.error) throw toAppError(allocations.error);
  if (certificates.error) throw toAppError(certificates.error);
  if (renders.error) throw toAppError(renders.error);

  return Promise.all(
    codes.map(async (code) => {
      const o = orders.data.find((row) => row.code === code)!;
      // The design the customer approved is the last render sent before approval; only an
      // approved order has one worth printing.
      const render =
        o.cad_state === 'approved'
          ? renders.data.find((r) => r.order_id === o.id && imageType(r.mime_type))
          : undefined;
      return {
        code: o.code,
        product: o.product,
        productName: o.product_name,
        metal: o.metal,
        ringSize: o.ring_size,
        promisedDate: o.promised_date,
        hasStones: o.has_stones,
        specs: o.specs,
        stones: stonesOf(o.id, allocations.data, certificates.data),
        cadImage: await approvedRender(render?.storage_path, render?.mime_type),
      };
    }),
  );
}
