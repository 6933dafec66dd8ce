import "server-only";
import { db } from "@/lib/db";
import { COURSE_DESCRIPTION, COURSE_SLUG, COURSE_TITLE } from "@/lib/course/constants";
import { DEFAULT_COURSE_CONFIG } from "@/lib/course/config";
import { contentHash } from "@/lib/hash";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { loadLessons, type LessonFile } from "@/lib/content/lessons";
import { loadQuizzes, type LoadedQuiz } from "@/lib/content/quizzes";
import { parseCourseConfig } from "@/lib/course/config";
import { compileQuestion } from "@/lib/quiz/compile";
import { refreshMissingSummaries } from "@/lib/roster/summaries";

export const DEMO_USERS: { name: string; email: string; password: string; role: Role }[] = [
  { name: "Dana Instructor", email: "instructor@casebook.test", password: "casebook-instructor", role: "instructor" },
  { name: "Sam Student", email: "student@casebook.test", password: "casebook-student", role: "student" },
];

/** Upserts the course by slug. Re-running with unchanged content writes nothing. */
export async function seedCourse() {
  const config = JSON.stringify(DEFAULT_COURSE_CONFIG);
  const hash = contentHash(COURSE_TITLE, COURSE_DESCRIPTION);
  const existing = await db.course.findUnique({ where: { slug: COURSE_SLUG }, select: { id: true, contentHash: true } });
  if (existing?.contentHash === hash) return existing.id;
  const course = await db.course.upsert({
    where: { slug: COURSE_SLUG },
    create: { slug: COURSE_SLUG, title: COURSE_TITLE, description: COURSE_DESCRIPTION, config, contentHash: hash },
    // The config is the operator's to change once the course exists; a re-seed keeps it.
    update: { title: COURSE_TITLE, description: COURSE_DESCRIPTION, contentHash: hash },
    select: { id: true },
  });
  return course.id;
}

/** Creates the demo accounts once; never resets a password someone changed. */
export async function seedDemoUsers() {
  for (const user of DEMO_USERS) {
    const exists = await db.user.findUnique({ where: { email: user.email }, select: { id: true } });
    if (exists) continue;
    await db.user.create({
      data: { name: user.name, email: user.email, role: user.role, passwordHash: await hashPassword(user.password) },
      select: { id: true },
    });
  }
}

/**
 * Upserts lessons by slug. A changed file gets a new content hash; progress rows point
 * at the lesson id, so nobody's progress is lost when a lesson is edited.
 */
export async function seedLessons(courseId: string, lessons: LessonFile[] = loadLessons()) {
  const existing = new Map(
    (await db.lesson.findMany({ where: { courseId }, select: { slug: true, contentHash: true, position: true } })).map((l) => [l.slug, l]),
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
    await db.lesson.upsert({
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
export async function seedQuizzes(courseId: string, quizzes: LoadedQuiz[]) {
  const course = await db.course.findUniqueOrThrow({ where: { id: courseId }, select: { config: true } });
  const config = parseCourseConfig(course.config);
  const lessonIds = new Map((await db.lesson.findMany({ where: { courseId }, select: { id: true, slug: true } })).map((l) => [l.slug, l.id]));
  const existing = new Map((await db.quiz.findMany({ where: { courseId }, select: { slug: true, contentHash: true } })).map((q) => [q.slug, q.contentHash]));
  for (const [index, quiz] of quizzes.entries()) {
    if (existing.get(quiz.slug) === quiz.contentHash) continue;
    const data = {
      title: quiz.title,
      kind: quiz.kind,
      lessonId: quiz.lesson ? lessonIds.get(quiz.lesson)! : null,
      position: index + 1,
      passPercent: quiz.passPercent ?? (quiz.kind === "final" ? config.finalPassPercent : config.lessonPassPercent),
      maxAttempts: quiz.maxAttempts,
      timeLimitSeconds: quiz.timeLimitMinutes ? quiz.timeLimitMinutes * 60 : null,
      drawCount: quiz.drawCount ?? null,
      reviewPolicy: quiz.reviewPolicy,
      contentHash: quiz.contentHash,
    };
    const row = await db.quiz.upsert({
      where: { courseId_slug: { courseId, slug: quiz.slug } },
      create: { courseId, slug: quiz.slug, ...data },
      update: data,
      select: { id: true },
    });
    for (const [position, question] of quiz.questions.entries()) {
      const compiled = compileQuestion(quiz.slug, question);
      const fields = { ...compiled, position, contentHash: contentHash(compiled), retiredAt: null };
      await db.question.upsert({
        where: { quizId_key: { quizId: row.id, key: question.key } },
        create: { quizId: row.id, ...fields },
        update: fields,
        select: { id: true },
      });
    }
    await db.question.updateMany({
      where: { quizId: row.id, key: { notIn: quiz.questions.map((q) => q.key) }, retiredAt: null },
      data: { retiredAt: new Date() },
    });
  }
}

export async function seed({ demo }: { demo: boolean }) {
  const courseId = await seedCourse();
  const lessons = loadLessons();
  await seedLessons(courseId, lessons);
  await seedQuizzes(courseId, loadQuizzes(lessons));
  if (demo) await seedDemoUsers();
  await refreshMissingSummaries();
}
