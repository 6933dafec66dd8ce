// Values of hand-written statements ($queryRaw) come back in each driver's own types:
// PostgreSQL gives Date, boolean and number; SQLite gives the stored ISO text, 0/1 and
// number or bigint (and, in a UNION, loses the column's declared type). These read either.

export function rawDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  const text = String(value);
  if (/^\d+$/.test(text)) return new Date(Number(text));
  // PostgreSQL's text form of a timestamp without zone ("2026-11-29 17:18:04.421") is UTC here.
  const iso = text.includes("T") ? text : `${text.replace(" ", "T")}Z`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`Not a stored date: ${text}`);
  return date;
}

export function rawBool(value: unknown): boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value;
  if (typeof value === "number" || typeof value === "bigint") return Number(value) !== 0;
  return value === "true" || value === "1";
}

export function rawNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  return Number(value);
}

export function rawText(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
