// CSV text as RFC 4180 defines it: comma-separated fields, CRLF line ends, and a field that
// holds a comma, a double quote or a line break enclosed in double quotes (inner quotes doubled).

/** One field, quoted when it must be. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A table as CSV text: one line per row, each ended by CRLF. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
