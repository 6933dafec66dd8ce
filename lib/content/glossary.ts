import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { CONTENT_DIR } from "./dir";
import { ContentError, describeIssues, glossarySchema, type GlossaryTerm } from "./schema";

let cached: GlossaryTerm[] | undefined;

export function loadGlossary(file = path.join(CONTENT_DIR, "glossary.md")): GlossaryTerm[] {
  if (cached && file === path.join(CONTENT_DIR, "glossary.md")) return cached;
  const parsed = glossarySchema.safeParse(matter(fs.readFileSync(file, "utf8")).data);
  if (!parsed.success) throw new ContentError(describeIssues("glossary.md", parsed.error));
  const terms = [...parsed.data.terms].sort((a, b) => a.term.localeCompare(b.term));
  cached = terms;
  return terms;
}
