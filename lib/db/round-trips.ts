// Counts what the app sends to the database, for the per-request budgets
// (tests/integration/budgets.test.ts). Installed only when CASEBOOK_COUNT_ROUND_TRIPS=1
// (lib/db/client.ts then wraps its driver adapter with countStatements from
// lib/db/prisma-internals.ts); otherwise nothing here runs, so production pays nothing.
import type { StatementSink } from "./prisma-internals";

export type RoundTrips = {
  /** Statements sent, including BEGIN and COMMIT/ROLLBACK of each transaction. */
  roundTrips: number;
  reads: number;
  /** INSERT/UPDATE/DELETE (also INSERT … RETURNING sent as a query), and any executeRaw that is not transaction control. */
  writes: number;
  /** Interactive or batch transactions opened. */
  transactions: number;
  /** The statements, in order, for a message when a budget is exceeded. */
  statements: string[];
};

export type StatementKind = "read" | "write" | "control";

const CONTROL = /^\s*(begin|commit|rollback|savepoint|release|set\s+transaction)\b/i;
const WRITE = /^\s*(insert|update|delete|replace|merge)\b/i;
const WRITE_AFTER_CTE = /^\s*with\b[\s\S]*\)\s*(insert|update|delete|merge)\b/i;

/** How a statement counts: transaction control, a write, or a read. */
export function statementKind(sql: string, method: string): StatementKind {
  if (CONTROL.test(sql)) return "control";
  if (WRITE.test(sql) || WRITE_AFTER_CTE.test(sql)) return "write";
  return method === "queryRaw" ? "read" : "write";
}

const empty = (): RoundTrips => ({ roundTrips: 0, reads: 0, writes: 0, transactions: 0, statements: [] });

class RoundTripMeter implements StatementSink {
  installed = false;
  private current = empty();

  statement(sql: string, method: string) {
    const kind = statementKind(sql, method);
    this.current.roundTrips++;
    if (kind === "read") this.current.reads++;
    if (kind === "write") this.current.writes++;
    this.current.statements.push(`${kind}: ${sql.replace(/\s+/g, " ").slice(0, 160)}`);
  }

  transaction() {
    this.current.transactions++;
  }

  /** Everything counted since the last take, and a fresh start. */
  take(): RoundTrips {
    const taken = this.current;
    this.current = empty();
    return taken;
  }
}

/** The process's one meter; lib/db/client.ts reports to it when counting is on. */
export const roundTripMeter = new RoundTripMeter();

/**
 * Runs `run` and returns what it sent to the database. Runs must not overlap: the
 * meter counts everything the client sends meanwhile. Throws unless counting is on,
 * so a test cannot pass by measuring nothing.
 */
export async function countRoundTrips<T>(run: () => Promise<T>): Promise<{ result: T; count: RoundTrips }> {
  if (!roundTripMeter.installed) throw new Error("Round trips are not being counted: set CASEBOOK_COUNT_ROUND_TRIPS=1 before lib/db is first imported.");
  roundTripMeter.take();
  const result = await run();
  return { result, count: roundTripMeter.take() };
}
