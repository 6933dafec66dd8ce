// Shared set-up for the reliability checks: a fresh SQLite database with a class
// whose members may take the final, and the production build serving it.
import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { buildIfStale } from "../../scripts/build-if-stale";

export type Fixture = { url: string; secret: string; cookies: string[]; userIds: string[]; finalSlug: string; finalId: string };

export async function prepareClass(file: string, students: number): Promise<Fixture> {
  const url = `file:${file}`;
  process.env.DATABASE_URL = url;
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const secret = randomBytes(48).toString("base64url");
  if (!buildIfStale({ ...process.env, NEXTAUTH_SECRET: secret })) throw new Error("the build failed");
  const { migrateDatabase } = await import("../../lib/db/migrate");
  migrateDatabase(url);
  const { seed } = await import("../../lib/seed");
  await seed({ demo: false });
  const { seedSynthetic, finalClassEmail } = await import("../../bench/synthetic");
  await seedSynthetic({ url, students: 100, finalClass: students });
  const { db } = await import("../../lib/db");
  const { sessionCookie } = await import("../../bench/support/sessions");
  const users = await db.user.findMany({ where: { email: { in: Array.from({ length: students }, (_, i) => finalClassEmail(i)) } }, select: { id: true } });
  const final = await db.quiz.findFirstOrThrow({ where: { kind: "final" }, select: { id: true, slug: true } });
  return { url, secret, cookies: await Promise.all(users.map((u) => sessionCookie(u.id, secret))), userIds: users.map((u) => u.id), finalSlug: final.slug, finalId: final.id };
}

export async function post(url: string, cookie: string, body?: unknown) {
  const response = await fetch(url, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) };
}
