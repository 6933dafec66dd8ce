import "server-only";
// Who a verified launch is in Casebook (issue 15): (iss, sub) names the person, whatever
// their email; the LMS course (context) becomes a section on its first launch; a learner is
// enrolled in it, an instructor teaches it, an administrator coordinates the course. One
// transaction; a concurrent first launch of the same person or course loses the unique key
// and is retried by the caller, then finds the rows the other one wrote.
import { db } from "@/lib/db";
import { recordStudentChanges } from "@/lib/course/record";
import { readCourse } from "@/lib/course/structure";
import { newJoinCode } from "@/lib/sections/codes";
import { enrollInTx } from "@/lib/sections/enrollment";
import { accountFor } from "./accounts";
import { CLAIM, SCOPE, SERVICE_CLAIM, type LaunchClaims, type LaunchRole } from "./claims";
import { rememberLineItem } from "./line-items";
import type { Platform } from "./platforms";

const SERVICE_FIELDS = { lineItemsUrl: true, canPostScores: true, canManageLineItems: true, membershipsUrl: true } as const;
type Services = { lineItemsUrl: string | null; canPostScores: boolean; canManageLineItems: boolean; membershipsUrl: string | null };

/** The LTI Advantage services a launch offers for its course. */
function servicesOf(claims: LaunchClaims): Services {
  const grades = claims[SERVICE_CLAIM.grades];
  return {
    lineItemsUrl: grades?.lineitems ?? null,
    canPostScores: grades?.scope.includes(SCOPE.score) ?? false,
    canManageLineItems: grades?.scope.includes(SCOPE.lineItem) ?? false,
    membershipsUrl: claims[SERVICE_CLAIM.members]?.context_memberships_url ?? null,
  };
}

const servicesChanged = (a: Services, b: Services) => (Object.keys(SERVICE_FIELDS) as (keyof Services)[]).some((k) => a[k] !== b[k]);

/**
 * `activity` is the graded activity the launch's page is (lib/lti/grades.ts), or null.
 * Returns the account and, for an instructor's launch of a course the platform lists
 * members for, the course to read them from.
 */
export async function provisionLaunch(platform: Platform, claims: LaunchClaims, role: LaunchRole, activity: string | null, now: Date): Promise<{ userId: string; syncRoster: { platformId: string; contextId: string } | null }> {
  return db.$transaction(async (tx) => {
    const course = await readCourse(tx);
    const account = await accountFor(tx, platform.id, claims, role);
    const { userId, effective } = account;
    // A new account or a raised role changes the roster's rows; a repeat launch changes nothing.
    let rosterStale = account.created || account.raised;
    const context = claims[CLAIM.context];
    if (context) {
      const contextKey = { platformId: platform.id, contextId: context.id };
      const found = await tx.ltiContext.findUnique({ where: { platformId_contextId: contextKey }, select: { sectionId: true, ...SERVICE_FIELDS } });
      const services = servicesOf(claims);
      let sectionId = found?.sectionId;
      if (!sectionId) {
        const title = (context.title || context.label || "LMS course").slice(0, 100);
        // The LMS knows the term; Casebook starts it today for a year, and the coordinator can change it.
        const section = await tx.section.create({
          data: { courseId: course.id, name: title, termStart: now, termEnd: new Date(now.getTime() + 365 * 86_400_000), timeZone: "UTC", joinCode: newJoinCode(), joinOpen: false },
          select: { id: true },
        });
        sectionId = section.id;
        await tx.ltiContext.create({ data: { ...contextKey, sectionId, title, ...services }, select: { sectionId: true } });
      } else if (servicesChanged(found!, services)) {
        // The latest launch says what the platform offers now (a course copied, a tool re-scoped).
        await tx.ltiContext.update({ where: { platformId_contextId: contextKey }, data: services, select: { sectionId: true } });
        // Grades just became possible: the scores the course's students already earned are owed now.
        if (!found!.canPostScores && services.canPostScores) {
          const students = await tx.enrollment.findMany({ where: { sectionId, activeCourseId: course.id, user: { ltiIdentities: { some: { platformId: platform.id } } } }, select: { userId: true } });
          await recordStudentChanges(tx, students.map((s) => s.userId));
        }
      }
      // The grade column the launch's link has (deep-linked with a line item) is the one its activity posts to.
      const lineItem = claims[SERVICE_CLAIM.grades]?.lineitem;
      if (lineItem && activity) await rememberLineItem(tx, { ...contextKey, activity }, lineItem, now);
      // A learner joins the course's section, unless already in another LMS course's section
      // (one active section per student: launching from two LMS courses must not bounce them).
      if (effective === "student") {
        const active = await tx.enrollment.findFirst({ where: { userId, activeCourseId: course.id }, select: { sectionId: true, section: { select: { ltiContexts: { select: { contextId: true }, take: 1 } } } } });
        // A move rebuilds the student's rows itself (enrollInTx).
        if (!active || (active.sectionId !== sectionId && active.section.ltiContexts.length === 0)) {
          if ((await enrollInTx(tx, userId, { id: sectionId, courseId: course.id }, "moved")).changed) rosterStale = false;
        }
      }
      // Teaching comes from this launch's role only: staff launching as a learner teach nothing here.
      if (role === "instructor" && effective === "instructor") await tx.sectionInstructor.upsert({ where: { sectionId_userId: { sectionId, userId } }, create: { sectionId, userId }, update: {}, select: { userId: true } });
    }
    // The roster's rows follow (a new student gets one; one made staff leaves it).
    if (rosterStale) await recordStudentChanges(tx, [userId]);
    const syncRoster = context && role !== "student" && claims[SERVICE_CLAIM.members] ? { platformId: platform.id, contextId: context.id } : null;
    return { userId, syncRoster };
  });
}
