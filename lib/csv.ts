// CSV writing for exports (RFC 4180), with spreadsheet formula injection neutralized.

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: quoted when needed; a leading = + - @ (or tab/CR) is prefixed with ' so no spreadsheet runs it. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** UTF-8 byte order mark, so spreadsheet programs read accented names correctly. */
export const CSV_BOM = "\uFEFF";
