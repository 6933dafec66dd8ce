// Rubric grading rules for written work (issue 17, ADR 0023), pure so the grading view, the
// server's save, readiness, the gradebook and the LMS passback all read the same rules.
// No server-only import: the grading form computes its running total with them too.
import { z } from "zod";
import type { AssignmentFile } from "@/lib/content/assignment-schema";

export type Rubric = AssignmentFile["rubric"];
export type Criterion = Rubric[number];

const storedRubric = z.array(
  z.object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    objectives: z.array(z.string()),
    levels: z.array(z.object({ id: z.string(), title: z.string(), description: z.string(), points: z.number() })).min(1),
  }),
);

/** The rubric as the seed stored it (validated content; a damaged row reads as an error, not a crash later). */
export function parseRubric(json: string): Rubric {
  return storedRubric.parse(JSON.parse(json));
}

export const maxPointsOf = (rubric: Rubric) => rubric.reduce((sum, c) => sum + c.levels[0].points, 0);

/** Percent with one decimal, the way quiz scores are shown. */
export const percentOf = (points: number, possible: number) => (possible === 0 ? 0 : Math.round((points / possible) * 1000) / 10);

export type LevelPicks = Record<string, string>;

/**
 * The points for a level picked on every criterion, or the criteria still missing a level
 * (or naming a level the criterion does not have). A grade is saved only whole.
 */
export function scoreLevels(rubric: Rubric, picks: LevelPicks): { ok: true; points: number; possible: number; percent: number } | { ok: false; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  let points = 0;
  for (const criterion of rubric) {
    const level = criterion.levels.find((l) => l.id === picks[criterion.id]);
    if (!level) problems[criterion.id] = `Pick a level for “${criterion.title}”.`;
    else points += level.points;
  }
  const unknown = Object.keys(picks).filter((id) => !rubric.some((c) => c.id === id));
  for (const id of unknown) problems[id.slice(0, 40)] = "This criterion is not in the rubric.";
  if (Object.keys(problems).length) return { ok: false, problems };
  const possible = maxPointsOf(rubric);
  return { ok: true, points, possible, percent: percentOf(points, possible) };
}

export type TryGrade = { tryNumber: number; percent: number | null; releasedAt: Date | null };

/**
 * THE grade of an assignment for a student: the released grade of their latest try that has
 * one. A later try counts once its grade is released (until then the earlier grade stands);
 * an unreleased grade counts for nothing anywhere a student or the LMS can see. Null: none yet.
 */
export function releasedGradeOf<T extends TryGrade>(tries: Iterable<T>): T | null {
  let chosen: T | null = null;
  for (const t of tries) {
    if (t.releasedAt === null || t.percent === null) continue;
    if (!chosen || t.tryNumber > chosen.tryNumber) chosen = t;
  }
  return chosen;
}

/**
 * The name a grader sees when the section grades anonymously: stable for the submission,
 * telling nothing about who wrote it ("Submission K7Q2"). Derived from the submission's
 * own random id, which the grading view's address already shows.
 */
export function pseudonymOf(submissionId: string): string {
  let hash = 2166136261;
  for (const ch of submissionId) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  let name = "";
  for (let i = 0; i < 4; i++) {
    name += alphabet[hash % alphabet.length];
    hash = Math.floor(hash / alphabet.length);
  }
  return `Submission ${name}`;
}

/** How many graded submissions reached each level of each criterion, in rubric order. */
export function levelDistribution(rubric: Rubric, grades: LevelPicks[]): { criterion: Criterion; counts: { level: Criterion["levels"][number]; count: number }[]; meanPoints: number | null }[] {
  return rubric.map((criterion) => {
    const counts = criterion.levels.map((level) => ({ level, count: grades.filter((g) => g[criterion.id] === level.id).length }));
    const total = counts.reduce((s, c) => s + c.count, 0);
    const meanPoints = total === 0 ? null : Math.round((counts.reduce((s, c) => s + c.count * c.level.points, 0) / total) * 10) / 10;
    return { criterion, counts, meanPoints };
  });
}

/** Each assignment with THE grade that counts for it (releasedGradeOf over its tries): percent, or null before one. */
export function writtenGradesOf<A extends { id: string }>(assignments: A[], tries: (TryGrade & { assignmentId: string })[]): (A & { percent: number | null })[] {
  return assignments.map((a) => ({ ...a, percent: releasedGradeOf(tries.filter((t) => t.assignmentId === a.id))?.percent ?? null }));
}
