// Another process writing to the embedded database while the app's transaction runs
// (a second instance, a CLI, a test's fixture). The app's interactive transactions begin
// IMMEDIATE (lib/db/prisma-internals.ts beginImmediate): the other writer waits for the
// app's transaction, and the app's transaction never fails for having read a snapshot
// the other writer made stale (SQLITE_BUSY_SNAPSHOT, what CI saw on an enrollment).
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { databaseUrl, isSqliteUrl, sqliteFilePath } from "@/lib/db/url";

const onSqlite = isSqliteUrl(databaseUrl());

describe.runIf(onSqlite)("a second process writing to the SQLite file", () => {
  let other: Database.Database;
  const email = (tag: string) => `writer-${tag}-${Math.random()}@test.example`;

  beforeAll(async () => {
    await db.user.count();
    // No busy timeout: a write that would have to wait fails at once, which shows who holds the lock.
    other = new Database(sqliteFilePath(databaseUrl()), { timeout: 0 });
  });
  afterAll(() => other.close());

  const otherWrites = (tag: string) => () =>
    other.prepare("INSERT INTO User (id, email, name, passwordHash, role, createdAt, updatedAt) VALUES (?, ?, 'Other', 'x', 'student', 0, 0)").run(`other-${tag}-${Math.random()}`, email(tag));

  it("holds the write lock from the start of a transaction, so a read then a write cannot go stale", async () => {
    const created = await db.$transaction(async (tx) => {
      await tx.user.count(); // the snapshot is taken here
      // Under a deferred BEGIN this commit would succeed and the write below fail with SQLITE_BUSY_SNAPSHOT.
      expect(otherWrites("during")).toThrow(/SQLITE_BUSY|locked/i);
      return tx.user.create({ data: { email: email("app"), name: "App", passwordHash: "x" }, select: { id: true } });
    });
    expect(created.id).toBeTruthy();
    // Once the transaction ends, the other process writes again.
    expect(otherWrites("after")).not.toThrow();
  });

  it("still begins (deferred) when another process holds the lock past the busy timeout, rather than wedging the client", async () => {
    const holder = new Database(sqliteFilePath(databaseUrl()), { timeout: 0 });
    holder.prepare("BEGIN IMMEDIATE").run();
    try {
      // Reads are allowed under WAL while the other holds the write lock.
      const count = await db.$transaction((tx) => tx.user.count(), { timeout: 30_000, maxWait: 30_000 });
      expect(count).toBeGreaterThan(0);
    } finally {
      holder.prepare("ROLLBACK").run();
      holder.close();
    }
    // The client is not stuck on its own mutex: a write transaction goes through.
    await db.$transaction((tx) => tx.user.create({ data: { email: email("later"), name: "Later", passwordHash: "x" }, select: { id: true } }));
  }, 60_000);
});
