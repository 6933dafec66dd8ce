import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { ContentError, describeIssues, glossarySchema, type GlossaryTerm } from "./schema";

let cached: GlossaryTerm[] | undefined;

/** The glossary, validated, sorted by term; read once per process. */
export function loadGlossary(): GlossaryTerm[] {
  if (cached) return cached;
  const raw = fs.readFileSync(path.join(process.cwd(), "content", "glossary.md"), "utf8");
  const parsed = glossarySchema.safeParse(matter(raw).data);
  if (!parsed.success) throw new ContentError(describeIssues("glossary.md", parsed.error));
  cached = [...parsed.data.terms].sort((a, b) => a.term.localeCompare(b.term));
  return cached;
}
