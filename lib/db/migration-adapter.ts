// Driver adapter for the Prisma CLI (migrate deploy/diff/status) on SQLite.
// Used by prisma.config.ts only; the app's runtime client lives in lib/db/client.ts.
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl, isSqliteUrl, sqliteFilePath } from "./url";

type Queryable = {
  executeRaw(query: { sql: string; args: unknown[] }): Promise<number>;
  queryRaw(query: { sql: string; args: unknown[] }): Promise<unknown>;
  executeScript(script: string): Promise<void>;
};

const EMPTY_RESULT = { columnNames: [], columnTypes: [], rows: [] };

/**
 * The schema engine replays whole migration files on the shadow database through
 * executeRaw/queryRaw, but better-sqlite3's prepare() accepts one statement only
 * (P3006 "failed to apply cleanly to the shadow database"). Route parameterless
 * multi-statement SQL through executeScript, which uses exec() and accepts many.
 */
function acceptMultiStatementScripts<T extends Queryable>(adapter: T): T {
  const isScript = (query: { sql: string; args: unknown[] }) =>
    query.args.length === 0 && query.sql.split(";").filter((part) => part.trim()).length > 1;
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      if (prop === "executeRaw" || prop === "queryRaw") {
        return async (query: { sql: string; args: unknown[] }) => {
          if (!isScript(query)) return Reflect.get(target, prop, receiver).call(target, query);
          await target.executeScript(query.sql);
          return prop === "executeRaw" ? 0 : EMPTY_RESULT;
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export async function migrationAdapter() {
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
  factory.connectToShadowDb = async () =>
    acceptMultiStatementScripts((await connectToShadowDb()) as unknown as Queryable) as never;
  return factory;
}
