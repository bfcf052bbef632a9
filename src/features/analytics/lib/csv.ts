// CSV of the data behind a chart (RFC 4180: comma-separated, CRLF lines, fields quoted when they
// hold a comma, quote or line break). A text field that starts with = + - @ is prefixed with an
// apostrophe so a spreadsheet never runs it as a formula (OWASP "CSV injection").
export type CsvColumn<T> = {
  header: string;
  value: (row: T) => string | number | null | undefined;
};

function field(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map((c) => field(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => field(c.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** "analytics-turnaround-2026-08-03-to-2026-11-23-earscape.csv" */
export function csvFileName(
  chart: string,
  range: { from: string; to: string; product: string | null },
): string {
  const slug = chart
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `analytics-${slug}-${range.from}-to-${range.to}${range.product ? `-${range.product}` : ''}.csv`;
}
