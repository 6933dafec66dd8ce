import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DEMO_SECTION_NAME, demoSectionsSummary, seed } from "@/lib/seed";

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
    expect(first.users.map((u) => u.role).sort()).toEqual(["coordinator", "instructor", "instructor", "student", "student"]);
    // Two sections (issue 14's demo): the one open to sign-ups and an evening one, each with its own demo instructor and student.
    expect(first.sections).toHaveLength(2);
    const open = first.sections.find((s) => s.openSignup)!;
    const evening = first.sections.find((s) => !s.openSignup)!;
    const byEmail = <T extends { user: { email: string } }>(rows: T[]) => [...rows].sort((a, b) => a.user.email.localeCompare(b.user.email));
    expect(byEmail(first.teaching)).toEqual([
      { sectionId: open.id, user: { email: "instructor@casebook.test" } },
      { sectionId: evening.id, user: { email: "instructor2@casebook.test" } },
    ]);
    expect(byEmail(first.enrollments)).toEqual([
      { sectionId: open.id, endedAt: null, user: { email: "student@casebook.test" } },
      { sectionId: evening.id, endedAt: null, user: { email: "student2@casebook.test" } },
    ]);
    expect(await demoSectionsSummary()).toEqual([
      `Open enrollment: code ${open.joinCode}, taught by instructor@casebook.test`,
      `${DEMO_SECTION_NAME}: code ${evening.joinCode}, taught by instructor2@casebook.test`,
    ]);
    await seed({ demo: true });
    expect(await snapshot()).toEqual(first);
  });

});
