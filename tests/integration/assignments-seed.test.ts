// Written assignments reach the database through the seed (issue 17), like lessons and
// quizzes: each after its lesson, with its rubric; an edited file updates its row; a file
// that leaves content/ is retired, not deleted; an unchanged re-seed writes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadAssignments } from "@/lib/content/assignments";
import { loadLessons } from "@/lib/content/lessons";
import { loadQuizzes } from "@/lib/content/quizzes";
import { seed, seedContent } from "@/lib/seed";

const lessons = loadLessons();
const quizzes = loadQuizzes(lessons);
const assignments = loadAssignments(lessons);
const rows = () =>
  db.assignment.findMany({
    orderBy: { position: "asc" },
    select: { slug: true, title: true, position: true, rubric: true, minWords: true, maxWords: true, maxSubmissions: true, retiredAt: true, afterLesson: { select: { slug: true } } },
  });

beforeAll(async () => {
  await seed({ demo: false });
}, 60_000);

describe("seeding assignments", () => {
  it("copies each assignment after its lesson, with its limits and rubric", async () => {
    const stored = await rows();
    expect(stored.map((a) => [a.slug, a.afterLesson.slug, a.position, a.retiredAt])).toEqual(assignments.map((a, i) => [a.slug, a.afterLesson, i + 1, null]));
    for (const a of assignments) {
      const row = stored.find((r) => r.slug === a.slug)!;
      expect({ minWords: row.minWords, maxWords: row.maxWords, maxSubmissions: row.maxSubmissions }).toEqual({ minWords: a.minWords, maxWords: a.maxWords, maxSubmissions: a.maxSubmissions });
      expect(JSON.parse(row.rubric)).toEqual(a.rubric);
    }
  });

  it("updates an edited assignment, retires one whose file is gone and brings it back when it returns; an unchanged re-seed rebuilds nothing", async () => {
    expect((await seedContent(lessons, quizzes, assignments)).rebuilt).toBe(false);
    const [first, ...rest] = assignments;
    const edited = { ...first, title: "Internship application (revised)", contentHash: "edited" };
    expect((await seedContent(lessons, quizzes, [edited, ...rest])).rebuilt).toBe(true);
    expect((await rows()).find((a) => a.slug === first.slug)?.title).toBe("Internship application (revised)");

    await seedContent(lessons, quizzes, rest);
    const retired = (await rows()).find((a) => a.slug === first.slug)!;
    expect(retired.retiredAt).toBeInstanceOf(Date);
    expect(await db.assignment.count()).toBe(assignments.length);

    await seedContent(lessons, quizzes, assignments);
    expect((await rows()).map((a) => [a.slug, a.title, a.retiredAt])).toEqual(assignments.map((a) => [a.slug, a.title, null]));
  });
});
