import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-pg/client";
import { serverEnv } from "@/lib/env";
import { beginImmediate, countStatements } from "./prisma-internals";
import { roundTripMeter } from "./round-trips";
import { databaseUrl, isSqliteUrl, sqliteFilePath } from "./url";

/** Busy timeout: concurrent writers wait this long for the lock instead of failing. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/**
 * DATABASE_URL chooses the database: a file: URL opens the embedded SQLite file,
 * postgres:// a PostgreSQL pool. Both clients come from one schema and share an API,
 * so the rest of the app uses one type.
 */
function createClient(): PrismaClient {
  const url = databaseUrl();
  if (isSqliteUrl(url)) {
    const adapter = new PrismaBetterSQLite3({ url: `file:${sqliteFilePath(url)}`, timeout: SQLITE_BUSY_TIMEOUT_MS });
    return new PrismaClient({ adapter: counted(beginImmediate(adapter)) });
  }
  const adapter = new PrismaPg({ connectionString: url, max: serverEnv().DATABASE_POOL_SIZE });
  return new PostgresPrismaClient({ adapter: counted(adapter) }) as unknown as PrismaClient;
}

/**
 * Integration tests set CASEBOOK_COUNT_ROUND_TRIPS=1 to count every statement
 * (tests/integration/budgets.test.ts); otherwise the adapter is used as it is, at no cost.
 */
function counted<A extends object>(adapter: A): A {
  if (serverEnv().CASEBOOK_COUNT_ROUND_TRIPS !== "1") return adapter;
  roundTripMeter.installed = true;
  return countStatements(adapter, roundTripMeter);
}

// One client per process. Development reloads modules on every edit, so the client
// is parked on globalThis to avoid opening a new connection each time.
const globalForDb = globalThis as unknown as { casebookDb?: PrismaClient };
export const db: PrismaClient = globalForDb.casebookDb ?? createClient();
if (serverEnv().NODE_ENV !== "production") globalForDb.casebookDb = db;

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
