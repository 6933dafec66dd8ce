import "server-only";
// Who sees whom (issue 14). Every staff data function asks here which sections its viewer
// may read, and filters in SQL: a coordinator sees every section, an instructor only the
// sections they teach. Pages and handlers never pass a scope in; they pass the viewer.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertStaff } from "@/lib/auth/assert";
import type { CurrentUser } from "@/lib/auth/session";
import { getCourse } from "@/lib/course/structure";
import { requestCache } from "@/lib/http/request-cache";
import { termLabel, termState, type TermState } from "./terms";

export type SectionOption = { id: string; name: string; term: string; state: TermState; timeZone: string };

const sectionSelect = { id: true, name: true, termStart: true, termEnd: true, timeZone: true } as const;

/** The sections this viewer may read, current terms first. Cached per request. */
export const sectionsInScope = requestCache(async (viewer: CurrentUser): Promise<SectionOption[]> => {
  assertStaff(viewer);
  const course = await getCourse();
  const rows = await db.section.findMany({
    where: viewer.role === "coordinator" ? { courseId: course.id } : { courseId: course.id, instructors: { some: { userId: viewer.id } } },
    select: sectionSelect,
    orderBy: [{ termStart: "desc" }, { name: "asc" }],
  });
  const now = new Date();
  const rank: Record<TermState, number> = { current: 0, upcoming: 1, ended: 2 };
  return rows
    .map((s) => ({ id: s.id, name: s.name, term: termLabel(s.termStart, s.termEnd, s.timeZone), state: termState(s, now), timeZone: s.timeZone }))
    .sort((a, b) => rank[a.state] - rank[b.state]);
});

/**
 * What a staff page reads: one section the viewer picked, or all of theirs. `ids` is null
 * only for a coordinator's "all sections" (no filter at all; students in no section
 * included). Null when the requested section is not the viewer's: the caller answers 404,
 * the same as for a section that does not exist.
 */
export async function chooseSections(viewer: CurrentUser, requested: string | undefined) {
  const sections = await sectionsInScope(viewer);
  if (requested && requested !== "all") {
    const section = sections.find((s) => s.id === requested);
    return section ? { sections, chosen: section.id, ids: [section.id] as string[] | null } : null;
  }
  return { sections, chosen: "all", ids: viewer.role === "coordinator" ? null : sections.map((s) => s.id) };
}

export type Chosen = NonNullable<Awaited<ReturnType<typeof chooseSections>>>;

/** `column IN (ids)`, true for no filter, false for an empty list. */
export function inSections(column: Prisma.Sql, ids: string[] | null): Prisma.Sql {
  if (ids === null) return Prisma.sql`1 = 1`;
  if (ids.length === 0) return Prisma.sql`1 = 0`;
  return Prisma.sql`${column} IN (${Prisma.join(ids)})`;
}

/**
 * May this viewer read and act on this student? A coordinator: any student. An
 * instructor: a student enrolled now in a section they teach; once the student moves, the
 * new section's instructors take over (the move is in the student's history, which they
 * see). Anyone else's students are "not found", not "forbidden", so an id says nothing
 * about whether the student exists.
 */
export async function canSeeStudent(viewer: CurrentUser, studentId: string): Promise<boolean> {
  assertStaff(viewer);
  if (studentId.length > 64) return false;
  const course = await getCourse();
  const found = await db.user.findFirst({
    where: {
      id: studentId,
      role: "student",
      deletedAt: null,
      ...(viewer.role === "coordinator" ? {} : { enrollments: { some: { activeCourseId: course.id, section: { instructors: { some: { userId: viewer.id } } } } } }),
    },
    select: { id: true },
  });
  return Boolean(found);
}

/** May this viewer manage this section (its code, its students)? */
export async function canManageSection(viewer: CurrentUser, sectionId: string): Promise<boolean> {
  return (await sectionsInScope(viewer)).some((s) => s.id === sectionId);
}

/**
 * `userId` column belongs to a student of these sections: enrolled there now, or enrolled
 * there when they closed their account (their graded work still counts in the section's
 * statistics). Null ids: no filter (a coordinator's whole course).
 */
export function ofSectionStudents(userId: Prisma.Sql, ids: string[] | null): Prisma.Sql {
  if (ids === null) return Prisma.sql`1 = 1`;
  return Prisma.sql`${userId} IN (SELECT e."userId" FROM "Enrollment" e WHERE ${inSections(Prisma.sql`e."sectionId"`, ids)} AND (e."endedAt" IS NULL OR e."endReason" = 'closed'))`;
}
