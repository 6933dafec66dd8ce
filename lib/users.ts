import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/retry";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { refreshSummaries } from "@/lib/roster/summaries";

export class EmailTakenError extends Error {
  constructor() {
    super("An account with that email already exists. Sign in instead, or use another email.");
  }
}

export type NewUser = { name: string; email: string; password: string; role: Role };

/** Creates a user; email must already be normalized (lower-cased, trimmed) by its schema. */
export async function createUser(input: NewUser) {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: { name: input.name, email: input.email, passwordHash, role: input.role },
      select: { id: true, email: true, name: true, role: true },
    });
    if (user.role === "student") await refreshSummaries([user.id]);
    return user;
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError();
    throw error;
  }
}

/** Creates the user, or updates name, role and password when the email exists. */
export async function upsertUser(input: NewUser) {
  const passwordHash = await hashPassword(input.password);
  return db.user.upsert({
    where: { email: input.email },
    create: { name: input.name, email: input.email, passwordHash, role: input.role },
    update: { name: input.name, passwordHash, role: input.role },
    select: { id: true, email: true, name: true, role: true },
  });
}
