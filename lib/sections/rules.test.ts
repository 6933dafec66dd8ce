import { describe, expect, it } from "vitest";
import { displayJoinCode, JOIN_CODE_LENGTH, newJoinCode, normalizeJoinCode } from "./codes";
import { isRealDay } from "./schemas";
import { dayIn, endOfDayIn, isTimeZone, startOfDayIn, termLabel, termState, timeZones } from "./terms";

describe("join codes", () => {
  it("are eight symbols of Crockford's alphabet and differ each time", () => {
    const codes = new Set(Array.from({ length: 200 }, newJoinCode));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(new RegExp(`^[0-9A-HJKMNP-TV-Z]{${JOIN_CODE_LENGTH}}$`));
  });

  it("forgive case, spaces, dashes and O/I/L typed for 0/1", () => {
    expect(normalizeJoinCode(" k7m2-qx9p ")).toBe("K7M2QX9P");
    expect(normalizeJoinCode("oill-2345")).toBe("0111" + "2345");
    expect(normalizeJoinCode(displayJoinCode("K7M2QX9P"))).toBe("K7M2QX9P");
  });

  it("refuse what cannot be a code", () => {
    expect(normalizeJoinCode("")).toBeNull();
    expect(normalizeJoinCode("abc")).toBeNull();
    expect(normalizeJoinCode("K7M2QX9P'; --")).toBeNull();
    expect(normalizeJoinCode("x".repeat(100))).toBeNull();
  });
});

describe("term dates in a section's zone", () => {
  it("knows real zones and refuses made-up ones; the picker offers UTC (Node 20's list leaves it out)", () => {
    expect(isTimeZone("America/Chicago")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(timeZones()).toContain("UTC");
    expect(timeZones()).toContain("America/Chicago");
  });

  it("accepts only days that exist, in a plausible year", () => {
    expect(isRealDay("2026-09-01")).toBe(true);
    expect(isRealDay("2028-02-29")).toBe(true);
    expect(isRealDay("2026-02-29")).toBe(false);
    expect(isRealDay("2026-02-31")).toBe(false);
    expect(isRealDay("0026-01-01")).toBe(false);
    expect(isRealDay("2026-13-01")).toBe(false);
  });

  it("starts a day at local midnight, also across a clock change", () => {
    // Chicago is UTC-5 in summer and UTC-6 in winter; DST ended on 1 Nov 2026.
    expect(startOfDayIn("2026-09-01", "America/Chicago").toISOString()).toBe("2026-09-01T05:00:00.000Z");
    expect(startOfDayIn("2026-12-15", "America/Chicago").toISOString()).toBe("2026-12-15T06:00:00.000Z");
    // The day of the change is 25 hours long.
    expect(endOfDayIn("2026-11-01", "America/Chicago").getTime() - startOfDayIn("2026-11-01", "America/Chicago").getTime()).toBe(25 * 3_600_000 - 1);
    expect(endOfDayIn("2026-12-15", "America/Chicago").toISOString()).toBe("2026-12-16T05:59:59.999Z");
  });

  it("reads an instant back as the day it falls on there", () => {
    const late = new Date("2026-12-16T04:00:00Z"); // still the 15th in Chicago
    expect(dayIn(late, "America/Chicago")).toBe("2026-12-15");
    expect(dayIn(late, "Europe/Berlin")).toBe("2026-12-16");
    expect(termLabel(startOfDayIn("2026-09-01", "America/Chicago"), endOfDayIn("2026-12-15", "America/Chicago"), "America/Chicago")).toBe("1 Sep 2026 – 15 Dec 2026");
  });

  it("says whether a term is upcoming, current or over", () => {
    const term = { termStart: new Date("2026-09-01T05:00:00Z"), termEnd: new Date("2026-12-16T05:59:59.999Z") };
    expect(termState(term, new Date("2026-08-31T23:00:00Z"))).toBe("upcoming");
    expect(termState(term, new Date("2026-10-01T00:00:00Z"))).toBe("current");
    expect(termState(term, new Date("2026-12-16T06:00:00Z"))).toBe("ended");
  });
});
