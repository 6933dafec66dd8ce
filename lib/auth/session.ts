import "server-only";
import { requestCache as cache } from "@/lib/http/request-cache";
import { forbidden, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { rawDate } from "@/lib/db/raw";
import { COURSE_SLUG } from "@/lib/course/constants";
import { noteCourseRow } from "@/lib/course/structure";
import { sessionUserId } from "./session-token";
import { isRole, isStaff, type Role } from "./roles";

/** `timeZone`: the person's own zone when they chose one (dates are also shown in it). */
export type CurrentUser = { id: string; name: string; email: string; role: Role; timeZone?: string | null };

/**
 * The signed-in user, re-read from the database so a role change or a deleted
 * account takes effect on the next request. Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const id = await sessionUserId();
  return id ? userForSession(id) : null;
});

type ViewerRow = {
  id: string;
  name: string;
  email: string;
  role: string;
  deletedAt: unknown;
  timeZone: string | null;
  courseId: string | null;
  courseTitle: string | null;
  courseConfig: string | null;
  courseContentHash: string | null;
};

/**
 * The user a session token names, unless the account was closed or its role is unknown.
 * The same statement reads the course row (its settings and content version), which
 * nearly every signed-in request needs next: one round trip instead of two (issue 13).
 */
export async function userForSession(id: string): Promise<CurrentUser | null> {
  const [row] = await db.$queryRaw<ViewerRow[]>`
    SELECT u."id", u."name", u."email", u."role", u."deletedAt", u."timeZone",
           c."id" AS "courseId", c."title" AS "courseTitle", c."config" AS "courseConfig", c."contentHash" AS "courseContentHash"
      FROM "User" u LEFT JOIN "Course" c ON c."slug" = ${COURSE_SLUG}
     WHERE u."id" = ${id}`;
  if (row?.courseId) noteCourseRow({ id: row.courseId, title: row.courseTitle!, config: row.courseConfig!, contentHash: row.courseContentHash! });
  if (!row || rawDate(row.deletedAt) || !isRole(row.role)) return null;
  return { id: row.id, name: row.name, email: row.email, role: row.role, timeZone: row.timeZone };
}

/** For pages and server actions: sends a signed-out visitor to sign in. */
export async function requireUser(returnTo?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(returnTo ? `/signin?callbackUrl=${encodeURIComponent(returnTo)}` : "/signin");
  return user;
}

/** For pages and server actions: signed-out visitors sign in; the wrong role gets 403. */
export async function requireRole(role: Role, returnTo?: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (user.role !== role) forbidden();
  return user;
}

/** For staff pages: instructors and coordinators; what each sees is lib/sections/scope.ts. */
export async function requireStaff(returnTo?: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (!isStaff(user.role)) forbidden();
  return user;
}
