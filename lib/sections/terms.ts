import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

// A section's dates are entered and shown in its own time zone and stored as instants.
// The conversions go through @date-fns/tz (ADR 0013): no hand arithmetic with offsets,
// which is wrong twice a year wherever clocks change.

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone.length <= 64;
  } catch {
    return false;
  }
}

/** Every zone the runtime knows, for the picker. Node 20's list leaves out "UTC", which sections default to. */
export function timeZones(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

function parts(day: string): [number, number, number] {
  const [y, m, d] = day.split("-").map(Number);
  return [y, m - 1, d];
}

/** The instant a calendar day (YYYY-MM-DD) begins in `zone`. */
export function startOfDayIn(day: string, zone: string): Date {
  const [y, m, d] = parts(day);
  return new Date(new TZDate(y, m, d, 0, 0, 0, 0, zone).getTime());
}

/** The last millisecond of a calendar day in `zone` (the start of the next day, less 1 ms). */
export function endOfDayIn(day: string, zone: string): Date {
  const [y, m, d] = parts(day);
  return new Date(new TZDate(y, m, d + 1, 0, 0, 0, 0, zone).getTime() - 1);
}

/** The calendar day (YYYY-MM-DD) an instant falls on in `zone`. */
export function dayIn(instant: Date, zone: string): string {
  return format(new TZDate(instant.getTime(), zone), "yyyy-MM-dd");
}

/** A term as people read it: "1 Sep 2026 – 15 Dec 2026". */
export function termLabel(start: Date, end: Date, zone: string): string {
  const show = (d: Date) => format(new TZDate(d.getTime(), zone), "d MMM yyyy");
  return `${show(start)} – ${show(end)}`;
}

export type TermState = "upcoming" | "current" | "ended";

export function termState(term: { termStart: Date; termEnd: Date }, now: Date): TermState {
  if (now < term.termStart) return "upcoming";
  return now > term.termEnd ? "ended" : "current";
}
