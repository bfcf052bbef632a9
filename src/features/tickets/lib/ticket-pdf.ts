// Job tickets as one PDF, one ticket per page (A6 or US half-letter), made with pdf-lib. The QR
// is drawn as vector squares (crisp on any printer, no canvas needed) and encodes only the
// order's deep link; the order code is printed large beside it for a person or a wedge scanner.
import {
  PDFDocument,
  StandardFonts,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingRgbColor,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import QRCode from 'qrcode';
import { orderDeepLink } from '../../../lib/order-link';
import { noteLines, ticketFields, type TicketOrder } from './ticket-content';
import { paperSizes, type TicketPaper } from './ticket-paper';

export type BuildTicketsOptions = {
  paper: TicketPaper;
  /** The app's origin: the QR links to `<origin>/o/<code>`. */
  origin: string;
};

/**
 * The standard PDF fonts only know WinAnsi (Latin-1 and a few signs). Anything else a spec note
 * may hold (emoji, other scripts) becomes "?" rather than failing the whole print run.
 */
function printable(font: PDFFont, text: string): string {
  let out = '';
  for (const ch of text) {
    try {
      font.encodeText(ch);
      out += ch;
    } catch {
      out += '?';
    }
  }
  return out;
}

/** Words wrapped to a width; the last kept line ends with "…" when lines run out. */
function wrap(
  font: PDFFont,
  size: number,
  text: string,
  width: number,
  maxLines: number,
): string[] {
  const words = printable(font, text).split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    // A single word wider than the line (a long report URL) is cut.
    while (font.widthOfTextAtSize(line, size) > width && line.length > 1) line = line.slice(0, -1);
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, Math.max(0, maxLines));
    if (kept.length) kept[kept.length - 1] = `${kept[kept.length - 1]!.replace(/.$/, '')}…`;
    return kept;
  }
  return lines;
}

/**
 * The QR's dark modules as filled squares, runs of a row merged into one rectangle. `size` is
 * the code itself; the caller leaves four modules of white around it (the quiet zone).
 */
