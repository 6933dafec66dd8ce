import "server-only";
// A section's own rules (issue 14): its instructors choose pass marks, attempts, time
// limits, the review policy and whether sign-off is required, within the bounds the
// coordinator set for the course. The change is audited and every student of the section
// is rebuilt in the same transaction (their attempts' passes, readiness and summaries),
// so no page shows the old rule next to the new one. Attempts already begun keep the
// limits they started with; later attempts follow the new ones.
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { assertStaff } from "@/lib/auth/assert";
import type { CurrentUser } from "@/lib/auth/session";
import { DomainError } from "@/lib/boundary/errors";
import { parseCourseConfig, parseSectionSettings, type CourseConfig, type SectionSettings } from "@/lib/course/config";
import { rebuildStudents, REBUILD_TX_OPTIONS } from "@/lib/course/record";
import { rulesFor } from "@/lib/course/rules";
import { getCourse } from "@/lib/course/structure";
import { retryOnConflict } from "@/lib/db/retry";
import type { SectionSettingsForm } from "./schemas";
import { canManageSection } from "./scope";

const notFound = () => new DomainError(404, "No such section.");

/** What the section's form shows: the course's values, the bounds, the section's choices. */
export async function getSectionRules(viewer: CurrentUser, sectionId: string) {
  assertStaff(viewer);
  if (!(await canManageSection(viewer, sectionId))) return null;
  const course = await getCourse();
  const [row, quizzes] = await Promise.all([
    db.section.findUniqueOrThrow({ where: { id: sectionId }, select: { settings: true } }),
    db.quiz.findMany({ where: { courseId: course.id }, select: { kind: true, maxAttempts: true, timeLimitSeconds: true, reviewPolicy: true }, orderBy: { position: "asc" } }),
  ]);
  const config = parseCourseConfig(course.config);
  const settings = parseSectionSettings(row.settings);
  const fileDefault = (kind: string) => {
    const quiz = quizzes.find((q) => q.kind === kind);
    return { maxAttempts: quiz?.maxAttempts ?? null, timeLimitMinutes: quiz?.timeLimitSeconds ? quiz.timeLimitSeconds / 60 : null };
  };
  return { config, bounds: config.sectionBounds, settings, rules: rulesFor(config, settings), defaults: { lesson: fileDefault("lesson"), final: fileDefault("final") } };
}

type NumericField = "lessonPassPercent" | "finalPassPercent" | "writtenWorkPercent" | "lessonMaxAttempts" | "finalMaxAttempts" | "lessonTimeLimitMinutes" | "finalTimeLimitMinutes";
const BOUND_OF: Record<NumericField, { bound: "passPercent" | "maxAttempts" | "timeLimitMinutes"; what: string }> = {
  lessonPassPercent: { bound: "passPercent", what: "A pass mark" },
  finalPassPercent: { bound: "passPercent", what: "A pass mark" },
  writtenWorkPercent: { bound: "passPercent", what: "A written-work mark" },
  lessonMaxAttempts: { bound: "maxAttempts", what: "Attempts" },
  finalMaxAttempts: { bound: "maxAttempts", what: "Attempts" },
  lessonTimeLimitMinutes: { bound: "timeLimitMinutes", what: "A time limit" },
  finalTimeLimitMinutes: { bound: "timeLimitMinutes", what: "A time limit" },
};

/** The form's choices as settings, or the fields outside the coordinator's bounds. */
export function settingsWithinBounds(config: CourseConfig, form: Omit<SectionSettingsForm, "sectionId">): { settings: SectionSettings } | { errors: Record<string, string> } {
  const bounds = config.sectionBounds;
  const errors: Record<string, string> = {};
  const settings: SectionSettings = {};
  for (const field of Object.keys(BOUND_OF) as NumericField[]) {
    const value = form[field];
    if (value === undefined) continue;
    const { bound, what } = BOUND_OF[field];
    const range = bounds[bound];
    if (value < range.min || value > range.max) errors[field] = `${what} must be between ${range.min} and ${range.max} (the coordinator's bounds).`;
    else settings[field] = value;
  }
  if (form.reviewPolicy !== undefined) {
    if (bounds.reviewPolicies.includes(form.reviewPolicy)) settings.reviewPolicy = form.reviewPolicy;
    else errors.reviewPolicy = "The coordinator does not allow that review policy.";
  }
  if (form.signOff !== "course") {
    if (bounds.signOffChoice) settings.requireInstructorSignOff = form.signOff === "required";
    else errors.signOff = "The coordinator decides sign-off for every section.";
  }
  return Object.keys(errors).length ? { errors } : { settings };
}

export async function changeSectionSettings(viewer: CurrentUser, input: SectionSettingsForm): Promise<{ changed: boolean }> {
  assertStaff(viewer);
  if (!(await canManageSection(viewer, input.sectionId))) throw notFound();
  const course = await getCourse();
  const checked = settingsWithinBounds(parseCourseConfig(course.config), input);
  if ("errors" in checked) throw new DomainError(400, "Some settings are outside what the coordinator allows.", checked.errors);
  return retryOnConflict(() => db.$transaction(async (tx) => {
    const row = await tx.section.findUniqueOrThrow({ where: { id: input.sectionId }, select: { settings: true } });
    const before = parseSectionSettings(row.settings);
    if (JSON.stringify(before) === JSON.stringify(checked.settings)) return { changed: false };
    await tx.section.update({ where: { id: input.sectionId }, data: { settings: JSON.stringify(checked.settings) }, select: { id: true } });
    await recordAudit({ actorId: viewer.id, action: "section.settings", targetType: "Section", targetId: input.sectionId, detail: { before, after: checked.settings } }, tx);
    const students = await tx.enrollment.findMany({ where: { sectionId: input.sectionId, activeCourseId: course.id }, select: { userId: true } });
    await rebuildStudents(tx, students.map((s) => s.userId));
    return { changed: true };
  }, REBUILD_TX_OPTIONS));
}
