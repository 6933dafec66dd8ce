import { DomainError } from "@/lib/boundary/errors";
import { isStaff, type Role } from "./roles";

export class AccessDeniedError extends DomainError {
  constructor(message = "You do not have access to this.") {
    super(403, message);
  }
}

/** Data functions call this so they stay safe even if a caller forgets its own check. */
export function assertRole(viewer: { role: Role }, role: Role): void {
  if (viewer.role !== role) throw new AccessDeniedError();
}

/** Instructors and coordinators; which students each may see is lib/sections/scope.ts. */
export function assertStaff(viewer: { role: Role }): void {
  if (!isStaff(viewer.role)) throw new AccessDeniedError();
}
