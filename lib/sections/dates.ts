// A quiz's dates for one student (issue 14): the section's open and due dates, a
// per-student extension, and the late policy. Pure rules, used by the quiz page, the
// start of an attempt (the server decides), the outline's labels and the attempt deadline.
import { TZDate } from "@date-fns/tz";
import { differenceInCalendarDays, format } from "date-fns";

export const LATE_POLICIES = ["accept_late", "close"] as const;
export type LatePolicy = (typeof LATE_POLICIES)[number];

export type QuizDates = { opensAt: Date | null; dueAt: Date | null; latePolicy: LatePolicy; extendedTo: Date | null; timeZone: string };

export const isLatePolicy = (value: unknown): value is LatePolicy => (LATE_POLICIES as readonly unknown[]).includes(value);

/** The due date that applies to this student: an extension replaces the section's date. */
export function effectiveDue(dates: QuizDates): Date | null {
  return dates.extendedTo ?? dates.dueAt;
}

/** An attempt submitted after the due date that applied to the student is late. */
export function isLate(submittedAt: Date | null, dates: QuizDates | undefined): boolean {
  const due = dates ? effectiveDue(dates) : null;
  return Boolean(submittedAt && due && submittedAt > due);
}

export type Availability = { state: "not_open"; opensAt: Date } | { state: "open"; due: Date | null } | { state: "late"; due: Date } | { state: "closed"; due: Date };

export function availability(dates: QuizDates | undefined, now: Date): Availability {
  if (!dates) return { state: "open", due: null };
  if (dates.opensAt && now < dates.opensAt) return { state: "not_open", opensAt: dates.opensAt };
  const due = effectiveDue(dates);
  if (due && now > due) return dates.latePolicy === "close" ? { state: "closed", due } : { state: "late", due };
  return { state: "open", due };
}

/**
 * When an attempt must end: its time limit, and, where the quiz closes at the due date,
 * no later than that (the existing deadline machinery then closes it on the server).
 */
export function attemptDeadline(timeLimitDeadline: Date | null, dates: QuizDates | undefined): Date | null {
  const due = dates && dates.latePolicy === "close" ? effectiveDue(dates) : null;
  if (!due) return timeLimitDeadline;
  return timeLimitDeadline && timeLimitDeadline < due ? timeLimitDeadline : due;
}

/** "Tue 15 Dec 2026, 23:59 (America/Chicago)": an instant as the section's people read it. */
export function formatInZone(instant: Date, zone: string): string {
  return `${format(new TZDate(instant.getTime(), zone), "EEE d MMM yyyy, HH:mm")} (${zone})`;
}

/** An instant in the section's zone, and also in the person's own zone where that differs. */
export function formatForPerson(instant: Date, sectionZone: string, ownZone: string | null | undefined): string {
  const inSection = formatInZone(instant, sectionZone);
  return ownZone && ownZone !== sectionZone ? `${inSection}; ${formatInZone(instant, ownZone)}, your time` : inSection;
}

/** The outline's short label, counted in calendar days of the section's zone; null when done or undated. */
export function dueLabel(dates: QuizDates | undefined, passed: boolean, now: Date): string | null {
  if (!dates || passed) return null;
  const due = effectiveDue(dates);
  if (!due) return null;
  if (now > due) return "overdue";
  const days = differenceInCalendarDays(new TZDate(due.getTime(), dates.timeZone), new TZDate(now.getTime(), dates.timeZone));
  return days === 0 ? "due today" : days === 1 ? "due tomorrow" : `due in ${days} days`;
}
