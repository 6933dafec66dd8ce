import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl, sqliteFilePath } from "./url";

/** Busy timeout: concurrent writers wait this long for the lock instead of failing. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

function createClient(): PrismaClient {
  const file = sqliteFilePath(databaseUrl());
  const adapter = new PrismaBetterSQLite3({ url: `file:${file}`, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return new PrismaClient({ adapter });
}

// One client per process. Development reloads modules on every edit, so the client
// is parked on globalThis to avoid opening a new connection each time.
const globalForDb = globalThis as unknown as { casebookDb?: PrismaClient };
export const db: PrismaClient = globalForDb.casebookDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.casebookDb = db;

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
