import "server-only";
// The few places a hand-written statement must differ between the two databases.
import { Prisma } from "@/lib/generated/prisma/client";
import { databaseUrl, isSqliteUrl } from "./url";

const postgres = !isSqliteUrl(databaseUrl());

/**
 * A time as a value in a statement's select list (INSERT … SELECT). PostgreSQL types a bare
 * parameter there as text, which a timestamp column refuses; SQLite must not cast, since
 * its TIMESTAMP affinity is numeric and would turn the stored ISO text into a number.
 */
export function timeValue(value: Date): Prisma.Sql {
  return postgres ? Prisma.sql`CAST(${value} AS TIMESTAMP(3))` : Prisma.sql`${value}`;
}

/**
 * Inside a sub-select that decides a write: on PostgreSQL, waits for a transaction that holds
 * the row (e.g. grading the attempt) and re-checks it after that commits. SQLite runs one
 * writer at a time, so it needs nothing.
 */
export const lockRowsForShare: Prisma.Sql = postgres ? Prisma.sql`FOR SHARE` : Prisma.empty;

/**
 * Typed empty slots and a double cast for hand-written UNION ALL statements that put rows of
 * several tables into shared columns (lib/course/own-record.ts, lib/quiz/own-attempt.ts):
 * PostgreSQL needs every branch's column to agree in type; SQLite takes the casts as no-ops.
 */
export const emptySlot = {
  text: Prisma.sql`CAST(NULL AS TEXT)`,
  number: Prisma.sql`CAST(NULL AS DOUBLE PRECISION)`,
  boolean: Prisma.sql`CAST(NULL AS BOOLEAN)`,
  time: Prisma.sql`CAST(NULL AS TIMESTAMP(3))`,
};

/** A numeric column as a double, so integer and real columns share a slot without turning into text. */
export const asDouble = (column: Prisma.Sql) => Prisma.sql`CAST(${column} AS DOUBLE PRECISION)`;
