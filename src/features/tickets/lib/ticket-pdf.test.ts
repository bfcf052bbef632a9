// Job tickets as the bench reads them, and what they must never carry: the network is mocked in
// PostgREST's shapes by a server that answers more than it is asked (the order row with its
// customer embedded, the customer's contact row on request), so a ticket that started to print
// or fetch a customer detail would show up here.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { env } from '../../../config/env';
import { fetchTicketOrders, ticketOrderColumns } from '../api/ticket-orders-query';
import { pdfPageRects, pdfPageTexts } from '../testing/pdf-inspect';
import { buildTicketsPdf } from './ticket-pdf';
import { paperSizes } from './ticket-paper';
import type { TicketOrder } from './ticket-content';

const rest = (path: string) => `${env.supabaseUrl}/rest/v1${path}`;

// Distinctive values: none of them may ever appear in a ticket.
const contact = {
  customer_id: 'c0000000-0000-4000-8000-000000000001',
  full_name: 'Zephyrine Quillfeather-Ostrander',
  email: 'zephyrine.q@example-contact.test',
  phone: '+1 (555) 013-7788',
  address_line1: '1187 Marigold Escarpment',
  address_line2: 'Apt 9Q',
  city: 'Wyndemoor',
  region: 'PA',
  postal_code: '19038',
  country: 'US',
};
const customerName = 'Zephyrine Q.';
const contactValues = [
  contact.full_name,
  contact.email,
  contact.phone,
  contact.address_line1,
  contact.city,
  contact.postal_code,
  customerName,
];

const orderRow = (code: string, id: string, over: Record<string, unknown> = {}) => ({
  id,
  code,
  customer_id: contact.customer_id,
  product: 'bespoke_ring',
  product_name: 'Oval solitaire on a knife-edge band',
  metal: 'platinum',
  ring_size: 6.5,
  promised_date: '2026-12-04',
  has_stones: true,
  has_certified_stones: true,
  specs: { engraving: 'Always, J', finish: 'high polish' },
  cad_state: 'approved',
  stage: 'production',
  // What a careless server (or a future embed) would hand over along with the order.
  customer: { display_name: customerName, customer_contacts: contact },
  ...over,
});

// A 1×1 PNG, the smallest render a CAD upload could be.
const tinyPng = () =>
  Uint8Array.from(
    atob(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    ),
    (c) => c.charCodeAt(0),
  );

