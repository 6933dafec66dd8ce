import crypto from "node:crypto";
import type { CurrentUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/roles";
import { createUser } from "@/lib/users";

/** A fresh user in the test file's own database. */
export async function makeUser(role: Role = "student"): Promise<CurrentUser> {
  const id = crypto.randomUUID().slice(0, 8);
  const user = await createUser({ name: `Test ${role} ${id}`, email: `${role}-${id}@test.example`, password: "a-long-test-password", role });
  return { id: user.id, name: user.name, email: user.email, role };
}
