// Lesson views and the course structure: what a signed-in page reads and writes.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.CASEBOOK_COUNT_ROUND_TRIPS = "1";
});
import { db } from "@/lib/db";
import { getStructure } from "@/lib/course/structure";
import { countRoundTrips } from "@/lib/db/round-trips";
import { getLessonView, getOutline } from "@/lib/progress";
import { flushLessonViews } from "@/lib/progress/visits";
import { seed } from "@/lib/seed";
import { makeUser } from "@/tests/support/users";

let courseId: string;
let firstSlug: string;

beforeAll(async () => {
  await seed({ demo: false });
  const course = await db.course.findFirstOrThrow({ select: { id: true } });
  courseId = course.id;
  firstSlug = (await db.lesson.findFirstOrThrow({ orderBy: { position: "asc" }, select: { slug: true } })).slug;
});

describe("a lesson view", () => {
  it("records 'started' after the first view (off the request path) and writes nothing on views within the interval", async () => {
    const student = await makeUser();
    const { count } = await countRoundTrips(async () => expect((await getLessonView(student, firstSlug)).state).toBe("open"));
    expect(count.writes, count.statements.join("\n")).toBe(0);
    await flushLessonViews();
    const first = await db.lessonProgress.findFirstOrThrow({ where: { userId: student.id }, select: { startedAt: true, lastVisitedAt: true, completedAt: true } });
    const active = await db.user.findUniqueOrThrow({ where: { id: student.id }, select: { lastActiveAt: true } });
    expect(first.startedAt).toBeInstanceOf(Date);
    expect(active.lastActiveAt).toBeInstanceOf(Date);
    for (let i = 0; i < 3; i++) expect((await getLessonView(student, firstSlug)).state).toBe("open");
    await flushLessonViews();
    expect(await db.lessonProgress.findFirstOrThrow({ where: { userId: student.id }, select: { startedAt: true, lastVisitedAt: true, completedAt: true } })).toEqual(first);
    expect(await db.user.findUniqueOrThrow({ where: { id: student.id }, select: { lastActiveAt: true } })).toEqual(active);
    expect(await db.lessonProgress.count({ where: { userId: student.id } })).toBe(1);
    expect((await getOutline(student)).steps[0].status).toBe("in_progress");
  });
});

describe("the course structure", () => {
  it("is held for a content version and read again when the version changes", async () => {
    const lesson = await db.lesson.findFirstOrThrow({ where: { slug: firstSlug }, select: { id: true, title: true } });
    const before = await getStructure(courseId);
    expect(before.lessons[0].title).toBe(lesson.title);
    // A change behind the seed's back (no new version) is not seen: the structure is cached.
    await db.lesson.update({ where: { id: lesson.id }, data: { title: "Renamed by hand" }, select: { id: true } });
    expect((await getStructure(courseId)).lessons[0].title).toBe(lesson.title);
    // The seed writes a new content version: the next read sees the change.
    const course = await db.course.findUniqueOrThrow({ where: { id: courseId }, select: { contentHash: true } });
    await db.course.update({ where: { id: courseId }, data: { contentHash: `${course.contentHash}-next` }, select: { id: true } });
    expect((await getStructure(courseId)).lessons[0].title).toBe("Renamed by hand");
    await db.lesson.update({ where: { id: lesson.id }, data: { title: lesson.title }, select: { id: true } });
  });
});
