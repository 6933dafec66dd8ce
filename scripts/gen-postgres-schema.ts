// `npm run db:postgres-schema`: writes prisma/postgres/schema.prisma from the one
// source schema (prisma/schema.prisma). Only the provider and the client's output
// folder differ; a test fails if the two drift apart.
import fs from "node:fs";
import path from "node:path";

export const SOURCE = path.join("prisma", "schema.prisma");
export const TARGET = path.join("prisma", "postgres", "schema.prisma");

export function postgresSchema(source: string): string {
  const header = "// GENERATED from prisma/schema.prisma by `npm run db:postgres-schema`. Do not edit.\n";
  return (
    header +
    source
      .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
      .replace(/output\s*=\s*"\.\.\/lib\/generated\/prisma"/, 'output       = "../../lib/generated/prisma-pg"')
  );
}

if (process.argv[1]?.endsWith("gen-postgres-schema.ts")) {
  fs.mkdirSync(path.dirname(TARGET), { recursive: true });
  fs.writeFileSync(TARGET, postgresSchema(fs.readFileSync(SOURCE, "utf8")));
  console.log(`Wrote ${TARGET}`);
}
