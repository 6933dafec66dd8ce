// Driver adapter for the Prisma CLI (migrate deploy/diff/status) on SQLite.
// Used by prisma.config.ts only; the app's runtime client lives in lib/db/client.ts.
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { acceptMultiStatementScripts, OFFLINE_POSTGRES_ENV, offlinePostgresAdapterFactory } from "./prisma-internals";
import { databaseUrl, isSqliteUrl, sqliteFilePath } from "./url";

export async function migrationAdapter() {
  // Datamodel-to-datamodel diffs for PostgreSQL without a server (npm run db:migration, the parity test).
  if (process.env[OFFLINE_POSTGRES_ENV] === "1") return offlinePostgresAdapterFactory() as never;
  const url = databaseUrl();
  if (!isSqliteUrl(url)) {
    const { postgresMigrationAdapter } = await import("./migration-adapter-pg");
    return postgresMigrationAdapter(url);
  }
  const file = sqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Wait for a running app's write lock instead of failing with SQLITE_BUSY.
  const factory = new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 10_000 });
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => acceptMultiStatementScripts(await connectToShadowDb());
  return factory;
}
