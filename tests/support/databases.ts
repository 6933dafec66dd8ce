// Throwaway test databases: a copied SQLite file, or a PostgreSQL database cloned
// from a migrated template. TEST_DATABASE_URL=postgres://… selects PostgreSQL.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export function testDatabaseKind(): "sqlite" | "postgres" {
  const url = process.env.TEST_DATABASE_URL ?? "";
  return url.startsWith("postgres") ? "postgres" : "sqlite";
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export const createPostgresDatabase = (url: string, name: string, template?: string) =>
  admin(url, (c) => c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`));

/** Cloning needs the template to be idle; parallel workers take turns by retrying. */
export async function clonePostgresDatabase(url: string, template: string): Promise<string> {
  const name = `${template.replace(/_base$/, "")}_${crypto.randomUUID().slice(0, 8)}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await createPostgresDatabase(url, name, template);
      return withDatabase(url, name);
    } catch (error) {
      if (attempt > 50 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
    }
  }
}

export async function dropPostgresDatabases(url: string, prefix: string) {
  await admin(url, async (c) => {
    const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${prefix}%`]);
    for (const row of rows) await c.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
  });
}

export function copySqliteFile(base: string, dir: string): string {
  const file = path.join(dir, `test-${crypto.randomUUID()}.db`);
  fs.copyFileSync(base, file);
  return `file:${file}`;
}
