// Prisma CLI configuration. The "js" engine runs migrations through Prisma's WASM
// schema engine and our driver adapter, so no native engine binary is ever
// downloaded (see docs/decisions/0001-database-and-migrations.md).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { migrationAdapter } from "./lib/db/migration-adapter";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: migrationAdapter,
});
