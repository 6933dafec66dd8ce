import { describe, expect, it } from "vitest";
import { attemptDeadline, availability, dueLabel, effectiveDue, formatForPerson, formatInZone, isLate, type QuizDates } from "./dates";

const at = (iso: string) => new Date(iso);
const dates = (over: Partial<QuizDates> = {}): QuizDates => ({ opensAt: null, dueAt: at("2026-12-16T05:59:59.999Z"), latePolicy: "accept_late", extendedTo: null, timeZone: "America/Chicago", ...over });

describe("quiz dates", () => {
  it("an extension replaces the section's due date, later or earlier", () => {
    expect(effectiveDue(dates({ extendedTo: at("2026-12-20T05:59:59.999Z") }))?.toISOString()).toBe("2026-12-20T05:59:59.999Z");
    expect(effectiveDue(dates())?.toISOString()).toBe("2026-12-16T05:59:59.999Z");
  });

  it("is not open before its open date, late or closed after its due date by policy", () => {
    expect(availability(undefined, at("2026-12-01T00:00:00Z"))).toEqual({ state: "open", due: null });
    expect(availability(dates({ opensAt: at("2026-12-10T06:00:00Z") }), at("2026-12-09T12:00:00Z")).state).toBe("not_open");
    expect(availability(dates(), at("2026-12-15T12:00:00Z")).state).toBe("open");
    expect(availability(dates(), at("2026-12-16T06:00:00Z")).state).toBe("late");
    expect(availability(dates({ latePolicy: "close" }), at("2026-12-16T06:00:00Z")).state).toBe("closed");
    expect(availability(dates({ latePolicy: "close", extendedTo: at("2026-12-18T05:59:59.999Z") }), at("2026-12-16T06:00:00Z")).state).toBe("open");
  });

  it("an attempt of a quiz that closes ends at the due date at the latest", () => {
    const limit = at("2026-12-16T06:30:00Z");
    expect(attemptDeadline(limit, dates({ latePolicy: "close" }))?.toISOString()).toBe("2026-12-16T05:59:59.999Z");
    expect(attemptDeadline(limit, dates())?.toISOString()).toBe(limit.toISOString()); // late work accepted: the limit only
    expect(attemptDeadline(null, dates({ latePolicy: "close" }))?.toISOString()).toBe("2026-12-16T05:59:59.999Z");
    expect(attemptDeadline(at("2026-12-15T10:00:00Z"), dates({ latePolicy: "close" }))?.toISOString()).toBe("2026-12-15T10:00:00.000Z");
    expect(attemptDeadline(null, undefined)).toBeNull();
  });

  it("labels count calendar days in the section's zone", () => {
    // 23:00 on the 12th in Chicago is already the 13th in UTC: still three days before the 15th there.
    expect(dueLabel(dates(), false, at("2026-12-13T05:00:00Z"))).toBe("due in 3 days");
    expect(dueLabel(dates(), false, at("2026-12-15T05:00:00Z"))).toBe("due tomorrow");
    expect(dueLabel(dates(), false, at("2026-12-15T12:00:00Z"))).toBe("due today");
    expect(dueLabel(dates(), false, at("2026-12-16T06:00:00Z"))).toBe("overdue");
    expect(dueLabel(dates(), true, at("2026-12-16T06:00:00Z"))).toBeNull();
    expect(formatInZone(at("2026-12-16T05:59:59.999Z"), "America/Chicago")).toBe("Tue 15 Dec 2026, 23:59 (America/Chicago)");
  });
});

describe("formatForPerson", () => {
  const due = new Date("2026-12-16T05:59:00Z"); // 23:59 on the 15th in Chicago
  it("adds the person's own time where their zone differs from the section's", () => {
    expect(formatForPerson(due, "America/Chicago", "Europe/Berlin")).toBe("Tue 15 Dec 2026, 23:59 (America/Chicago); Wed 16 Dec 2026, 06:59 (Europe/Berlin), your time");
    expect(formatForPerson(due, "America/Chicago", "America/Chicago")).toBe("Tue 15 Dec 2026, 23:59 (America/Chicago)");
    expect(formatForPerson(due, "America/Chicago", null)).toBe("Tue 15 Dec 2026, 23:59 (America/Chicago)");
  });
});

describe("isLate", () => {
  it("is a submission after the due date that applies, the extension's where there is one", () => {
    expect(isLate(at("2026-12-16T06:00:00Z"), dates())).toBe(true);
    expect(isLate(at("2026-12-16T05:00:00Z"), dates())).toBe(false);
    expect(isLate(at("2026-12-16T06:00:00Z"), dates({ extendedTo: at("2026-12-18T05:59:59Z") }))).toBe(false);
    expect(isLate(null, dates())).toBe(false);
    expect(isLate(at("2030-01-01T00:00:00Z"), undefined)).toBe(false);
  });
});
