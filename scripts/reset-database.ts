// Test helper: empties the database named by DATABASE_URL (deletes the SQLite file,
// or drops and recreates the PostgreSQL database). Refuses the default local database.
import fs from "node:fs";
import pg from "pg";
import { databaseUrl, DEFAULT_DATABASE_URL, isSqliteUrl, sqliteFilePath } from "../lib/db/url";

async function main() {
  const url = databaseUrl();
  if (url === DEFAULT_DATABASE_URL) throw new Error("Refusing to reset the default local database.");
  if (isSqliteUrl(url)) {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(sqliteFilePath(url) + suffix, { force: true });
    return;
  }
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
