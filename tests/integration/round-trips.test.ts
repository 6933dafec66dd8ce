// The round-trip counter the budgets rely on (lib/db/round-trips.ts, installed by
// lib/db/client.ts): a known sequence gives known counts, on SQLite and PostgreSQL.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.CASEBOOK_COUNT_ROUND_TRIPS = "1";
});
vi.mock("react", async () => (await import("@/tests/support/request-scope")).reactServer());

import { cache } from "react";
import { db } from "@/lib/db";
import { countRoundTrips, statementKind } from "@/lib/db/round-trips";
import { asRequest } from "@/tests/support/request-scope";

const user = (n: number) => ({ email: `meter-${n}-${Math.random()}@test.example`, name: `Meter ${n}`, passwordHash: "x" });

describe("the round-trip counter", () => {
  beforeAll(async () => {
    await db.user.count(); // connects, so no test pays for the first connection
  });

  it("counts two reads and a transaction of three writes", async () => {
    const { count } = await countRoundTrips(async () => {
      await db.user.count();
      await db.user.findFirst({ select: { id: true } });
      await db.$transaction(async (tx) => {
        const a = await tx.user.create({ data: user(1), select: { id: true } });
        await tx.user.update({ where: { id: a.id }, data: { name: "Meter one" } });
        await tx.user.delete({ where: { id: a.id } });
      });
    });
    // 2 reads, then BEGIN, 3 writes, COMMIT.
    expect(count).toMatchObject({ roundTrips: 7, reads: 2, writes: 3, transactions: 1 });
    expect(count.statements[2]).toBe("control: BEGIN");
    expect(count.statements[6]).toMatch(/^control: COMMIT/);
  });

  it("counts raw SQL, a rolled-back transaction and a batch transaction", async () => {
    const { count } = await countRoundTrips(async () => {
      await db.$queryRaw`SELECT 1`;
      await db.$executeRaw`UPDATE "User" SET "name" = "name" WHERE "id" = 'none'`;
      await expect(
        db.$transaction(async (tx) => {
          await tx.user.create({ data: user(2), select: { id: true } });
          throw new Error("roll back");
        }),
      ).rejects.toThrow("roll back");
      await db.$transaction([db.user.count(), db.user.createMany({ data: [user(3), user(4)] })]);
    });
    expect(count.statements.filter((s) => s.startsWith("control: ROLLBACK"))).toHaveLength(1);
    expect(count).toMatchObject({ reads: 2, writes: 3, transactions: 2 });
    expect(count.roundTrips).toBe(count.reads + count.writes + 2 * count.transactions);
  });

  it("sees a write sent as a query (INSERT … RETURNING) as a write", () => {
    expect(statementKind('INSERT INTO "User" ("id") VALUES (?) RETURNING "id"', "queryRaw")).toBe("write");
    expect(statementKind('WITH x AS (SELECT 1) UPDATE "User" SET "name" = ?', "queryRaw")).toBe("write");
    expect(statementKind('SELECT "id" FROM "User" WHERE "updatedAt" > ?', "queryRaw")).toBe("read");
    expect(statementKind("COMMIT", "executeRaw")).toBe("control");
    expect(statementKind("PRAGMA foreign_keys", "executeRaw")).toBe("write");
  });

  it("dedupes cache() inside one request, as a page render does, and not across requests", async () => {
    const read = cache(async (id: string) => db.user.findUnique({ where: { id }, select: { id: true } }));
    const { count: one } = await countRoundTrips(() =>
      asRequest(async () => {
        await read("a");
        await read("a");
        await read("b");
      }),
    );
    expect(one.roundTrips).toBe(2);
    // (Concurrent findUnique calls are merged by Prisma into one statement; the count says so too.)
    const { count: merged } = await countRoundTrips(() => Promise.all([db.user.findUnique({ where: { id: "a" } }), db.user.findUnique({ where: { id: "b" } })]));
    expect(merged.roundTrips).toBe(1);
    const { count: two } = await countRoundTrips(async () => {
      await asRequest(() => read("a"));
      await asRequest(() => read("a"));
    });
    expect(two.roundTrips).toBe(2);
    // Outside a request (route handlers) cache() passes through.
    const { count: none } = await countRoundTrips(async () => {
      await read("a");
      await read("a");
    });
    expect(none.roundTrips).toBe(2);
  });
});
