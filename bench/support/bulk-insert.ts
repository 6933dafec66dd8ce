// Bulk inserts for seeding large synthetic classes, straight through the database
// driver: Prisma's createMany costs ~0.25 ms a row through the JS query engine,
// which makes a 100,000-attempt class take minutes. Benchmarks and seeds only;
// the app always goes through Prisma.
import Database from "better-sqlite3";
import pg from "pg";
import { isSqliteUrl, sqliteFilePath } from "../../lib/db/url";

export type Row = Record<string, string | number | boolean | Date | null>;

export interface BulkWriter {
  insert(table: string, rows: Row[]): Promise<void>;
  close(): Promise<void>;
}

/** Values as Prisma's SQLite adapter stores them: ISO text dates, 0/1 booleans. */
function sqliteValue(value: Row[string]) {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

export function bulkWriter(url: string): BulkWriter {
  if (isSqliteUrl(url)) {
    const file = new Database(sqliteFilePath(url));
    file.pragma("journal_mode = WAL");
    file.pragma("busy_timeout = 10000");
    const statements = new Map<string, Database.Statement>();
    return {
      async insert(table, rows) {
        if (rows.length === 0) return;
        const columns = Object.keys(rows[0]);
        const key = `${table}:${columns.join(",")}`;
        let statement = statements.get(key);
        if (!statement) {
          statement = file.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
          statements.set(key, statement);
        }
        const run = statement;
        file.transaction(() => {
          for (const row of rows) run.run(columns.map((c) => sqliteValue(row[c])));
        })();
      },
      async close() {
        file.close();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  return {
    async insert(table, rows) {
      if (rows.length === 0) return;
      const columns = Object.keys(rows[0]);
      // PostgreSQL takes at most 65,535 parameters a statement.
      const perStatement = Math.floor(60_000 / columns.length);
      for (let start = 0; start < rows.length; start += perStatement) {
        const chunk = rows.slice(start, start + perStatement);
        const values: unknown[] = [];
        const tuples = chunk.map((row) => `(${columns.map((c) => `$${values.push(row[c])}`).join(", ")})`);
        await pool.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples.join(", ")}`, values);
      }
    },
    async close() {
      await pool.end();
    },
  };
}
