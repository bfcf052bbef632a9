// CSV as spreadsheets read it (RFC 4180): comma-separated, CRLF line ends, fields quoted when
// they hold a comma, quote or line break, quotes doubled. A field that starts like a formula
// (= + - @) is prefixed with an apostrophe so Excel shows it instead of running it (OWASP's
// CSV injection advice) — customer names are typed by the public.
export type CsvCell = string | number | boolean | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return cells.map(csvField).join(',');
}

/** A header line, then one line per row; ends with CRLF like every line. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((cells) => `${csvLine(cells)}\r\n`).join('');
}