const requested: string[] = [];
const server = setupServer(
  http.get(rest('/orders'), ({ request }) => {
    requested.push(`orders?${new URL(request.url).searchParams.toString()}`);
    return HttpResponse.json([
      orderRow('LP-2026-0042', 'o-42'),
      orderRow('LP-2026-0043', 'o-43', {
        cad_state: 'drafting',
        ring_size: null,
      }),
    ]);
  }),
  http.get(rest('/order_stone_allocations'), () =>
    HttpResponse.json([
      {
        order_id: 'o-43',
        kind: 'melee',
        lab: null,
        report_number: null,
        carat: 0.12,
        shape: 'round',
        lot_code: 'ML-7',
        stone_count: 6,
        allocated_at: '2026-11-02T10:00:00Z',
      },
    ]),
  ),
  http.get(rest('/certificates'), () =>
    HttpResponse.json([
      { order_id: 'o-42', lab: 'GIA', report_number: '2141438172', carat: 1.02, cut_shape: 'oval' },
    ]),
  ),
  http.get(rest('/attachments'), () =>
    HttpResponse.json([
      {
        order_id: 'o-42',
        storage_path: 'o-42/render.png',
        mime_type: 'image/png',
        uploaded_at: '2026-11-01T10:00:00Z',
      },
      {
        order_id: 'o-43',
        storage_path: 'o-43/render.png',
        mime_type: 'image/png',
        uploaded_at: '2026-11-01T10:00:00Z',
      },
    ]),
  ),
  http.get(`${env.supabaseUrl}/storage/v1/object/cad/*`, ({ request }) => {
    requested.push(new URL(request.url).pathname);
    return new HttpResponse(tinyPng() as BodyInit, { headers: { 'Content-Type': 'image/png' } });
  }),
  http.get(rest('/customers'), () => {
    requested.push('customers');
    return HttpResponse.json([{ id: contact.customer_id, display_name: customerName }]);
  }),
  http.get(rest('/customer_contacts'), () => {
    requested.push('customer_contacts');
    return HttpResponse.json([contact]);
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  requested.splice(0);
});
afterAll(() => server.close());

const origin = 'https://loupe.example.com';

describe('job tickets', () => {
  it('print the making details of each order, one page per order', async () => {
    const orders = await fetchTicketOrders(['LP-2026-0042', 'LP-2026-0043']);
    const pdf = await buildTicketsPdf(orders, { paper: 'a6', origin });
    // Wrapped lines are joined back with spaces to read as sentences.
    const [first, second, third] = (await pdfPageTexts(pdf)).map((t) => t.replace(/\n/g, ' '));
    expect(third).toBeUndefined();

    expect(first).toContain('LP-2026-0042');
    expect(first).toContain('Bespoke ring — Oval solitaire on a knife-edge band');
    expect(first).toContain('Platinum');
    expect(first).toContain('6.5');
    expect(first).toContain('Fri, 4 Dec 2026');
    expect(first).toMatch(/1\.02 ct oval · GIA 2141438172/);
    expect(first).toContain('engraving: Always, J');
    expect(first).toContain('Approved design');
    expect(first).toContain(`${origin}/o/LP-2026-0042`);

    expect(second).toContain('LP-2026-0043');
    // Its allocated melee, by lot (allocations win over certificates when an order has both).
    expect(second).toMatch(/0\.12 ct round · Melee lot ML-7 ×6/);
    // Not approved yet: no design image is printed, and the render was never downloaded.
    expect(second).toContain('No approved design image');
    expect(requested.filter((r) => r.includes('o-43'))).toEqual([]);
    expect(requested.filter((r) => r.includes('o-42/render.png'))).toHaveLength(1);
  });

  it('never carry, nor fetch, a customer name or contact detail', async () => {
    const orders = await fetchTicketOrders(['LP-2026-0042', 'LP-2026-0043']);
    for (const paper of ['a6', 'half_letter'] as const) {
      const pdf = await buildTicketsPdf(orders, { paper, origin });
      const texts = (await pdfPageTexts(pdf)).join('\n');
      // The raw file too: metadata, image data, anything pdf-lib wrote.
      const raw = new TextDecoder('latin1').decode(pdf);
      for (const value of contactValues) {
        expect(texts).not.toContain(value);
        expect(raw).not.toContain(value);
      }
    }
    expect(requested.some((r) => r === 'customers' || r === 'customer_contacts')).toBe(false);
    const select = requested.find((r) => r.startsWith('orders?')) ?? '';
    expect(new URLSearchParams(select.slice('orders?'.length)).get('select')).toBe(
      ticketOrderColumns.replace(/\s/g, ''),
    );
    expect(ticketOrderColumns).not.toMatch(/customer/);
    // Nothing in the data handed to the builder names the customer either.
    expect(JSON.stringify(orders.map((o) => ({ ...o, cadImage: null })))).not.toMatch(
      /Zephyrine|example-contact|Marigold|customer/,
    );
  });

  it('draw a QR that fills half the ticket and encodes the deep link, on both papers', async () => {
    const order: TicketOrder = {
      code: 'LP-2026-0042',
      product: 'earscape',
      productName: 'Five-piece earscape',
      metal: 'gold_18k_yellow',
      ringSize: null,
      promisedDate: null,
      hasStones: true,
      stones: [],
      specs: {},
      cadImage: null,
    };
    for (const paper of ['a6', 'half_letter'] as const) {
      const pdf = await buildTicketsPdf([order], { paper, origin });
      const { width, height, rects } = await pdfPageRects(pdf);
      expect(width).toBeCloseTo(paperSizes[paper].width, 1);
      expect(height).toBeCloseTo(paperSizes[paper].height, 1);
      const left = Math.min(...rects.map((r) => r.x));
      const right = Math.max(...rects.map((r) => r.x + r.width));
      // Large enough to read from a bench at arm's length: over 45 % of the page width.
      expect((right - left) / width).toBeGreaterThan(0.45);
      const text = (await pdfPageTexts(pdf))[0];
      expect(text).toContain('No date promised');
      expect(text).toContain('Stones: see order (no certificate yet)');
    }
  });

  it('print a note in a script the PDF font lacks as "?" instead of failing', async () => {
    const order = (await fetchTicketOrders(['LP-2026-0042']))[0]!;
    const pdf = await buildTicketsPdf([{ ...order, specs: { engraving: 'Ξ 永遠 ♥' } }], {
      paper: 'a6',
      origin,
    });
    expect((await pdfPageTexts(pdf))[0]).toContain('engraving: ? ?? ?');
  });
});
