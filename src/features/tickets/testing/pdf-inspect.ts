// Reading a generated ticket PDF back, for tests: the text each page shows (the hex strings of
// its Tj operators, as pdf-lib writes them for the standard fonts) and the filled rectangles
// (the QR's modules), so a test can check what is printed and rasterise the QR for a camera.
import {
  PDFArray,
  PDFDocument,
  PDFRawStream,
  decodePDFRawStream,
  type PDFRef,
  type PDFStream,
} from 'pdf-lib';

async function pageContents(
  bytes: Uint8Array,
): Promise<{ width: number; height: number; content: string }[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams: PDFStream[] =
      contents instanceof PDFArray
        ? contents.asArray().map((ref) => doc.context.lookup(ref as PDFRef) as PDFStream)
        : contents
          ? [contents]
          : [];
    const content = streams
      .map((s) =>
        s instanceof PDFRawStream
          ? new TextDecoder('latin1').decode(decodePDFRawStream(s).decode())
          : new TextDecoder('latin1').decode(s.getContents()),
      )
      .join('\n');
    const { width, height } = page.getSize();
    return { width, height, content };
  });
}

// WinAnsi differs from Latin-1 only in 0x80–0x9f; these are the signs a ticket uses.
const winAnsiExtras: Record<number, string> = {
  0x85: '…',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
};

function hexText(hex: string): string {
  let out = '';
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const code = parseInt(hex.slice(i, i + 2), 16);
    out += winAnsiExtras[code] ?? String.fromCharCode(code);
  }
  return out;
}

/** Every page's shown text, one string per page, pieces joined by newlines. */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const pages = await pageContents(bytes);
  return pages.map(({ content }) =>
    [...content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj|\((.*?)\)\s*Tj/g)]
      .map((m) => (m[1] !== undefined ? hexText(m[1]) : (m[2] ?? '')))
      .join('\n'),
  );
}

export type PdfRect = { x: number; y: number; width: number; height: number };

/** The `re` rectangles of one page (the ticket draws only its QR modules with them). */
export async function pdfPageRects(
  bytes: Uint8Array,
  pageIndex = 0,
): Promise<{ width: number; height: number; rects: PdfRect[] }> {
  const page = (await pageContents(bytes))[pageIndex];
  if (!page) throw new Error(`no page ${pageIndex}`);
  const num = '(-?[0-9.]+)';
  const re = new RegExp(`${num}\\s+${num}\\s+${num}\\s+${num}\\s+re\\b`, 'g');
  const rects = [...page.content.matchAll(re)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    width: Number(m[3]),
    height: Number(m[4]),
  }));
  return { width: page.width, height: page.height, rects };
}
