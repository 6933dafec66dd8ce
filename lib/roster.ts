import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { assertRole } from "@/lib/auth/assert";

export async function listStudents(viewer: CurrentUser, limit = 100) {
  assertRole(viewer, "instructor");
  return db.user.findMany({
    where: { role: "student", deletedAt: null },
    select: { id: true, name: true, email: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
}
