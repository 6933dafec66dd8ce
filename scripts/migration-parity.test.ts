// Migration parity, offline (no PostgreSQL server): part of everyday `npm test`.
// Together with scripts/gen-postgres-schema.test.ts (the PostgreSQL schema is generated
// from the SQLite one) and tests/integration/migrations.test.ts (the SQLite migrations
// reach the SQLite schema, checked on a real SQLite shadow database), it keeps the two
// databases' migrations in step. The PostgreSQL migrations are checked here by replaying
// their DDL in a model of tables, columns, keys and indexes; a live PostgreSQL drift check
// runs in `npm run test:postgres`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe as group, expect, it } from "vitest";
import { adapterPgScriptStatements, diffPostgresDatamodelsOffline } from "@/lib/db/prisma-internals";
import { TARGET } from "./gen-postgres-schema";
import { migrationNames, migrationScripts, POSTGRES_MIGRATIONS, replayPostgres, SQLITE_MIGRATIONS, statements, structuralDifferences } from "./migration-parity";

/** The DDL Prisma writes for a PostgreSQL schema from empty, computed offline. */
function schemaDdl(schema: string): string {
  const diff = diffPostgresDatamodelsOffline("empty", schema);
  if (diff.status !== 0) throw new Error(diff.output);
  return diff.stdout;
}

const postgresMigrations = () => migrationScripts(POSTGRES_MIGRATIONS).map((migration) => migration.sql);

group("migration parity (offline)", () => {
  it("both folders hold the same migration names, so each change ships for both databases", () => {
    expect(migrationNames(POSTGRES_MIGRATIONS)).toEqual(migrationNames(SQLITE_MIGRATIONS));
    expect(migrationNames(SQLITE_MIGRATIONS).length).toBeGreaterThan(0);
  });

  it("each folder's lock file names its provider", () => {
    expect(fs.readFileSync(path.join(SQLITE_MIGRATIONS, "migration_lock.toml"), "utf8")).toContain('provider = "sqlite"');
    expect(fs.readFileSync(path.join(POSTGRES_MIGRATIONS, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
  });

  it("PostgreSQL migrations use ';' only to end statements (adapter-pg cuts scripts at every ';', even in comments)", () => {
    for (const { name, sql } of migrationScripts(POSTGRES_MIGRATIONS)) {
      const cut = adapterPgScriptStatements(sql).flatMap((piece) => statements(piece));
      expect(cut, name).toEqual(statements(sql));
    }
  });

  it(
    "replaying the PostgreSQL migrations' DDL gives the tables, columns, defaults, keys and indexes Prisma generates for the PostgreSQL schema",
    () => {
      const differences = structuralDifferences(replayPostgres([schemaDdl(TARGET)]), replayPostgres(postgresMigrations()));
      expect(differences).toEqual([]);
    },
    60_000,
  );

  it(
    "that check fails when the PostgreSQL schema gains a field its migrations lack",
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casebook-parity-"));
      const drifted = path.join(dir, "schema.prisma");
      fs.writeFileSync(drifted, fs.readFileSync(TARGET, "utf8").replace("model User {", "model User {\n  parityProbe String?"));
      const differences = structuralDifferences(replayPostgres([schemaDdl(drifted)]), replayPostgres(postgresMigrations()));
      expect(differences).toEqual(["only in schema: column User.parityProbe TEXT"]);
    },
    60_000,
  );
});

group("the PostgreSQL DDL replayer", () => {
  it("follows Prisma's ALTER statements: added, changed and dropped columns, keys and indexes", () => {
    const state = replayPostgres([
      `CREATE TABLE "A" ("id" TEXT NOT NULL, "n" INTEGER, CONSTRAINT "A_pkey" PRIMARY KEY ("id"));
       CREATE TABLE "B" ("id" TEXT NOT NULL, "aId" TEXT NOT NULL, CONSTRAINT "B_pkey" PRIMARY KEY ("id"));
       CREATE INDEX "B_aId_idx" ON "B"("aId");
       ALTER TABLE "B" ADD CONSTRAINT "B_aId_fkey" FOREIGN KEY ("aId") REFERENCES "A"("id") ON DELETE CASCADE ON UPDATE CASCADE;`,
      `-- AlterTable
       ALTER TABLE "A" ADD COLUMN     "label" TEXT NOT NULL DEFAULT 'x;y',
       ALTER COLUMN "n" SET NOT NULL,
       ALTER COLUMN "n" SET DEFAULT 0;
       ALTER TABLE "B" DROP CONSTRAINT "B_aId_fkey";
       DROP INDEX "B_aId_idx";
       CREATE UNIQUE INDEX "B_aId_key" ON "B"("aId");
       ALTER TABLE "B" RENAME COLUMN "aId" TO "parentId";`,
    ]);
    expect(structuralDifferences(state, replayPostgres([
      `CREATE TABLE "A" ("id" TEXT NOT NULL, "n" INTEGER NOT NULL DEFAULT 0, "label" TEXT NOT NULL DEFAULT 'x;y', CONSTRAINT "A_pkey" PRIMARY KEY ("id"));
       CREATE TABLE "B" ("id" TEXT NOT NULL, "parentId" TEXT NOT NULL, CONSTRAINT "B_pkey" PRIMARY KEY ("id"));
       CREATE UNIQUE INDEX "B_aId_key" ON "B"("parentId");`,
    ]))).toEqual([]);
  });

  it("refuses a statement it does not understand instead of skipping it", () => {
    expect(() => replayPostgres(['CREATE TABLE "A" ("id" TEXT NOT NULL);', 'CREATE TRIGGER "t" AFTER INSERT ON "A" EXECUTE FUNCTION f();'])).toThrow(/not understood/);
  });

  it("catches a ';' that adapter-pg would cut a migration at", () => {
    const sql = "-- keeps names equal; changes nothing\nCREATE TABLE \"A\" (\"v\" TEXT DEFAULT 'a;b');\n";
    expect(adapterPgScriptStatements(sql).flatMap((piece) => statements(piece))).not.toEqual(statements(sql));
  });

  it("splits statements on semicolons outside quotes, dropping comment lines", () => {
    expect(statements("-- a comment;\nSELECT ';' ;\n\nDROP INDEX \"x\";\n")).toEqual(["SELECT ';'", 'DROP INDEX "x"']);
  });
});
