// What a job ticket says, as plain lines: built from the few order columns a ticket prints
// (see api/ticket-orders-query.ts, which selects only those). There is deliberately no field
// for the customer: the ticket travels through the workshop and may leave it in a job bag.
import type { Enums, Json } from '../../../types/database';
import { metalLabels } from '../../../lib/order-vocabulary';

export type TicketStone = { lab: string; reportNumber: string; carat: number; shape: string };

export type TicketImage = { bytes: Uint8Array; type: 'png' | 'jpg' };

export type TicketOrder = {
  code: string;
  product: Enums<'product_base'>;
  productName: string;
  metal: Enums<'metal'>;
  ringSize: number | null;
  promisedDate: string | null;
  hasStones: boolean;
  stones: TicketStone[];
  specs: Json;
  /** The approved design's render, when one was uploaded as an image. */
  cadImage: TicketImage | null;
};

export const ticketProductLabels: Record<Enums<'product_base'>, string> = {
  bespoke_ring: 'Bespoke ring',
  stacking_rings: 'Stacking rings',
  layering_trio: 'Layering necklace trio',
  earscape: 'Earscape',
};

/** "Fri 4 Dec 2026": a date the bench reads at a glance, in no particular time zone. */
export function formatPromisedDate(date: string | null): string {
  if (!date) return 'No date promised';
  const d = new Date(`${date}T12:00:00Z`);
  return d.toLocaleDateString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function stoneLines(order: Pick<TicketOrder, 'hasStones' | 'stones'>): string[] {
  if (!order.hasStones) return ['None'];
  if (order.stones.length === 0) return ['Stones: see order (no certificate yet)'];
  return order.stones.map(
    (s) => `${s.carat.toFixed(2)} ct ${s.shape} · ${s.lab} ${s.reportNumber}`,
  );
}

/** The order's specs (engraving, finish, widths…) as "key: value" notes for the bench. */
export function noteLines(specs: Json): string[] {
  if (!specs || typeof specs !== 'object' || Array.isArray(specs)) return [];
  return Object.entries(specs)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => {
      const value = typeof v === 'object' ? JSON.stringify(v) : String(v);
      return `${k.replace(/_/g, ' ')}: ${value}`;
    });
}

export function ticketFields(order: TicketOrder): Array<{ label: string; lines: string[] }> {
  return [
    { label: 'Product', lines: [`${ticketProductLabels[order.product]} — ${order.productName}`] },
    { label: 'Metal', lines: [metalLabels[order.metal]] },
    { label: 'Size', lines: [order.ringSize === null ? '—' : String(order.ringSize)] },
    { label: 'Promised', lines: [formatPromisedDate(order.promisedDate)] },
    { label: 'Stones', lines: stoneLines(order) },
  ];
}
