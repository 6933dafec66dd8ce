// `npm run db:postgres-schema`: writes prisma/postgres/schema.prisma from the one
// source schema (prisma/schema.prisma). Only the provider and the client's output
// folder differ; a test fails if the two drift apart.
import fs from "node:fs";
import path from "node:path";

export const SOURCE = path.join("prisma", "schema.prisma");
export const TARGET = path.join("prisma", "postgres", "schema.prisma");

const HEADER = "// GENERATED from prisma/schema.prisma by `npm run db:postgres-schema`. Do not edit.\n";
const SQLITE_OUTPUT = 'output       = "../lib/generated/prisma"';
const POSTGRES_OUTPUT = 'output       = "../../lib/generated/prisma-pg"';

export function postgresSchema(source: string): string {
  return (
    HEADER +
    source.replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"').replace(/output\s*=\s*"\.\.\/lib\/generated\/prisma"/, POSTGRES_OUTPUT)
  );
}

/** The inverse of postgresSchema for a generated file: the SQLite source it came from. */
export function sourceSchema(generated: string): string {
  if (!generated.startsWith(HEADER)) throw new Error(`${TARGET} lacks the generated header; regenerate it`);
  return generated
    .slice(HEADER.length)
    .replace(/provider\s*=\s*"postgresql"/, 'provider = "sqlite"')
    .replace(/output\s*=\s*"\.\.\/\.\.\/lib\/generated\/prisma-pg"/, SQLITE_OUTPUT);
}

/** Rewrites TARGET from SOURCE; returns the previous TARGET text (empty if there was none). */
export function writePostgresSchema(): string {
  const previous = fs.existsSync(TARGET) ? fs.readFileSync(TARGET, "utf8") : "";
  fs.mkdirSync(path.dirname(TARGET), { recursive: true });
  fs.writeFileSync(TARGET, postgresSchema(fs.readFileSync(SOURCE, "utf8")));
  return previous;
}

if (process.argv[1]?.endsWith("gen-postgres-schema.ts")) {
  writePostgresSchema();
  console.log(`Wrote ${TARGET}`);
}
