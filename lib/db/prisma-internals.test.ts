import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import {
  acceptMultiStatementScripts,
  appliedMigrationNames,
  assertPrismaVersion,
  installedPrismaVersions,
  isSqliteBusyError,
  PRISMA_PACKAGES,
  PRISMA_VERSION,
} from "./prisma-internals";

describe("the Prisma version guard", () => {
  it("the installed Prisma packages are the release the internals were written for", () => {
    expect(PRISMA_VERSION).toBe("6.19.3");
    expect(installedPrismaVersions()).toEqual(Object.fromEntries(PRISMA_PACKAGES.map((name) => [name, PRISMA_VERSION])));
    expect(() => assertPrismaVersion()).not.toThrow();
  });

  it("throws a clear error naming each package that differs, read from its package.json", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "casebook-prisma-version-"));
    const install = (name: string, version: string) => {
      fs.mkdirSync(path.join(root, "node_modules", name), { recursive: true });
      fs.writeFileSync(path.join(root, "node_modules", name, "package.json"), JSON.stringify({ name, version }));
    };
    install("prisma", "7.0.0");
    install("@prisma/client", PRISMA_VERSION);
    install("@prisma/adapter-pg", PRISMA_VERSION);
    const found = installedPrismaVersions(root);
    expect(found).toMatchObject({ prisma: "7.0.0", "@prisma/client": PRISMA_VERSION, "@prisma/adapter-better-sqlite3": undefined });
    expect(() => assertPrismaVersion(found)).toThrow(
      /written for Prisma 6\.19\.3, but found prisma 7\.0\.0, @prisma\/adapter-better-sqlite3 \(not installed\)\. .*re-check each use/,
    );
  });
});

describe("the internals it wraps", () => {
  it("reads applied migrations from _prisma_migrations, skipping unfinished and rolled-back ones", () => {
    const sqlite = new Database(":memory:");
    expect(appliedMigrationNames(sqlite)).toEqual(new Set());
    sqlite.exec(`CREATE TABLE _prisma_migrations (migration_name TEXT, finished_at DATETIME, rolled_back_at DATETIME);
      INSERT INTO _prisma_migrations VALUES ('a', 1, NULL), ('b', NULL, NULL), ('c', 1, 1);`);
    expect(appliedMigrationNames(sqlite)).toEqual(new Set(["a"]));
    sqlite.close();
  });

  it("sends parameterless multi-statement SQL to executeScript, everything else through", async () => {
    const calls: string[] = [];
    const adapter = acceptMultiStatementScripts({
      executeRaw: async (query: { sql: string }) => (calls.push(`raw ${query.sql}`), 1),
      queryRaw: async (query: { sql: string }) => (calls.push(`query ${query.sql}`), { rows: [[1]] }),
      executeScript: async (script: string) => void calls.push(`script ${script}`),
    });
    expect(await adapter.executeRaw({ sql: "CREATE TABLE a (x); CREATE TABLE b (y);", args: [] } as never)).toBe(0);
    expect(await adapter.executeRaw({ sql: "DELETE FROM a WHERE x = ?; ", args: [1] } as never)).toBe(1);
    expect(await adapter.queryRaw({ sql: "SELECT 1", args: [] } as never)).toEqual({ rows: [[1]] });
    expect(calls).toEqual(["script CREATE TABLE a (x); CREATE TABLE b (y);", "raw DELETE FROM a WHERE x = ?; ", "query SELECT 1"]);
  });

  it("recognises SQLite busy errors wherever the adapter puts them", () => {
    expect(isSqliteBusyError({ code: "SQLITE_BUSY_SNAPSHOT" })).toBe(true);
    expect(isSqliteBusyError(new Error("database is locked"))).toBe(true);
    expect(isSqliteBusyError({ message: "x", meta: { driverAdapterError: { cause: { originalCode: "SQLITE_BUSY" } } } })).toBe(true);
    expect(isSqliteBusyError(new Error("UNIQUE constraint failed"))).toBe(false);
    expect(isSqliteBusyError(undefined)).toBe(false);
  });
});
