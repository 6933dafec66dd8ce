import crypto from "node:crypto";
import type { CurrentUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/roles";
import { teachOpenSection } from "@/lib/seed";
import { createUser } from "@/lib/users";

/**
 * A fresh user in the test file's own database. Students join the open section, and
 * instructors teach it, as the demo accounts do; sections.test.ts builds its own.
 */
export async function makeUser(role: Role = "student"): Promise<CurrentUser> {
  const id = crypto.randomUUID().slice(0, 8);
  const user = await createUser({ name: `Test ${role} ${id}`, email: `${role}-${id}@test.example`, password: "a-long-test-password", role });
  if (role === "instructor") await teachOpenSection(user.id);
  return { id: user.id, name: user.name, email: user.email, role };
}
