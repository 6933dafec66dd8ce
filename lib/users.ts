import "server-only";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/boundary/errors";
import { isUniqueViolation } from "@/lib/db/retry";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { recordStudentChanges } from "@/lib/course/record";
import { enrollNewStudent } from "@/lib/sections/enrollment";

export class EmailTakenError extends DomainError {
  constructor() {
    const message = "An account with that email already exists. Sign in instead, or use another email.";
    super(409, message, { email: message });
  }
}

export type NewUser = { name: string; email: string; password: string; role: Role };

/**
 * Creates a user; email must already be normalized (lower-cased, trimmed) by its schema.
 * A student joins the section of `joinCode`, or the course's open sign-up section.
 */
export async function createUser(input: NewUser, joinCode?: string) {
  const passwordHash = await hashPassword(input.password);
  try {
    // The roster row is written with the account, so no student is ever missing from it.
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, passwordHash, role: input.role },
        select: { id: true, email: true, name: true, role: true },
      });
      if (input.role === "student") await enrollNewStudent(tx, user.id, joinCode);
      await recordStudentChanges(tx, [user.id]);
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError();
    throw error;
  }
}

/**
 * Creates the user, or updates name, role and password when the email exists (the
 * `npm run user:create` script). The roster row follows in the same transaction: a new
 * student gets one, a renamed one is found by the new name, a student made instructor
 * leaves the roster.
 */
export async function upsertUser(input: NewUser) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.upsert({
      where: { email: input.email },
      create: { name: input.name, email: input.email, passwordHash, role: input.role },
      update: { name: input.name, passwordHash, role: input.role },
      select: { id: true, email: true, name: true, role: true },
    });
    // A student in no section yet joins the open one, as a sign-up would.
    if (user.role === "student" && !(await tx.enrollment.findFirst({ where: { userId: user.id, endedAt: null }, select: { id: true } }))) await enrollNewStudent(tx, user.id, undefined);
    await recordStudentChanges(tx, [user.id]);
    return user;
  });
}

/** The person's own time zone for dates (null: their section's). */
export async function setOwnTimeZone(user: { id: string }, timeZone: string | null) {
  // Only a change is written (a resubmitted form changes nothing).
  const current = await db.user.findUnique({ where: { id: user.id }, select: { timeZone: true } });
  if (current && current.timeZone !== timeZone) await db.user.update({ where: { id: user.id }, data: { timeZone }, select: { id: true } });
}
