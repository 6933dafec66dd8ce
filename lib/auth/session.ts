import "server-only";
import { requestCache as cache } from "@/lib/http/request-cache";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { authOptions } from "./options";
import { isRole, type Role } from "./roles";

export type CurrentUser = { id: string; name: string; email: string; role: Role };

/**
 * The signed-in user, re-read from the database so a role change or a deleted
 * account takes effect on the next request. Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  return id ? userForSession(id) : null;
});

/** The user a session token names, unless the account was closed or its role is unknown. */
export async function userForSession(id: string): Promise<CurrentUser | null> {
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, role: true, deletedAt: true },
  });
  if (!user || user.deletedAt || !isRole(user.role)) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role };
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
