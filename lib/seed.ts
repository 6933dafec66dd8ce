import "server-only";
import { db, type Tx } from "@/lib/db";
import { COURSE_DESCRIPTION, COURSE_SLUG, COURSE_TITLE } from "@/lib/course/constants";
import { DEFAULT_COURSE_CONFIG } from "@/lib/course/config";
import { contentHash } from "@/lib/hash";
import type { Role } from "@/lib/auth/roles";
import { loadLessons, type LessonFile } from "@/lib/content/lessons";
import { loadQuizzes, type LoadedQuiz } from "@/lib/content/quizzes";
import { loadAssignments, type LoadedAssignment } from "@/lib/content/assignments";
import { compileQuestion } from "@/lib/quiz/compile";
import { rebuildCourse, recordStudentChanges, REBUILD_TX_OPTIONS } from "@/lib/course/record";
import { retryOnConflict, retryOnTransientLock } from "@/lib/db/retry";
import { newJoinCode } from "@/lib/sections/codes";
import { enrollNewStudent, openSignupSection } from "@/lib/sections/enrollment";
import { endOfDayIn, startOfDayIn } from "@/lib/sections/terms";
import { createUser } from "@/lib/users";

/** The demo's second section (issue 14): its own instructor and student, so "who sees whom" can be tried at once. */
export const DEMO_SECTION_NAME = "Evening section (demo)";

/** `evening`: teaches or is enrolled in the demo's second section; everyone else uses the open one. */
export const DEMO_USERS: { name: string; email: string; password: string; role: Role; evening?: true }[] = [
  { name: "Dana Instructor", email: "instructor@casebook.test", password: "casebook-instructor", role: "instructor" },
  { name: "Sam Student", email: "student@casebook.test", password: "casebook-student", role: "student" },
  { name: "Robin Instructor", email: "instructor2@casebook.test", password: "casebook-instructor-2", role: "instructor", evening: true },
  { name: "Alex Student", email: "student2@casebook.test", password: "casebook-student-2", role: "student", evening: true },
  { name: "Casey Coordinator", email: "coordinator@casebook.test", password: "casebook-coordinator", role: "coordinator" },
];

/**
 * Upserts the course by slug. Its contentHash is written separately, last, by seedContent:
 * it fingerprints everything derived rows are computed from.
 */
async function seedCourse(client: Tx) {
  const course = await client.course.upsert({
    where: { slug: COURSE_SLUG },
    create: { slug: COURSE_SLUG, title: COURSE_TITLE, description: COURSE_DESCRIPTION, config: JSON.stringify(DEFAULT_COURSE_CONFIG), contentHash: "" },
    // The config is the operator's to change once the course exists; a re-seed keeps it.
    update: { title: COURSE_TITLE, description: COURSE_DESCRIPTION },
    select: { id: true },
  });
  return course.id;
}

/** Creates the demo accounts and the demo's second section once; never resets a password someone changed. */
export async function seedDemoUsers() {
  const evening = await seedDemoSection();
  for (const { evening: inEvening, ...user } of DEMO_USERS) {
    const exists = await db.user.findUnique({ where: { email: user.email }, select: { id: true } });
    if (exists) continue;
    // The one account path, so a demo student joins their section and has a roster row.
    const created = await createUser(user, inEvening && user.role === "student" ? evening.joinCode : undefined);
    if (user.role !== "instructor") continue;
    if (inEvening) await db.sectionInstructor.upsert({ where: { sectionId_userId: { sectionId: evening.id, userId: created.id } }, create: { sectionId: evening.id, userId: created.id }, update: {}, select: { userId: true } });
    else await teachOpenSection(created.id);
  }
}

/** The demo's second section, this term in Chicago's zone; made once, found by name after. */
async function seedDemoSection() {
  const course = await db.course.findUniqueOrThrow({ where: { slug: COURSE_SLUG }, select: { id: true } });
  const found = await db.section.findFirst({ where: { courseId: course.id, name: DEMO_SECTION_NAME }, select: { id: true, joinCode: true } });
  if (found) return found;
  const zone = "America/Chicago";
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  return retryOnConflict(() =>
    db.section.create({
      data: { courseId: course.id, name: DEMO_SECTION_NAME, termStart: startOfDayIn(day(-14), zone), termEnd: endOfDayIn(day(120), zone), timeZone: zone, joinCode: newJoinCode() },
      select: { id: true, joinCode: true },
    }),
  );
}

