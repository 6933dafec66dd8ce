import "server-only";
// Who a verified launch is in Casebook (issue 15): (iss, sub) names the person, whatever
// their email; the LMS course (context) becomes a section on its first launch; a learner is
// enrolled in it, an instructor teaches it, an administrator coordinates the course. One
// transaction; a concurrent first launch of the same person or course loses the unique key
// and is retried by the caller, then finds the rows the other one wrote.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { recordStudentChanges } from "@/lib/course/record";
import { readCourse } from "@/lib/course/structure";
import { newJoinCode } from "@/lib/sections/codes";
import { enrollInTx } from "@/lib/sections/enrollment";
import { CLAIM, displayName, type LaunchClaims, type LaunchRole } from "./claims";
import type { Platform } from "./platforms";

const RANK: Record<string, number> = { student: 0, instructor: 1, coordinator: 2 };

/** Never a valid Argon2 hash: an LMS user signs in through the LMS (or sets a password by reset). */
const NO_PASSWORD = "lti:no-password";

/** A unique address for a person whose LMS sent no email, or one another account already has. */
const placeholderEmail = (platformId: string, subject: string) => `lti-${createHash("sha256").update(`${platformId}\n${subject}`).digest("hex").slice(0, 24)}@lti.invalid`;

export async function provisionLaunch(platform: Platform, claims: LaunchClaims, role: LaunchRole, now: Date): Promise<string> {
  return db.$transaction(async (tx) => {
    const course = await readCourse(tx);
    const key = { platformId: platform.id, subject: claims.sub };
    const identity = await tx.ltiIdentity.findUnique({ where: { platformId_subject: key }, select: { userId: true, user: { select: { role: true, deletedAt: true } } } });
    let userId: string;
    // The LMS is the authority on its people: a learner made instructor there is one here.
    // Never the other way: an instructor who is a learner in another course stays staff.
    let effective: LaunchRole = role;
    // A new account or a raised role changes the roster's rows; a repeat launch changes nothing.
    let rosterStale = false;
    if (identity && !identity.user.deletedAt) {
      userId = identity.userId;
      const current = identity.user.role as LaunchRole;
      if (RANK[role] > (RANK[current] ?? 0)) {
        await tx.user.update({ where: { id: userId }, data: { role }, select: { id: true } });
        rosterStale = true;
        await recordAudit({ actorId: null, action: "lti.role", targetType: "User", targetId: userId, detail: { platformId: platform.id, subject: claims.sub, from: current, to: role } }, tx);
      } else effective = current;
    } else {
      const email = claims.email?.toLowerCase();
      const taken = email ? await tx.user.findUnique({ where: { email }, select: { id: true } }) : null;
      const user = await tx.user.create({
        data: { name: displayName(claims), email: email && !taken ? email : placeholderEmail(platform.id, claims.sub), passwordHash: NO_PASSWORD, role },
        select: { id: true },
      });
      userId = user.id;
      rosterStale = true;
      if (identity) await tx.ltiIdentity.update({ where: { platformId_subject: key }, data: { userId }, select: { userId: true } });
      else await tx.ltiIdentity.create({ data: { ...key, userId }, select: { userId: true } });
      await recordAudit({ actorId: userId, action: "lti.account", targetType: "LtiPlatform", targetId: platform.id, detail: { subject: claims.sub, role } }, tx);
    }
    const context = claims[CLAIM.context];
    if (context) {
      const found = await tx.ltiContext.findUnique({ where: { platformId_contextId: { platformId: platform.id, contextId: context.id } }, select: { sectionId: true } });
      let sectionId = found?.sectionId;
      if (!sectionId) {
        const title = (context.title || context.label || "LMS course").slice(0, 100);
        // The LMS knows the term; Casebook starts it today for a year, and the coordinator can change it.
        const section = await tx.section.create({
          data: { courseId: course.id, name: title, termStart: now, termEnd: new Date(now.getTime() + 365 * 86_400_000), timeZone: "UTC", joinCode: newJoinCode(), joinOpen: false },
          select: { id: true },
        });
        sectionId = section.id;
        await tx.ltiContext.create({ data: { platformId: platform.id, contextId: context.id, sectionId, title }, select: { sectionId: true } });
      }
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
    return userId;
  });
}
