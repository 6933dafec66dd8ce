import "server-only";
import { requestCache as cache } from "@/lib/http/request-cache";
import { db, type Tx } from "@/lib/db";
import { COURSE_SLUG } from "./constants";
import { VersionedCache } from "./versioned-cache";

export { VersionedCache };

// Rough reading-and-answering time per quiz question, for "time left".
const MINUTES_PER_QUESTION = 1;

/** The course row, or null before the first seed, through any client (a transaction sees its own writes). */
export async function readCourseIfSeeded(client: Tx) {
  return client.course.findUnique({ where: { slug: COURSE_SLUG }, select: { id: true, title: true, config: true, contentHash: true } });
}

/** Reads the course row through any client (a transaction sees its own writes). */
export async function readCourse(client: Tx) {
  const course = await readCourseIfSeeded(client);
  if (!course) throw new Error("The course is not seeded. Run `npm run seed` (npm start does this for you).");
  return course;
}

export type CourseRow = Awaited<ReturnType<typeof readCourse>>;

// The request's course row when another statement already read it (the session's user
// read does: lib/auth/session.ts), so getCourse sends nothing more.
const courseSeen = cache((): { row: CourseRow | null } => ({ row: null }));

/** Hands this request the course row a combined statement read. */
export function noteCourseRow(row: CourseRow) {
  courseSeen().row = row;
}

export const getCourse = cache(async (): Promise<CourseRow> => courseSeen().row ?? readCourse(db));

/** Lessons and quizzes in course order, through any client. */
export async function readStructure(client: Tx, courseId: string) {
  const [lessons, quizzes, assignments] = await Promise.all([
    client.lesson.findMany({
      where: { courseId },
      select: { id: true, slug: true, title: true, summary: true, estimatedMinutes: true, objectives: true },
      orderBy: { position: "asc" },
    }),
    client.quiz.findMany({
      where: { courseId },
      select: { id: true, slug: true, title: true, kind: true, lessonId: true, drawCount: true, timeLimitSeconds: true, _count: { select: { questions: { where: { retiredAt: null } } } } },
      orderBy: { position: "asc" },
    }),
    // Written work (issue 17): readiness lists it, the LMS receives its grades.
    client.assignment.findMany({ where: { courseId, retiredAt: null }, select: { id: true, slug: true, title: true, afterLessonId: true }, orderBy: { position: "asc" } }),
  ]);
  return {
    lessons,
    assignments,
    quizzes: quizzes.map((q) => ({
      id: q.id,
      slug: q.slug,
      title: q.title,
      kind: q.kind,
      lessonId: q.lessonId,
      estimatedMinutes: q.timeLimitSeconds ? Math.ceil(q.timeLimitSeconds / 60) : (q.drawCount ?? q._count.questions) * MINUTES_PER_QUESTION,
    })),
  };
}

export type CourseStructure = Awaited<ReturnType<typeof readStructure>>;

// Held in process memory for one content version (lib/course/versioned-cache.ts): the
// seed writes a new Course.contentHash last, in its transaction, and every request reads
// the course row anyway, so each instance notices a new version on its next request.
const structures = new VersionedCache<CourseStructure>();

/** The course's lessons and quizzes for the current content version: no query after the first. */
export const getStructure = cache(async (courseId: string) => {
  const course = await getCourse();
  return structures.get(`${courseId}:${course.contentHash}`, () => readStructure(db, courseId));
});
