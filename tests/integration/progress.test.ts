import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadLessons } from "@/lib/content/lessons";
import { completeLesson, getLessonView, getOutline } from "@/lib/progress";
import { flushLessonViews } from "@/lib/progress/visits";
import { seed, seedLessons } from "@/lib/seed";
import { makeUser } from "@/tests/support/users";

const lessons = loadLessons();
const [first, second] = lessons;

beforeAll(async () => {
  await seed({ demo: false });
});

describe("lesson progress", () => {
  it("completing twice, or fifty times at once, records once", async () => {
    const student = await makeUser();
    const results = await Promise.all(Array.from({ length: 50 }, () => completeLesson(student, first.slug)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && !r.alreadyComplete)).toHaveLength(1);
    const times = new Set(results.map((r) => (r.ok ? r.completedAt.getTime() : 0)));
    expect(times.size).toBe(1);
    const again = await completeLesson(student, first.slug);
    expect(again).toMatchObject({ ok: true, alreadyComplete: true });
    expect(await db.lessonProgress.count({ where: { userId: student.id } })).toBe(1);
  });

  it("progress survives a content edit (the lesson's hash changes, the completion stays)", async () => {
    const student = await makeUser();
    await completeLesson(student, first.slug);
    const before = await db.lesson.findFirstOrThrow({ where: { slug: first.slug }, select: { id: true, contentHash: true } });
    const edited = lessons.map((l) => (l.slug === first.slug ? { ...l, body: `${l.body}\n\nA clarifying sentence.`, contentHash: "edited-hash" } : l));
    await seedLessons((await db.course.findFirstOrThrow({ select: { id: true } })).id, edited);
    const after = await db.lesson.findFirstOrThrow({ where: { slug: first.slug }, select: { id: true, contentHash: true, body: true } });
    expect(after.id).toBe(before.id);
    expect(after.contentHash).not.toBe(before.contentHash);
    expect(after.body).toContain("A clarifying sentence.");
    const progress = await db.lessonProgress.findFirstOrThrow({ where: { userId: student.id, lessonId: after.id }, select: { completedAt: true, completedHash: true } });
    expect(progress.completedAt).not.toBeNull();
    expect(progress.completedHash).toBe(before.contentHash);
    const outline = await getOutline(student);
    expect(outline.steps.find((s) => s.slug === first.slug)?.status).toBe("complete");
    await seedLessons((await db.course.findFirstOrThrow({ select: { id: true } })).id, lessons);
  });

  it("a locked lesson's content is never returned, and it cannot be completed", async () => {
    const student = await makeUser();
    const view = await getLessonView(student, second.slug);
    expect(view.state).toBe("locked");
    const serialized = JSON.stringify(view);
    const secretLine = second.body.split("\n").find((line) => line.length > 60)!;
    expect(serialized).not.toContain(secretLine.slice(0, 50));
    expect(serialized).not.toContain("Key takeaways");
    const attempt = await completeLesson(student, second.slug);
    expect(attempt.ok).toBe(false);
    expect(await db.lessonProgress.count({ where: { userId: student.id } })).toBe(0);
  });

  it("opening a lesson records a visit, and the outline resumes there", async () => {
    const student = await makeUser();
    const view = await getLessonView(student, first.slug);
    expect(view.state).toBe("open");
    await flushLessonViews(); // written right after the view, off its request path
    const outline = await getOutline(student);
    expect(outline.next?.slug).toBe(first.slug);
    expect(outline.steps[0].status).toBe("in_progress");
  });

  it("an unknown lesson is missing, not an error", async () => {
    const student = await makeUser();
    expect((await getLessonView(student, "no-such-lesson")).state).toBe("missing");
  });
});
