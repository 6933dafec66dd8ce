// `npm run db:migration -- add_something`: after an edit to prisma/schema.prisma,
// regenerates prisma/postgres/schema.prisma and writes the next migration for both
// databases under one name: prisma/migrations/<stamp>_<name> (SQLite) and
// prisma/postgres/migrations/<stamp>_<name> (PostgreSQL). `prisma migrate dev` needs
// the native engine, so each side is a `migrate diff --script`:
// - SQLite: from the migrations folder (replayed on a throwaway file) to the schema.
// - PostgreSQL with DATABASE_URL=postgresql://…: from its migrations folder (replayed on
//   a shadow database) to the generated schema. Without a server: from the previous
//   schema to the new one, offline. The previous schema is the first of (the generated
//   file before this run, the schema at git HEAD) that the SQLite migrations reach
//   exactly, so both migrations start from the same state.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { DIFF_EXIT, diffPostgresDatamodelsOffline, runPrismaCli } from "../lib/db/prisma-internals";
import { databaseUrl, isSqliteUrl } from "../lib/db/url";
import { postgresSchema, SOURCE, sourceSchema, TARGET, writePostgresSchema } from "./gen-postgres-schema";
import { hasStatements, POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS } from "./migration-parity";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "casebook-migration-"));
process.on("exit", () => fs.rmSync(tmp, { recursive: true, force: true }));
const scratchSqlite = () => `file:${path.join(fs.mkdtempSync(path.join(tmp, "db-")), "shadow.db")}`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function sqliteMigration(): string {
  const diff = runPrismaCli(["migrate", "diff", "--from-migrations", SQLITE_MIGRATIONS, "--to-schema-datamodel", SOURCE, "--script"], scratchSqlite());
  if (diff.status !== 0) fail(`SQLite diff failed:\n${diff.output}`);
  return diff.stdout;
}

/** Does replaying the SQLite migrations give exactly this SQLite schema? */
function sqliteMigrationsReach(source: string): boolean {
  const file = path.join(tmp, `candidate-${Math.random().toString(36).slice(2)}.prisma`);
  fs.writeFileSync(file, source);
  return runPrismaCli(["migrate", "diff", "--from-migrations", SQLITE_MIGRATIONS, "--to-schema-datamodel", file, "--exit-code"], scratchSqlite()).status === DIFF_EXIT.same;
}

function gitHeadSource(): string | undefined {
  try {
    return execFileSync("git", ["show", `HEAD:${SOURCE.split(path.sep).join("/")}`], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return undefined;
  }
}

function postgresMigration(previousGenerated: string): string {
  const url = databaseUrl();
  if (!isSqliteUrl(url)) {
    const diff = runPrismaCli(["migrate", "diff", "--from-migrations", POSTGRES_MIGRATIONS, "--to-schema-datamodel", TARGET, "--script"], url);
    if (diff.status !== 0) fail(`PostgreSQL diff (shadow database) failed:\n${diff.output}`);
    return diff.stdout;
  }
  const candidates = [
    { what: `${TARGET} before this run`, source: previousGenerated ? safely(() => sourceSchema(previousGenerated)) : undefined },
    { what: `${SOURCE} at git HEAD`, source: gitHeadSource() },
  ];
  const base = candidates.find((candidate) => candidate.source !== undefined && sqliteMigrationsReach(candidate.source));
  if (!base?.source)
    fail(
      `Cannot tell which schema the migrations stand at (tried ${candidates.map((c) => c.what).join(", ")}).\n` +
        "Run again with DATABASE_URL=postgresql://… to diff the PostgreSQL migrations on a shadow database.",
    );
  const from = path.join(tmp, "previous.prisma");
  fs.writeFileSync(from, postgresSchema(base.source));
  const diff = diffPostgresDatamodelsOffline(from, TARGET);
  if (diff.status !== 0) fail(`PostgreSQL diff (offline) failed:\n${diff.output}`);
  return diff.stdout;
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function main() {
  const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
  if (!name) fail("Usage: npm run db:migration -- <name>");
  process.env.CHECKPOINT_DISABLE = "1";

  const previousGenerated = writePostgresSchema();
  console.log(`Regenerated ${TARGET}`);
  const sqlite = sqliteMigration();
  const postgres = postgresMigration(previousGenerated);
  if (!hasStatements(sqlite) && !hasStatements(postgres)) {
    console.log("The schema matches the migrations; nothing to write.");
    return;
  }
  if (hasStatements(sqlite) !== hasStatements(postgres))
    fail(
      `Only one database has changes (SQLite: ${hasStatements(sqlite) ? "yes" : "no"}, PostgreSQL: ${hasStatements(postgres) ? "yes" : "no"}); ` +
        "the migration folders have drifted apart. Nothing was written; run the parity test (scripts/migration-parity.test.ts).",
    );

  const folder = `${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${name}`;
  const targets = [
    { dir: path.join(SQLITE_MIGRATIONS, folder), sql: sqlite },
    { dir: path.join(POSTGRES_MIGRATIONS, folder), sql: postgres },
  ];
  for (const { dir } of targets) if (fs.existsSync(dir)) fail(`${dir} already exists`);
  for (const { dir, sql } of targets) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${dir}/migration.sql`);
  }
  console.log("Check them with: npx vitest run --project unit scripts/migration-parity.test.ts");
}

main();
