import "server-only";
// Where a student's rules come from inside a transaction: their active section's own
// choices over the course's configuration (the pure rule is lib/course/rules.ts rulesFor).
// A student's own pages read the same settings with their record (lib/course/own-record.ts).
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { parseCourseConfig, parseSectionSettings, type CourseConfig, type SectionSettings } from "./config";
import { passMarkFor, rulesFor, type CourseRules } from "./rules";
import { CURRENT_RUN } from "@/lib/progress/runs";

const CHUNK = 1000;

/** Each listed student's section settings (none for a student in no section). */
export async function sectionSettingsOf(tx: Tx, courseId: string, userIds: string[]): Promise<Map<string, SectionSettings>> {
  const settings = new Map<string, SectionSettings>();
  for (let i = 0; i < userIds.length; i += CHUNK) {
    const rows = await tx.enrollment.findMany({
      where: { userId: { in: userIds.slice(i, i + CHUNK) }, activeCourseId: courseId },
      select: { userId: true, section: { select: { settings: true } } },
    });
    for (const row of rows) settings.set(row.userId, parseSectionSettings(row.section.settings));
  }
  return settings;
}

/** One student's rules, read inside `tx`: the course's configuration and their section's settings in one statement. */
export async function rulesOfStudent(tx: Tx, courseId: string, userId: string): Promise<CourseRules> {
  const rows = await tx.$queryRaw<{ config: string; settings: string | null }[]>`
    SELECT c."config", s."settings" FROM "Course" c
      LEFT JOIN "Enrollment" e ON e."activeCourseId" = c."id" AND e."userId" = ${userId}
      LEFT JOIN "Section" s ON s."id" = e."sectionId"
     WHERE c."id" = ${courseId}`;
  return rulesFor(parseCourseConfig(rows[0]?.config ?? "{}"), parseSectionSettings(rows[0]?.settings));
}

/**
 * Every graded attempt of these students gets its `passed` derived again from the pass
 * marks that now apply to them (after a change of the course's or their section's rules,
 * or a move to another section), so the result page, the roster and readiness agree. A past
 * run's attempts keep the passes its own rules decided.
 * Students are grouped by their marks: one pair of statements per quiz and group.
 */
export async function reapplyPassMarks(tx: Tx, course: { id: string }, config: CourseConfig, userIds: string[]) {
  if (userIds.length === 0) return;
  const settings = await sectionSettingsOf(tx, course.id, userIds);
  const groups = new Map<string, { rules: CourseRules; ids: string[] }>();
  for (const id of userIds) {
    const rules = rulesFor(config, settings.get(id));
    const key = `${rules.lessonPassPercent}:${rules.finalPassPercent}`;
    const group = groups.get(key) ?? { rules, ids: [] };
    group.ids.push(id);
    groups.set(key, group);
  }
  const quizzes = await tx.quiz.findMany({ where: { courseId: course.id }, select: { id: true, kind: true } });
  for (const { rules, ids } of groups.values()) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = Prisma.join(ids.slice(i, i + CHUNK));
      for (const quiz of quizzes) {
        const mark = passMarkFor(quiz, rules);
        await tx.$executeRaw`UPDATE "QuizAttempt" SET "passed" = (CASE WHEN "percent" >= ${mark} THEN TRUE ELSE FALSE END)
          WHERE "quizId" = ${quiz.id} AND "status" = 'graded' AND "pastRun" = ${CURRENT_RUN} AND "userId" IN (${chunk})
            AND "passed" <> (CASE WHEN "percent" >= ${mark} THEN TRUE ELSE FALSE END)`;
      }
    }
  }
}