/** The sections and their instructors, as `npm start` prints them beside the demo logins. */
export async function demoSectionsSummary(): Promise<string[]> {
  const sections = await db.section.findMany({
    where: { instructors: { some: { user: { email: { in: DEMO_USERS.map((u) => u.email) } } } } },
    orderBy: { createdAt: "asc" },
    select: { name: true, joinCode: true, instructors: { select: { user: { select: { email: true } } } } },
  });
  return sections.map((s) => `${s.name}: code ${s.joinCode}, taught by ${s.instructors.map((i) => i.user.email).join(", ")}`);
}

/** Makes an instructor teach the open sign-up section (the demo instructor; test instructors). */
export async function teachOpenSection(userId: string) {
  const section = await openSignupSection(db);
  if (section) await db.sectionInstructor.upsert({ where: { sectionId_userId: { sectionId: section.id, userId } }, create: { sectionId: section.id, userId }, update: {}, select: { userId: true } });
}

/**
 * A course without sections gets one, open to sign-ups, for the current year: a new
 * install works at once, and a coordinator renames it or adds the real terms. (An
 * upgraded database got its default section from the migration instead.)
 */
export async function seedOpenSection() {
  const course = await db.course.findUniqueOrThrow({ where: { slug: COURSE_SLUG }, select: { id: true, _count: { select: { sections: true } } } });
  if (course._count.sections === 0) {
    const today = new Date().toISOString().slice(0, 10);
    const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
    await retryOnConflict(() =>
      db.section.create({
        data: { courseId: course.id, name: "Open enrollment", termStart: startOfDayIn(today, "UTC"), termEnd: endOfDayIn(nextYear, "UTC"), timeZone: "UTC", joinCode: newJoinCode(), openSignup: true },
        select: { id: true },
      }),
    );
  }
  await enrollStrays();
}

/**
 * Students created before the first seed (an operator's `user:create` before `npm start`)
 * had no section to join; they join the open one now, like a sign-up. A re-seed finds none.
 */
async function enrollStrays() {
  const strays = await db.user.findMany({ where: { role: "student", deletedAt: null, enrollments: { none: { endedAt: null } } }, select: { id: true } });
  if (strays.length === 0) return;
  await retryOnTransientLock(() =>
    db.$transaction(async (tx) => {
      for (const s of strays) await enrollNewStudent(tx, s.id, undefined);
      await recordStudentChanges(tx, strays.map((s) => s.id));
    }, REBUILD_TX_OPTIONS),
  );
}

/**
 * Upserts lessons by slug. A changed file gets a new content hash; progress rows point
 * at the lesson id, so nobody's progress is lost when a lesson is edited.
 */
export async function seedLessons(courseId: string, lessons: LessonFile[] = loadLessons(), client: Tx = db) {
  const existing = new Map(
    (await client.lesson.findMany({ where: { courseId }, select: { slug: true, contentHash: true, position: true } })).map((l) => [l.slug, l]),
  );
  for (const lesson of lessons) {
    const current = existing.get(lesson.slug);
    if (current?.contentHash === lesson.contentHash && current.position === lesson.order) continue;
    const data = {
      title: lesson.title,
      summary: lesson.summary,
      position: lesson.order,
      estimatedMinutes: lesson.estimatedMinutes,
      objectives: JSON.stringify(lesson.objectives),
      body: lesson.body,
      contentHash: lesson.contentHash,
    };
    await client.lesson.upsert({
      where: { courseId_slug: { courseId, slug: lesson.slug } },
      create: { courseId, slug: lesson.slug, ...data },
      update: data,
      select: { id: true },
    });
  }
}

/**
 * Upserts quizzes by slug and questions by key. A question dropped from its file is
 * retired (kept for attempt history, never drawn again), not deleted.
 */
