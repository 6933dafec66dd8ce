import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seed } from "@/lib/seed";

async function snapshot() {
  const [courses, users, lessons, sections, teaching, enrollments] = await Promise.all([
    db.course.findMany({ select: { id: true, slug: true, contentHash: true, updatedAt: true }, orderBy: { slug: "asc" } }),
    db.user.findMany({ select: { id: true, email: true, role: true, passwordHash: true, updatedAt: true }, orderBy: { email: "asc" } }),
    db.lesson.findMany({ select: { id: true, slug: true, position: true, contentHash: true, updatedAt: true }, orderBy: { position: "asc" } }),
    db.section.findMany({ select: { id: true, joinCode: true, openSignup: true, updatedAt: true } }),
    db.sectionInstructor.findMany({ select: { sectionId: true, user: { select: { email: true } } } }),
    db.enrollment.findMany({ select: { sectionId: true, endedAt: true, user: { select: { email: true } } } }),
  ]);
  return { courses, users, lessons, sections, teaching, enrollments };
}

describe("seed", () => {
  it("is idempotent: a second run leaves the same rows, untouched", async () => {
    await seed({ demo: true });
    const first = await snapshot();
    expect(first.courses).toHaveLength(1);
    expect(first.lessons.length).toBeGreaterThanOrEqual(6);
    expect(first.users.map((u) => u.role).sort()).toEqual(["coordinator", "instructor", "student"]);
    // One section open to sign-ups: the demo instructor teaches it, the demo student is in it.
    expect(first.sections).toHaveLength(1);
    expect(first.sections[0].openSignup).toBe(true);
    expect(first.teaching).toEqual([{ sectionId: first.sections[0].id, user: { email: "instructor@casebook.test" } }]);
    expect(first.enrollments).toEqual([{ sectionId: first.sections[0].id, endedAt: null, user: { email: "student@casebook.test" } }]);
    await seed({ demo: true });
    expect(await snapshot()).toEqual(first);
  });

});
