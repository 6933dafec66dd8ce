// Prisma CLI configuration. The "js" engine runs migrations through Prisma's WASM
// schema engine and our driver adapters, so no native engine binary is ever
// downloaded (see docs/decisions/0001-database-and-migrations.md). DATABASE_URL
// picks the variant: a file: URL uses SQLite, postgres:// uses PostgreSQL.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { migrationAdapter } from "./lib/db/migration-adapter";
import { databaseUrl, isSqliteUrl } from "./lib/db/url";

const postgres = !isSqliteUrl(databaseUrl());
const dir = postgres ? path.join("prisma", "postgres") : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(dir, "schema.prisma"),
  migrations: { path: path.join(dir, "migrations") },
  adapter: migrationAdapter,
});