export async function seedQuizzes(courseId: string, quizzes: LoadedQuiz[], client: Tx = db) {
  const lessonIds = new Map((await client.lesson.findMany({ where: { courseId }, select: { id: true, slug: true } })).map((l) => [l.slug, l.id]));
  const existing = new Map((await client.quiz.findMany({ where: { courseId }, select: { slug: true, contentHash: true } })).map((q) => [q.slug, q.contentHash]));
  for (const [index, quiz] of quizzes.entries()) {
    if (existing.get(quiz.slug) === quiz.contentHash) continue;
    const data = {
      title: quiz.title,
      kind: quiz.kind,
      lessonId: quiz.lesson ? lessonIds.get(quiz.lesson)! : null,
      position: index + 1,
      maxAttempts: quiz.maxAttempts,
      timeLimitSeconds: quiz.timeLimitMinutes ? quiz.timeLimitMinutes * 60 : null,
      drawCount: quiz.drawCount ?? null,
      reviewPolicy: quiz.reviewPolicy,
      contentHash: quiz.contentHash,
    };
    const row = await client.quiz.upsert({
      where: { courseId_slug: { courseId, slug: quiz.slug } },
      create: { courseId, slug: quiz.slug, ...data },
      update: data,
      select: { id: true },
    });
    for (const [position, question] of quiz.questions.entries()) {
      const compiled = compileQuestion(quiz.slug, question);
      const fields = { ...compiled, position, contentHash: contentHash(compiled), retiredAt: null };
      await client.question.upsert({
        where: { quizId_key: { quizId: row.id, key: question.key } },
        create: { quizId: row.id, ...fields },
        update: fields,
        select: { id: true },
      });
    }
    await client.question.updateMany({
      where: { quizId: row.id, key: { notIn: quiz.questions.map((q) => q.key) }, retiredAt: null },
      data: { retiredAt: new Date() },
    });
  }
}

/**
 * Upserts written assignments by slug (issue 17). One whose file left content/ is retired,
 * like a question: kept for the submissions that name it, never offered again.
 */
export async function seedAssignments(courseId: string, assignments: LoadedAssignment[], client: Tx = db) {
  const lessonIds = new Map((await client.lesson.findMany({ where: { courseId }, select: { id: true, slug: true } })).map((l) => [l.slug, l.id]));
  const existing = new Map((await client.assignment.findMany({ where: { courseId }, select: { slug: true, contentHash: true, position: true, retiredAt: true } })).map((a) => [a.slug, a]));
  for (const [index, a] of assignments.entries()) {
    const current = existing.get(a.slug);
    if (current?.contentHash === a.contentHash && current.position === index + 1 && current.retiredAt === null) continue;
    const data = {
      title: a.title,
      position: index + 1,
      afterLessonId: lessonIds.get(a.afterLesson)!,
      prompt: a.prompt,
      instructions: a.instructions,
      minWords: a.minWords,
      maxWords: a.maxWords,
      maxSubmissions: a.maxSubmissions,
      rubric: JSON.stringify(a.rubric),
      contentHash: a.contentHash,
      retiredAt: null,
    };
    await client.assignment.upsert({ where: { courseId_slug: { courseId, slug: a.slug } }, create: { courseId, slug: a.slug, ...data }, update: data, select: { id: true } });
  }
  await client.assignment.updateMany({ where: { courseId, slug: { notIn: assignments.map((a) => a.slug) }, retiredAt: null }, data: { retiredAt: new Date() } });
}

/**
 * Brings the course to these lessons, quizzes and assignments. The course's contentHash fingerprints
 * the content and the stored configuration; when it differs (new content, a reordered
 * lesson, a configuration edited in the database, or a crash during an earlier seed),
 * the content, a full rebuild of every derived row (ADR 0007) and the new fingerprint
 * commit in one transaction. An unchanged re-seed reads one row and writes nothing.
 */
export async function seedContent(lessons: LessonFile[], quizzes: LoadedQuiz[], assignments: LoadedAssignment[] = []) {
  const existing = await db.course.findUnique({ where: { slug: COURSE_SLUG }, select: { contentHash: true, config: true } });
  const fingerprint = contentHash(
    COURSE_TITLE,
    COURSE_DESCRIPTION,
    existing?.config ?? JSON.stringify(DEFAULT_COURSE_CONFIG),
    lessons.map((l) => [l.slug, l.order, l.contentHash]),
    quizzes.map((q) => [q.slug, q.contentHash]),
    assignments.map((a) => [a.slug, a.contentHash]),
  );
  if (existing?.contentHash === fingerprint) return { rebuilt: false };
  await retryOnTransientLock(() => db.$transaction(async (tx) => {
    const courseId = await seedCourse(tx);
    await seedLessons(courseId, lessons, tx);
    await seedQuizzes(courseId, quizzes, tx);
    await seedAssignments(courseId, assignments, tx);
    await rebuildCourse(tx);
    await tx.course.update({ where: { id: courseId }, data: { contentHash: fingerprint }, select: { id: true } });
  }, REBUILD_TX_OPTIONS));
  return { rebuilt: true };
}

export async function seed({ demo }: { demo: boolean }) {
  const lessons = loadLessons();
  await seedContent(lessons, loadQuizzes(lessons), loadAssignments(lessons));
  await seedOpenSection();
  if (demo) await seedDemoUsers();
}