function drawQr(page: PDFPage, text: string, x: number, top: number, size: number): number {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const module = size / count;
  const originX = x;
  const originTop = top;
  const ops = [pushGraphicsState(), setFillingRgbColor(0, 0, 0)];
  for (let row = 0; row < count; row += 1) {
    let col = 0;
    while (col < count) {
      if (!qr.modules.get(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < count && qr.modules.get(row, col)) col += 1;
      ops.push(
        rectangle(
          originX + start * module,
          originTop - (row + 1) * module,
          (col - start) * module,
          module,
        ),
      );
    }
  }
  ops.push(fill(), popGraphicsState());
  page.pushOperators(...ops);
  return module;
}

function fitSize(font: PDFFont, text: string, width: number, max: number): number {
  const at = font.widthOfTextAtSize(text, max);
  return at <= width ? max : Math.floor((max * width) / at);
}

async function drawTicket(
  doc: PDFDocument,
  order: TicketOrder,
  fonts: { regular: PDFFont; bold: PDFFont },
  options: BuildTicketsOptions,
) {
  const { width, height } = paperSizes[options.paper];
  const page = doc.addPage([width, height]);
  const scale = width / paperSizes.a6.width;
  const margin = 14 * scale;
  const inner = width - 2 * margin;
  const ink = rgb(0, 0, 0);
  const grey = rgb(0.3, 0.3, 0.3);
  let y = height - margin;

  page.drawText('JOB TICKET', {
    x: margin,
    y: y - 8 * scale,
    size: 8 * scale,
    font: fonts.bold,
    color: grey,
  });
  y -= 12 * scale;
  const codeSize = fitSize(fonts.bold, order.code, inner, 30 * scale);
  y -= codeSize;
  page.drawText(order.code, { x: margin, y, size: codeSize, font: fonts.bold, color: ink });
  y -= 8 * scale;

  // QR on the left (the page margin and the gap below are its quiet zone), the approved design
  // on the right, four modules away.
  const qrSize = inner * 0.58;
  const link = orderDeepLink(options.origin, order.code);
  y -= 6 * scale;
  const module = drawQr(page, link, margin, y, qrSize);
  const thumbX = margin + qrSize + 4 * module;
  const thumbW = width - margin - thumbX;
  if (order.cadImage) {
    try {
      const image =
        order.cadImage.type === 'png'
          ? await doc.embedPng(order.cadImage.bytes)
          : await doc.embedJpg(order.cadImage.bytes);
      const fit = image.scaleToFit(thumbW, qrSize - 12 * scale);
      page.drawImage(image, {
        x: thumbX,
        y: y - fit.height - 4 * scale,
        width: fit.width,
        height: fit.height,
      });
      page.drawText('Approved design', {
        x: thumbX,
        y: y - fit.height - 13 * scale,
        size: 7 * scale,
        font: fonts.regular,
        color: grey,
      });
    } catch {
      // An unreadable render must not stop the ticket; the bench has the order page.
      page.drawText('Design image unreadable', {
        x: thumbX,
        y: y - 20 * scale,
        size: 7 * scale,
        font: fonts.regular,
        color: grey,
      });
    }
  } else {
    const lines = wrap(fonts.regular, 7 * scale, 'No approved design image', thumbW, 2);
    lines.forEach((l, i) =>
      page.drawText(l, {
        x: thumbX,
        y: y - (20 + i * 9) * scale,
        size: 7 * scale,
        font: fonts.regular,
        color: grey,
      }),
    );
  }
  y -= qrSize + 3 * module;
  const linkSize = fitSize(fonts.regular, link, inner, 7 * scale);
  page.drawText(printable(fonts.regular, link), {
    x: margin,
    y: y + 2 * scale,
    size: linkSize,
    font: fonts.regular,
    color: grey,
  });
  y -= 10 * scale;

  const labelSize = 7 * scale;
  const valueSize = 10.5 * scale;
  const labelW = 52 * scale;
  const bottom = margin + 10 * scale;
  for (const field of ticketFields(order)) {
    if (y - valueSize < bottom) break;
    page.drawText(field.label.toUpperCase(), {
      x: margin,
      y: y - valueSize + 1,
      size: labelSize,
      font: fonts.bold,
      color: grey,
    });
    for (const value of field.lines) {
      for (const line of wrap(fonts.regular, valueSize, value, inner - labelW, 2)) {
        if (y - valueSize < bottom) break;
        y -= valueSize + 2 * scale;
        page.drawText(line, {
          x: margin + labelW,
          y,
          size: valueSize,
          font: fonts.regular,
          color: ink,
        });
      }
    }
    y -= 3 * scale;
  }

  const notes = noteLines(order.specs);
  if (notes.length && y - 2 * valueSize > bottom) {
    y -= 4 * scale;
    page.drawText('SPECIAL NOTES', {
      x: margin,
      y: y - labelSize,
      size: labelSize,
      font: fonts.bold,
      color: grey,
    });
    y -= labelSize + 2 * scale;
    const noteSize = 9 * scale;
    const room = Math.max(0, Math.floor((y - bottom) / (noteSize + 2 * scale)));
    const lines = notes.flatMap((n) => wrap(fonts.regular, noteSize, n, inner, 3));
    const shown =
      lines.length > room
        ? [...lines.slice(0, Math.max(0, room - 1)), '… more on the order page']
        : lines;
    for (const line of shown) {
      y -= noteSize + 2 * scale;
      page.drawText(line, { x: margin, y, size: noteSize, font: fonts.regular, color: ink });
    }
  }
}

/** One PDF with one ticket per page, in the order given. */
export async function buildTicketsPdf(
  orders: readonly TicketOrder[],
  options: BuildTicketsOptions,
): Promise<Uint8Array> {
  if (orders.length === 0) throw new Error('No orders to print.');
  const doc = await PDFDocument.create();
  // The document's own metadata says what it is, and nothing about whom it is for.
  doc.setTitle(
    orders.length === 1 ? `Job ticket ${orders[0]!.code}` : `Job tickets (${orders.length})`,
  );
  doc.setCreator('Loupe');
  doc.setProducer('Loupe');
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  for (const order of orders) await drawTicket(doc, order, fonts, options);
  return doc.save();
}
