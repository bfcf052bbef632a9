// SQL text helpers: identifier quoting and bound parameters. Identifiers reaching these helpers
// come from the schema cache; values never become SQL text, only `$n` placeholders.

/** Quotes an identifier the way Postgres' quote_ident does, always. */
export function ident(name: string): string {
  return '"' + name.replaceAll('"', '""') + '"';
}

/** `"schema"."name"` */
export function qident(schema: string, name: string): string {
  return ident(schema) + '.' + ident(name);
}

/** The values bound to one statement; `add` returns the placeholder to put in the SQL text. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return '$' + this.values.length;
  }
}

/**
 * A Postgres array literal for a list of text values (`{"a","b"}`), so an `in` list travels as
 * one bound parameter whatever the driver's own array handling is. NULL stays unquoted.
 */
export function arrayLiteral(values: (string | null)[]): string {
  return (
    '{' +
    values
      .map((v) =>
        v === null ? 'NULL' : '"' + v.replaceAll('\\', '\\\\').replaceAll('"', '\\"') + '"',
      )
      .join(',') +
    '}'
  );
}
