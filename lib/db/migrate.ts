// Applies migrations with Prisma's CLI (WASM schema engine, nothing downloaded) and
// switches the SQLite file to WAL so readers never block the single writer.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseUrl, isSqliteUrl, sqliteFilePath } from "./url";

const PRISMA_CLI = path.join(process.cwd(), "node_modules", "prisma", "build", "index.js");

export function prismaEnv(url: string): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
}

/** Runs the Prisma CLI with the given arguments; returns its exit code and output. */
export function runPrisma(args: string[], url = databaseUrl()) {
  const result = spawnSync(process.execPath, [PRISMA_CLI, ...args], {
    env: prismaEnv(url),
    encoding: "utf8",
  });
  return { status: result.status ?? 1, stdout: result.stdout, output: `${result.stdout}${result.stderr}` };
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
    const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return all;
    const applied = new Set(
      sqlite
        .prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")
        .all()
        .map((row) => (row as { migration_name: string }).migration_name),
    );
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
