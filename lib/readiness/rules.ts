// Internship readiness as one pure function over a student's records. Thresholds
// come from the course configuration, never from literals scattered around.
import type { CourseConfig } from "@/lib/course/config";
import { isMastered, masteryPercent, passes, passMarkFor } from "@/lib/course/rules";

export { masteryPercent };

export type ObjectiveEvidence = { id: string; text: string; lessonSlug: string; earned: number; possible: number };

export type ReadinessInput = {
  lessons: { slug: string; title: string; complete: boolean }[];
  lessonQuizzes: { slug: string; title: string; passed: boolean; bestPercent: number | null }[];
  final: { slug: string; title: string; bestPercent: number | null } | null;
  objectives: ObjectiveEvidence[];
  selfAssessmentDone: boolean;
  signedOff: boolean;
  /** Each assignment with its released grade (lib/assignments/rubric.ts releasedGradeOf), null before one. */
  writtenWork: { slug: string; title: string; percent: number | null }[];
};

export type Requirement = { id: string; label: string; met: boolean; detail: string; href: string };
export type Readiness = { ready: boolean; requirements: Requirement[] };

export function evaluateReadiness(input: ReadinessInput, config: CourseConfig): Readiness {
  const requirements: Requirement[] = [];
  const lessonMark = passMarkFor({ kind: "lesson" }, config);
  const finalMark = passMarkFor({ kind: "final" }, config);

  const unfinished = input.lessons.filter((l) => !l.complete);
  requirements.push({
    id: "lessons",
    label: "Complete every lesson",
    met: unfinished.length === 0,
    detail: unfinished.length === 0 ? `All ${input.lessons.length} lessons complete.` : `${unfinished.length} left, starting with “${unfinished[0].title}”.`,
    href: unfinished.length ? `/lessons/${unfinished[0].slug}` : "/course",
  });

  const unpassed = input.lessonQuizzes.filter((q) => !q.passed);
  requirements.push({
    id: "quizzes",
    label: "Pass every lesson quiz",
    met: unpassed.length === 0,
    detail:
      unpassed.length === 0
        ? `All ${input.lessonQuizzes.length} lesson quizzes passed.`
        : `${unpassed.length} not passed yet: ${unpassed.map((q) => `“${q.title}”${q.bestPercent !== null ? ` (best ${q.bestPercent}%, need ${lessonMark}%)` : ""}`).join(", ")}.`,
    href: unpassed.length ? `/quizzes/${unpassed[0].slug}` : "/course",
  });

  if (input.final) {
    const best = input.final.bestPercent;
    const met = passes(best, finalMark);
    requirements.push({
      id: "final",
      label: `Pass the final assessment (${finalMark}% or more)`,
      met,
      detail: met ? `Passed with ${best}%.` : best === null ? "Not taken yet." : `Best so far ${best}%: ${Math.round((finalMark - best) * 10) / 10} points short.`,
      href: `/quizzes/${input.final.slug}`,
    });
  }

  const weak = input.objectives
    .map((o) => ({ ...o, mastery: masteryPercent(o) }))
    .filter((o) => !isMastered(o, config));
  requirements.push({
    id: "mastery",
    label: `Show mastery of every learning objective (${config.objectiveMasteryPercent}% of its questions right in your best attempts)`,
    met: weak.length === 0 && input.objectives.length > 0,
    detail:
      weak.length === 0
        ? `All ${input.objectives.length} objectives mastered.`
        : `Below ${config.objectiveMasteryPercent}%: ${weak.map((o) => `${o.text} (${o.mastery === null ? "no answers yet" : `${o.mastery}%`})`).join("; ")}.`,
    href: weak.length ? `/lessons/${weak[0].lessonSlug}` : "/course",
  });

  const writtenMark = config.writtenWorkPercent;
  if (writtenMark !== null && input.writtenWork.length > 0) {
    const short = input.writtenWork.filter((w) => !passes(w.percent, writtenMark));
    requirements.push({
      id: "written",
      label: `Written work: at least ${writtenMark}% on each assignment`,
      met: short.length === 0,
      detail:
        short.length === 0
          ? `All ${input.writtenWork.length} assignments graded at ${writtenMark}% or more.`
          : `Not there yet: ${short.map((w) => `“${w.title}” (${w.percent === null ? "no released grade yet" : `${w.percent}%`})`).join(", ")}.`,
      href: short.length ? `/assignments/${short[0].slug}` : "/course",
    });
  }

  requirements.push({
    id: "self-assessment",
    label: "Complete the skills self-assessment",
    met: input.selfAssessmentDone,
    detail: input.selfAssessmentDone ? "Done. You can update it any time." : "Rate yourself on each skill and choose a specialization.",
    href: "/readiness/skills",
  });

  if (config.requireInstructorSignOff) {
    requirements.push({
      id: "sign-off",
      label: "Instructor sign-off",
      met: input.signedOff,
      detail: input.signedOff ? "Your instructor has signed off." : "Your instructor signs off once everything else is complete.",
      href: "/readiness",
    });
  }

  return { ready: requirements.every((r) => r.met), requirements };
}
