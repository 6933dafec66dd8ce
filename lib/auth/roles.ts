export const ROLES = ["student", "instructor", "coordinator"] as const;
export type Role = (typeof ROLES)[number];

/** Teaching staff: instructors (their own sections) and coordinators (every section). */
export const STAFF_ROLES = ["instructor", "coordinator"] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function isStaff(role: Role): role is StaffRole {
  return (STAFF_ROLES as readonly Role[]).includes(role);
}

/** Who may call a door: anyone (no session is read), any signed-in user, staff, or one role. */
export type Access = "public" | "signed-in" | "staff" | Role;

/** Whether a signed-in user of this role passes a door's access (never "public": no user). */
export function allows(access: Exclude<Access, "public">, role: Role): boolean {
  if (access === "signed-in") return true;
  if (access === "staff") return isStaff(role);
  return role === access;
}
