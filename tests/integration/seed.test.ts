import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seed } from "@/lib/seed";

async function snapshot() {
  const [courses, users, lessons] = await Promise.all([
    db.course.findMany({ select: { id: true, slug: true, contentHash: true, updatedAt: true }, orderBy: { slug: "asc" } }),
    db.user.findMany({ select: { id: true, email: true, role: true, passwordHash: true, updatedAt: true }, orderBy: { email: "asc" } }),
    db.lesson.findMany({ select: { id: true, slug: true, position: true, contentHash: true, updatedAt: true }, orderBy: { position: "asc" } }),
  ]);
  return { courses, users, lessons };
}

describe("seed", () => {
  it("is idempotent: a second run leaves the same rows, untouched", async () => {
    await seed({ demo: true });
    const first = await snapshot();
    expect(first.courses).toHaveLength(1);
    expect(first.lessons.length).toBeGreaterThanOrEqual(6);
    expect(first.users.map((u) => u.role).sort()).toEqual(["instructor", "student"]);
    await seed({ demo: true });
    expect(await snapshot()).toEqual(first);
  });

});
