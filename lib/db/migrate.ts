// Applies migrations with Prisma's CLI (WASM schema engine, nothing downloaded) and
// switches the SQLite file to WAL so readers never block the single writer.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { appliedMigrationNames, runPrismaCli } from "./prisma-internals";
import { databaseUrl, isSqliteUrl, sqliteFilePath } from "./url";

/** Runs the Prisma CLI with the given arguments; returns its exit code and output. */
export function runPrisma(args: string[], url = databaseUrl()) {
  return runPrismaCli(args, url);
}

export function enableWal(url: string): void {
  if (!isSqliteUrl(url)) return;
  const sqlite = new Database(sqliteFilePath(url));
  try {
    sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
}

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

/** Migration folders not yet recorded as applied (SQLite; read directly, no engine). */
export function pendingMigrations(url: string): string[] {
  const all = fs.readdirSync(MIGRATIONS_DIR).filter((name) => fs.existsSync(path.join(MIGRATIONS_DIR, name, "migration.sql")));
  const file = sqliteFilePath(url);
  if (!fs.existsSync(file)) return all;
  const sqlite = new Database(file, { readonly: true, timeout: 10_000 });
  try {
    const applied = appliedMigrationNames(sqlite);
    return all.filter((name) => !applied.has(name));
  } finally {
    sqlite.close();
  }
}

/**
 * Applies pending migrations. On SQLite the check is a plain read, so starting a
 * second process beside a running app neither spawns the engine nor takes a lock.
 */
export function migrateDatabase(url = databaseUrl()): void {
  if (isSqliteUrl(url)) {
    fs.mkdirSync(path.dirname(sqliteFilePath(url)), { recursive: true });
    if (pendingMigrations(url).length === 0) return;
  }
  const { status, output } = runPrisma(["migrate", "deploy"], url);
  if (status !== 0) throw new Error(`Migrations failed:\n${output}`);
  enableWal(url);
}

const POSTGRES_MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "postgres", "migrations");

/**
 * PostgreSQL migration folders the database has not recorded as applied, asked with one
 * query instead of the schema engine (which takes seconds to start). Null when the
 * database cannot say (no migrations table yet, or no connection): then the engine decides.
 */
export async function pendingPostgresMigrations(url: string): Promise<string[] | null> {
  const all = fs.readdirSync(POSTGRES_MIGRATIONS_DIR).filter((name) => fs.existsSync(path.join(POSTGRES_MIGRATIONS_DIR, name, "migration.sql")));
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    return all.filter((name) => !applied.has(name));
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** migrateDatabase for a one-off command: on PostgreSQL it starts the engine only when a migration is pending. */
export async function migrateIfPending(url = databaseUrl()): Promise<void> {
  if (!isSqliteUrl(url) && (await pendingPostgresMigrations(url))?.length === 0) return;
  migrateDatabase(url);
}
