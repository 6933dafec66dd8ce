import { z } from "zod";

export const ROSTER_SORTS = ["name", "email", "progress", "lessons", "final", "status", "lastActive"] as const;
export const ROSTER_FILTERS = ["all", "not_started", "in_progress", "at_risk", "ready"] as const;
export const PAGE_SIZE = 25;

/** Roster URL parameters; anything malformed falls back to a sensible default. */
export const rosterQuerySchema = z.object({
  q: z.string().trim().max(100).catch(""),
  status: z.enum(ROSTER_FILTERS).catch("all"),
  // A quiz column sorts as "quiz:<quizId>".
  sort: z.union([z.enum(ROSTER_SORTS), z.string().regex(/^quiz:[a-z0-9]{1,40}$/)]).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  // A section id, or "all" (every section the viewer may see).
  section: z.string().max(64).catch("all").default("all"),
});
export type RosterQuery = z.infer<typeof rosterQuerySchema>;

export const accommodationSchema = z.object({
  studentId: z.string().min(1).max(64),
  timeMultiplier: z.coerce
    .number({ error: "Enter a number such as 1.5." })
    .min(1, "Extra time cannot shorten the limit: use 1 or more.")
    .max(4, "Use a multiplier of 4 or less."),
  extraAttempts: z.coerce.number({ error: "Enter a whole number." }).int("Enter a whole number.").min(0, "Use 0 or more.").max(10, "Use 10 or fewer."),
});
