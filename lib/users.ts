import "server-only";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/boundary/errors";
import { isUniqueViolation } from "@/lib/db/retry";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { recordStudentChanges } from "@/lib/course/record";

export class EmailTakenError extends DomainError {
  constructor() {
    const message = "An account with that email already exists. Sign in instead, or use another email.";
    super(409, message, { email: message });
  }
}

export type NewUser = { name: string; email: string; password: string; role: Role };

/** Creates a user; email must already be normalized (lower-cased, trimmed) by its schema. */
export async function createUser(input: NewUser) {
  const passwordHash = await hashPassword(input.password);
  try {
    // The roster row is written with the account, so no student is ever missing from it.
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, passwordHash, role: input.role },
        select: { id: true, email: true, name: true, role: true },
      });
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
    await recordStudentChanges(tx, [user.id]);
    return user;
  });
}
