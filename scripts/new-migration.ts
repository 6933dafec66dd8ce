// `npm run db:migration -- add_something`: writes the SQL that takes the migrations
// folder to the current schema. (`prisma migrate dev` needs the native engine.)
import fs from "node:fs";
import path from "node:path";
import { prepareEnv } from "./runtime-env";
import { runPrisma } from "../lib/db/migrate";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run db:migration -- <name>");
  process.exit(2);
}
prepareEnv();
const diff = runPrisma(["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--script"]);
if (diff.status !== 0) {
  console.error(diff.output);
  process.exit(1);
}
const sql = diff.stdout;
if (!/\b(CREATE|ALTER|DROP|INSERT|PRAGMA)\b/.test(sql)) {
  console.log("The schema matches the migrations; nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${dir}/migration.sql`);
