// A hash of every row that matters, to prove a request changed nothing. Visit and
// activity times are left out: merely looking at a page may touch them.
import { createHash } from "node:crypto";
import { db } from "../../lib/db";
import { Prisma } from "../../lib/generated/prisma/client";

const VOLATILE_COLUMNS = new Set(["lastVisitedAt", "lastActiveAt"]);
// Failed sign-ins are counted on purpose; the credential signing key is made on first use.
const VOLATILE_TABLES = new Set<string>(["SignInFailure", "SigningKey"]);

/** One hash per table, so a failing comparison names the table that changed. */
export async function fingerprint(): Promise<Record<string, string>> {
  const tables: Record<string, string> = {};
  for (const model of Object.values(Prisma.ModelName)) {
    if (VOLATILE_TABLES.has(model)) continue;
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${model}"`);
    const lines = rows
      .map((row) => JSON.stringify(Object.entries(row).filter(([column]) => !VOLATILE_COLUMNS.has(column)), (_k, v) => (typeof v === "bigint" ? String(v) : v)))
      .sort();
    tables[model] = `${rows.length} rows ${createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 16)}`;
  }
  return tables;
}
